# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# Odoo's calendar invitation is English only and speaks for "YourCompany" in
# the server's time zone; the meeting's own says the same in the reader's
# language, from the office, with the member room's link.
PAPERLESS_TEMPLATES = {
    "calendar.calendar_template_meeting_invitation":
        "paperless_meeting.mail_template_meeting_invitation",
}


class CalendarAttendee(models.Model):
    """Invitations to a meeting's event go out with the addon's template
    (still with calendar's .ics attached). Core Odoo 11 attaches
    ``invitation.ics`` (title, room, link, agenda, invitees) without any
    owner record: readable by every internal user, and left behind when the
    sent e-mail is deleted. For a meeting's event the file belongs to the
    e-mail's message instead (see mail_message.py): read as the message is,
    and deleted with it."""

    _inherit = "calendar.attendee"

    # The event's meeting and unit as plain columns, for the record rules
    # (see calendar_event.py).
    paperless_meeting_id = fields.Many2one(
        related="event_id.paperless_meeting_id", store=True, readonly=True,
        index=True)
    paperless_company_id = fields.Many2one(
        related="event_id.paperless_company_id", store=True, readonly=True,
        index=True)

    @api.multi
    def _send_mail_to_attendees(self, template_xmlid, force_send=False):
        # Technical read of the events' meetings: it decides the template and
        # where the file goes, whoever sends the invitation.
        ours = self.filtered(
            lambda attendee: attendee.sudo().event_id.paperless_meeting_id)
        others = self - ours
        result = True
        if others:
            result = super(CalendarAttendee, others)._send_mail_to_attendees(
                template_xmlid, force_send)
        if ours:
            result = super(CalendarAttendee, ours.with_context(
                paperless_own_invitation_files=True))._send_mail_to_attendees(
                    PAPERLESS_TEMPLATES.get(template_xmlid, template_xmlid),
                    force_send) and result
        return result
