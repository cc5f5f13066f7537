# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.3.0: a meeting's calendar event is known by one link only.

The record rules now read ``calendar_event.paperless_meeting_id`` (and the
unit stored beside it, computed by the update from it); an event that lacks
it gets it from its meeting (``paperless_meeting.calendar_event_id``) before
the update."""


def migrate(cr, version):
    if not version:
        return
    # Older than ac35a5b, the column is not there yet: made here (the update
    # adds its foreign key), so that no meeting's event is left unguarded.
    cr.execute("ALTER TABLE calendar_event"
               " ADD COLUMN IF NOT EXISTS paperless_meeting_id integer")
    cr.execute(
        "UPDATE calendar_event AS event SET paperless_meeting_id = meeting.id"
        " FROM paperless_meeting AS meeting"
        " WHERE meeting.calendar_event_id = event.id"
        " AND event.paperless_meeting_id IS NULL")
