# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Leadership bodies (cơ quan lãnh đạo): Ban Chấp hành, Ban Thường vụ,
Thường trực, a unit's leadership. Their sitting members, not the invitation
list, are the base of "more than half of all members" (Quy định 294-QĐ/TW)."""
from odoo import api, fields, models

QUORUM_RULES = [
    ("two_thirds", "At least two thirds of the members present"),
    ("majority", "More than half of the members present"),
]
PASS_RULES = [
    ("members_majority", "More than half of all members"),
    ("present_majority", "More than half of the members present"),
    ("cast_majority", "More than half of the votes cast"),
    ("two_thirds_members", "Two thirds of all members"),
]


class PaperlessBody(models.Model):
    _name = "paperless.body"
    _description = "Leadership Body"
    _order = "company_id, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id,
    )
    member_ids = fields.One2many(
        "paperless.body.member", "body_id", string="Members", copy=False,
    )
    quorum = fields.Selection(
        QUORUM_RULES, required=True, default="two_thirds",
        help="Default quorum of the ballots of its meetings, checked when a "
        "ballot opens and again when it closes.",
    )
    pass_rule = fields.Selection(
        PASS_RULES, required=True, default="members_majority",
        help="Default pass rule of the ballots of its meetings.",
    )
    sitting_count = fields.Integer(
        compute="_compute_sitting_count", string="Sitting Members")

    @api.depends("member_ids.date_from", "member_ids.date_to")
    def _compute_sitting_count(self):
        today = fields.Date.context_today(self)
        for body in self:
            body.sitting_count = len(body._sitting_users(today))

    @api.multi
    def _sitting_users(self, day):
        """The users sitting on the body on ``day`` (a date string)."""
        self.ensure_one()
        # The roster is the base of every vote of the body, whoever reads it.
        return self.sudo().member_ids.filtered(
            lambda member: member._sits_on(day)).mapped("user_id")
