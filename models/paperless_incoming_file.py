# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class PaperlessDocument(models.Model):
    """The files of an incoming document are meeting documents without a
    meeting: stored, checked and read the same way (the stamped, logged
    reader), guarded by the incoming document's own record rules."""

    _inherit = "paperless.document"

    incoming_id = fields.Many2one(
        "paperless.incoming.document", string="Incoming Document",
        ondelete="cascade", index=True,
    )

    @api.depends("incoming_id.company_id")
    def _compute_company_id(self):
        result = super()._compute_company_id()
        for document in self.filtered("incoming_id"):
            document.company_id = document.incoming_id.company_id
        return result

    @api.model
    def create(self, vals):
        if vals.get("incoming_id"):
            self.env["paperless.incoming.document"].browse(
                vals["incoming_id"]).exists()._check_file_allowed()
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "incoming_id" in vals:
            self.env["paperless.incoming.document"].browse(
                vals["incoming_id"]).exists()._check_file_allowed()
        if "datas" in vals:
            self.mapped("incoming_id")._check_file_allowed()
        return super().write(vals)
