# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PaperlessConsultationSummaryReport(models.AbstractModel):
    """The summary of opinions lists every answer: the office's paper only,
    refused before anything is rendered."""

    _name = "report.paperless_meeting.report_consultation_summary_all"
    _description = "Summary of Opinions Report"

    @api.model
    def get_report_values(self, docids, data=None):
        docs = self.env["paperless.consultation"].browse(docids)
        docs._check_office()
        docs.check_access_rights("read")
        docs.check_access_rule("read")
        return {"doc_ids": docs.ids, "doc_model": docs._name, "docs": docs}
