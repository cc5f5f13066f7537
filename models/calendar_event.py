# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CalendarEvent(models.Model):
    """The calendar event of a scheduled meeting mirrors the meeting: only its
    invitees and the office see it (the record rules in
    security/paperless_core_security.xml); core Odoo 11 shows every event to
    every internal user."""

    _inherit = "calendar.event"

    # The inverse of paperless.meeting.calendar_event_id, so that the rules can
    # tell a meeting's event from any other (and existing events need no
    # migration). Only the office reads it: a member or another internal user
    # reading every field of an event must not need rights on meetings.
    paperless_meeting_ids = fields.One2many(
        "paperless.meeting", "calendar_event_id", string="Paperless Meetings",
        readonly=True, groups="paperless_meeting.group_paperless_secretary",
    )
