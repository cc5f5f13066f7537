from . import paperless_invitation_report
from . import paperless_consultation_report
from . import paperless_petition_register_report
from . import paperless_petition_sheet_report
