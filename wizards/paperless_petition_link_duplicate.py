# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PaperlessPetitionLinkDuplicate(models.TransientModel):
    """Link a petition to the earlier one on the same matter (same unit,
    not itself: offered by the domain, checked by action_link_duplicate)."""

    _name = "paperless.petition.link.duplicate"
    _inherit = ["paperless.petition.wizard.mixin"]
    _description = "Link a Petition to the Earlier One"

    original_id = fields.Many2one(
        "paperless.petition", string="Earlier Petition", ondelete="cascade")

    @api.multi
    def action_confirm(self):
        self._petition().action_link_duplicate(self.original_id.id or None)
        return self._close()
