from . import paperless_attendee_answer
