# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models

# The printed schedule is a Vietnamese administrative paper whatever the
# reader's language.
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
            "Chủ nhật")


class PaperlessWorkCalendarWeek(models.TransientModel):
    """A week of a unit's work calendar, to print (lịch công tác tuần)."""

    _name = "paperless.work.calendar.week"
    # A paper of the unit's letterhead, kept in no register.
    _inherit = ["paperless.action.mixin", "paperless.paper.mixin"]
    _description = "Weekly Work Calendar"

    date_from = fields.Date(
        string="Week Of", required=True,
        default=lambda self: self.env["paperless.work.calendar.entry"]._week_start(),
        help="Any day of the week to print; the schedule runs Monday to Sunday.")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True,
        default=lambda self: self.env.user.company_id)

    @api.multi
    def _monday(self):
        self.ensure_one()
        return self.env["paperless.work.calendar.entry"]._week_start(self.date_from)

    @api.multi
    def _days(self):
        """The week's days with the unit's entries the user may see."""
        self.ensure_one()
        return self.env["paperless.work.calendar.entry"]._week_days(
            self._monday(), [("company_id", "=", self.company_id.id)])

    @api.multi
    def _report_weekday(self, day):
        return "%s, %s" % (WEEKDAYS[day.weekday()], day.strftime("%d/%m/%Y"))

    @api.multi
    def _report_subject(self):
        monday = self._monday()
        return "Tuần từ ngày %s đến ngày %s" % (
            monday.strftime("%d/%m/%Y"),
            (monday + timedelta(days=6)).strftime("%d/%m/%Y"))

    @api.multi
    def action_print(self):
        self._ensure_one_action()
        return self.env.ref("paperless_meeting.report_work_calendar") \
            .report_action(self)
