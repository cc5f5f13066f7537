# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..models.paperless_meeting import START_EARLY_HOURS


class PaperlessMeetingStartConfirm(models.TransientModel):
    """Confirm starting a meeting well before its planned start; the start
    itself stays paperless.meeting.action_start, with all its checks."""

    _name = "paperless.meeting.start.confirm"
    _inherit = ["paperless.action.mixin"]
    _description = "Confirm an Early Meeting Start"

    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, readonly=True, ondelete="cascade",
    )
    message = fields.Text(compute="_compute_message")

    @api.depends("meeting_id")
    def _compute_message(self):
        for wizard in self:
            wizard.message = _(
                "The meeting \"%(name)s\" is planned for %(when)s, more than "
                "%(hours)d hours from now. Start it now anyway?") % {
                    "name": wizard.meeting_id.name,
                    "when": wizard.meeting_id.date_display,
                    "hours": START_EARLY_HOURS}

    @api.multi
    def action_confirm(self):
        self._ensure_one_action()
        self.meeting_id.with_context(
            paperless_start_confirmed=True).action_start()
        return {"type": "ir.actions.act_window_close"}
