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
    # Who may read the file besides the office, as "|uid|uid|", kept by the
    # incoming document: the record rule tests it with one LIKE in the same
    # SQL, where dotted paths to the incoming document would cost extra
    # queries on every document search (the member's room counts them).
    incoming_reader_key = fields.Char(
        readonly=True, index=True, copy=False,
        groups="paperless_meeting.group_paperless_secretary")

    _lock_system_fields = ("version", "incoming_reader_key")

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
        document = super().create(vals)
        document.incoming_id._sync_file_readers()
        if document.incoming_id.agenda_item_id:
            document.incoming_id._copy_files_to_agenda(document)
        return document

    @api.multi
    def write(self, vals):
        if "incoming_id" in vals:
            self.env["paperless.incoming.document"].browse(
                vals["incoming_id"]).exists()._check_file_allowed()
        if "datas" in vals:
            self.mapped("incoming_id")._check_file_allowed()
        return super().write(vals)
