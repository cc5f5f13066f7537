# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PaperlessBodyMember(models.Model):
    """One seat on a body over a period: leaving (``date_to``) keeps the
    history, and a member who has left no longer counts in the base."""

    _name = "paperless.body.member"
    _description = "Body Member"
    _order = "body_id, sequence, id"
    _rec_name = "user_id"

    body_id = fields.Many2one(
        "paperless.body", required=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="body_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users", string="Member", required=True, ondelete="restrict",
        index=True,
    )
    position = fields.Char(help="E.g. Bí thư, Phó Bí thư, Ủy viên.")
    date_from = fields.Date(string="Since")
    date_to = fields.Date(string="Until")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for member in self:
            if member.date_from and member.date_to \
                    and member.date_to < member.date_from:
                raise ValidationError(_(
                    "A member cannot leave a body before joining it."))

    @api.constrains("body_id", "user_id", "date_from", "date_to")
    def _check_one_seat(self):
        for member in self:
            overlapping = member.body_id.member_ids.filtered(
                lambda other: other != member and other.user_id == member.user_id
                and (not other.date_to or not member.date_from
                     or other.date_to >= member.date_from)
                and (not member.date_to or not other.date_from
                     or member.date_to >= other.date_from))
            if overlapping:
                raise ValidationError(_(
                    "%(name)s already sits on this body over that period.")
                    % {"name": member.user_id.name})

    @api.multi
    def _sits_on(self, day):
        self.ensure_one()
        return (not self.date_from or self.date_from <= day) \
            and (not self.date_to or self.date_to >= day)
