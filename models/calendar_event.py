# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

import babel.dates

from odoo import api, fields, models

# "Thứ Bảy, 19/12/2026, 08:00": the office's way of writing a date, with the
# day's name in the reader's language.
WHEN_FORMAT = "EEEE, dd/MM/y, HH:mm"


class CalendarEvent(models.Model):
    """The calendar event of a meeting (paperless.meeting.calendar_event_id)
    knows its meeting, so that the invitation it e-mails speaks for the
    office (its address, its time zone, the reader's language) and so that
    only its invitees and the office see it (core Odoo 11 shows every event
    to every internal user)."""

    _inherit = "calendar.event"

    # The meeting whose event this is, written with the event's values by
    # the meeting (so the invitations sent at creation already know it), and
    # its unit: plain columns for the record rules
    # (security/paperless_core_security.xml), where a one2many or a path
    # would make Odoo 11 list every meeting's event on each search.
    paperless_meeting_id = fields.Many2one(
        "paperless.meeting", readonly=True, index=True, ondelete="set null",
    )
    paperless_company_id = fields.Many2one(
        related="paperless_meeting_id.company_id", store=True, readonly=True,
        index=True, string="Meeting's Unit",
    )
    paperless_office = fields.Char(
        compute="_compute_paperless_mail", string="Organising Office")
    paperless_mail_from = fields.Char(
        compute="_compute_paperless_mail", string="Invitation Sender")
    paperless_when = fields.Char(
        compute="_compute_paperless_mail", string="Meeting Time")

    @api.depends("start", "stop", "paperless_meeting_id")
    def _compute_paperless_mail(self):
        lang = self.env.lang or "en_US"
        others = self.filtered(lambda event: not event.paperless_meeting_id)
        others.update({"paperless_office": False, "paperless_mail_from": False,
                       "paperless_when": False})
        for event in self - others:
            # What the invitation shows of the meeting's unit, company and
            # secretary: read for an e-mail the office sends, whoever renders it.
            meeting = event.paperless_meeting_id.sudo()
            company = meeting.secretary_id.company_id or self.env.user.company_id
            office = meeting.unit_id.name or company.name
            email = (meeting.unit_id.email or company.email
                     or meeting.secretary_id.email)
            event.paperless_office = office
            event.paperless_mail_from = email and formataddr((office, email))
            start = meeting._report_local(event.start)
            stop = meeting._report_local(event.stop)
            when = babel.dates.format_datetime(start, WHEN_FORMAT, locale=lang)
            if stop.date() == start.date():
                when = "%s – %s" % (when, stop.strftime("%H:%M"))
            else:
                when = "%s – %s" % (when, babel.dates.format_datetime(
                    stop, WHEN_FORMAT, locale=lang))
            event.paperless_when = when
