from . import paperless_invitation_report
