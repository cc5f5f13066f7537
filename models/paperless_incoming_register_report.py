# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportIncomingRegisterBook(models.AbstractModel):
    """The register book prints the period it was asked for (Odoo 11 drops
    a report's ``data`` unless a report model passes it on)."""

    _name = "report.paperless_meeting.report_incoming_register_book_document"
    _description = "Incoming Register Book Report"

    @api.model
    def get_report_values(self, docids, data=None):
        data = data or {}
        # With the user's rights: the book lists what they may read.
        docs = self.env["paperless.incoming.document"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "paperless.incoming.document",
            "docs": docs,
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
        }
