# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.paperless_petition import NOT_HANDLED_REASONS


class PaperlessPetitionNotHandled(models.TransientModel):
    """Record a letter as not handled, with the reason the law allows; the
    petition's action_not_handled checks it (a repeat needs the earlier
    petition linked first)."""

    _name = "paperless.petition.not.handled"
    _inherit = ["paperless.petition.wizard.mixin"]
    _description = "Record a Petition as Not Handled"

    # Not required here: an empty reason gets the petition's own message.
    reason = fields.Selection(NOT_HANDLED_REASONS)
    duplicate_of_id = fields.Many2one(related="petition_id.duplicate_of_id",
                                      readonly=True, string="Duplicate Of")

    @api.multi
    def action_confirm(self):
        self._petition().action_not_handled(self.reason or None)
        return self._close()
