# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PaperlessPaperSetting(models.Model):
    """The registers of incoming documents are the unit's registers too:
    one gap-free ``ir.sequence`` with yearly ranges per unit, secret
    documents in their own."""

    _inherit = "paperless.paper.setting"

    kind = fields.Selection(selection_add=[
        ("incoming", "Incoming Documents"),
        ("incoming_secret", "Secret Incoming Documents"),
    ])
