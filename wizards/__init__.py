from . import paperless_attendee_answer
from . import paperless_meeting_start_confirm
from . import paperless_work_calendar_week
from . import paperless_incoming_register_book
