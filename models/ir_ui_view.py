# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from . import vn_format


class IrUiView(models.Model):
    _inherit = "ir.ui.view"

    @api.model
    def _prepare_qcontext(self):
        """Every QWeb template (the official papers, and any page showing
        their figures) formats numbers the Vietnamese way through
        ``vn_format``."""
        qcontext = super()._prepare_qcontext()
        qcontext["vn_format"] = vn_format
        return qcontext
