# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo's calendar invitation is English only and speaks for "YourCompany" in
# the server's time zone; the meeting's own says the same in the reader's
# language, from the office, with the member room's link.
PAPERLESS_TEMPLATES = {
    "calendar.calendar_template_meeting_invitation":
        "paperless_meeting.mail_template_meeting_invitation",
}


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    @api.multi
    def _send_mail_to_attendees(self, template_xmlid, force_send=False):
        """Invitations to a meeting's event go out with the addon's template
        (still with calendar's .ics attached); any other event's with
        Odoo's."""
        ours = self.filtered(lambda attendee: attendee.event_id.paperless_meeting_id)
        if not ours or template_xmlid not in PAPERLESS_TEMPLATES:
            return super()._send_mail_to_attendees(template_xmlid, force_send)
        result = super(CalendarAttendee, ours)._send_mail_to_attendees(
            PAPERLESS_TEMPLATES[template_xmlid], force_send)
        if self - ours:
            result = super(CalendarAttendee, self - ours)._send_mail_to_attendees(
                template_xmlid, force_send) and result
        return result
