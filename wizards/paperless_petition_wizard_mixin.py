# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PaperlessPetitionWizardMixin(models.AbstractModel):
    """What the petition's dialogs share: the petition they were opened
    from. They only collect input and call the petition's action method,
    which checks the user and the law's rules."""

    _name = "paperless.petition.wizard.mixin"
    _inherit = ["paperless.action.mixin"]
    _description = "Petition Dialog"

    petition_id = fields.Many2one(
        "paperless.petition", required=True,
        ondelete="cascade", default=lambda self: self._default_petition_id())
    company_id = fields.Many2one(related="petition_id.company_id", store=True,
                                 readonly=True)

    @api.model
    def _default_petition_id(self):
        if self.env.context.get("active_model") == "paperless.petition":
            return self.env.context.get("active_id")
        return False

    @api.multi
    def _petition(self):
        """The petition, once the dialog is known to be one record."""
        self._ensure_one_action()
        return self.petition_id

    @api.model
    def _close(self):
        return {"type": "ir.actions.act_window_close"}
