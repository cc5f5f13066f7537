# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

PARTY_PAPERFORMAT = "paperless_meeting.paperformat_party_a4"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _build_wkhtmltopdf_args(self, paperformat_id, landscape,
                                specific_paperformat_args=None,
                                set_viewport_size=False):
        """The official papers print at their sizes: wkhtmltopdf's smart
        shrinking (always on in Odoo 11) scales every page to about 80 %,
        so 14pt came out as 11.5 pt. Without it, and at the paper format's
        72 dpi (Qt then rounds font sizes to whole points, not to whole
        96-dpi pixels), 14pt is 14 pt in the PDF."""
        args = super()._build_wkhtmltopdf_args(
            paperformat_id, landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size)
        if paperformat_id and paperformat_id == self.env.ref(
                PARTY_PAPERFORMAT, raise_if_not_found=False):
            args.append("--disable-smart-shrinking")
        return args
