# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PaperlessPetitionExtension(models.Model):
    """An extension of a petition's resolution deadline, as recorded by
    ``action_extend`` (never edited)."""

    _name = "paperless.petition.extension"
    _description = "Petition Deadline Extension"
    _order = "petition_id, id"

    petition_id = fields.Many2one("paperless.petition", required=True,
                                  ondelete="cascade", index=True, readonly=True)
    company_id = fields.Many2one(related="petition_id.company_id", store=True,
                                 readonly=True, index=True)
    days = fields.Integer(required=True, readonly=True)
    reason = fields.Text(required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="By", readonly=True)
    create_date = fields.Datetime(string="On", readonly=True)
