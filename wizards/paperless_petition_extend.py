# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PaperlessPetitionExtend(models.TransientModel):
    """Extend a denunciation's resolution deadline: the working days (asked
    in the Party regime only: the State's extension is fixed by law) and
    the reason. The petition's action_extend holds the limits."""

    _name = "paperless.petition.extend"
    _inherit = ["paperless.petition.wizard.mixin"]
    _description = "Extend a Petition's Deadline"

    regime = fields.Selection(related="petition_id.regime", readonly=True)
    resolution_deadline = fields.Date(related="petition_id.resolution_deadline",
                                      readonly=True, string="Current Deadline")
    days = fields.Integer(string="Working Days")
    reason = fields.Text()

    @api.multi
    def action_confirm(self):
        petition = self._petition()
        days = self.days if self.regime == "party" else None
        petition.action_extend(days=days, reason=self.reason)
        return self._close()
