from . import paperless_invitation_report
from . import paperless_consultation_report
