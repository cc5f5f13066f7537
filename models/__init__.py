from . import paperless_meeting
from . import paperless_meeting_attendee
from . import paperless_agenda_item
from . import paperless_document
from . import paperless_document_comment
from . import paperless_document_access
