# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CalendarAttendee(models.Model):
    """Core Odoo 11 attaches ``invitation.ics`` (title, room, link, agenda,
    invitees) to each invitation e-mail without any owner record, and an
    attachment without an owner is readable by every internal user, and is
    left behind when the sent e-mail is deleted. For a meeting's event the
    file belongs to the e-mail's message instead (see mail_message.py): read
    as the message is, and deleted with it."""

    _inherit = "calendar.attendee"

    @api.multi
    def _send_mail_to_attendees(self, template_xmlid, force_send=False):
        # Technical read of the event's meeting: it decides where the file
        # goes, whoever sends the invitation.
        # The meeting's own sync says so as it creates the event (not linked
        # to the meeting yet); later invitations are told by the link.
        attendees = self
        if self.sudo().mapped("event_id.paperless_meeting_ids"):
            attendees = self.with_context(paperless_own_invitation_files=True)
        return super(CalendarAttendee, attendees)._send_mail_to_attendees(
            template_xmlid, force_send=force_send)
