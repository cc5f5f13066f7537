# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PaperlessAttendeeAnswer(models.TransientModel):
    """Decline an invitation or send a substitute, with the reason the office
    needs; the answer goes through the invitee's own attendee methods."""

    _name = "paperless.attendee.answer"
    _inherit = ["paperless.action.mixin"]
    _description = "Answer to a Meeting Invitation"

    attendee_id = fields.Many2one(
        "paperless.meeting.attendee", string="Invitation", required=True,
        ondelete="cascade",
        default=lambda self: self._default_attendee_id(),
    )
    response = fields.Selection(
        [("declined", "Absent with Reason"), ("delegated", "Sending a Substitute")],
        required=True, default="declined",
    )
    delegate_id = fields.Many2one("res.partner", string="Substitute")
    reason = fields.Text(required=True)

    @api.model
    def _default_attendee_id(self):
        if self.env.context.get("active_model") == "paperless.meeting.attendee":
            return self.env.context.get("active_id")
        return False

    @api.multi
    def action_confirm(self):
        self._ensure_one_action()
        if self.response == "delegated":
            self.attendee_id.action_delegate(self.delegate_id.id, self.reason)
        else:
            self.attendee_id.action_decline(self.reason)
        return {"type": "ir.actions.act_window_close"}
