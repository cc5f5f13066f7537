# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .paperless_consultation import OPINIONS


class PaperlessConsultationResponse(models.Model):
    """A respondent's answer to a request for opinions: one row per
    respondent, rewritten when they change it, and standing only while it
    answers the current version of what is asked. Written only by
    ``paperless.consultation.respond``."""

    _name = "paperless.consultation.response"
    _description = "Answer to a Request for Opinions"
    _inherit = ["paperless.lock.mixin"]
    _order = "consultation_id, user_id"
    _rec_name = "user_id"
    _lock_parent_field = "consultation_id"
    _lock_system_fields = ("opinion", "reason", "version", "answered_on")

    consultation_id = fields.Many2one(
        "paperless.consultation", required=True, readonly=True, index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="consultation_id.company_id", string="Unit", readonly=True,
        store=True, index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Respondent", required=True, readonly=True,
        ondelete="restrict", index=True,
    )
    opinion = fields.Selection(OPINIONS, required=True, readonly=True)
    reason = fields.Text(readonly=True)
    answered_on = fields.Datetime(readonly=True)
    version = fields.Integer(readonly=True)
    standing = fields.Boolean(
        compute="_compute_standing", store=True,
        help="Whether the answer is to what is asked now; it lapses when the "
        "question or its documents change.")

    _sql_constraints = [
        ("consultation_user_unique", "unique(consultation_id, user_id)",
         "A respondent answers once; a new answer replaces the earlier one."),
    ]

    @api.depends("version", "consultation_id.version")
    def _compute_standing(self):
        for response in self:
            response.standing = response.version == response.consultation_id.version
