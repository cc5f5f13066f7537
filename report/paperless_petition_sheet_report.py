# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .paperless_petition_register_report import report_values


class ReportPetitionSheet(models.AbstractModel):
    """The processing sheet of each petition (phiếu đề xuất xử lý đơn), in
    the letterhead of its unit, dated the day it is printed."""

    _name = "report.paperless_meeting.report_petition_sheet_document_all"
    _description = "Petition Processing Sheet Report"

    @api.model
    def get_report_values(self, docids, data=None):
        values = report_values(self.env, docids, data)
        today = fields.Date.from_string(values["today"])
        papers = {}
        for petition in values["docs"]:
            # sudo: the unit's letterhead, printed on its petitions' sheets.
            parent, issuer, place = \
                petition.company_id.sudo()._paperless_letterhead()
            papers[petition.id] = {
                "parent": parent, "issuer": issuer,
                "unit": petition.company_id.name, "number": False,
                "date_line": "%s, ngày %02d tháng %02d năm %d" % (
                    place, today.day, today.month, today.year),
                "issued": False, "secrecy": False, "urgency": False,
            }
        values["papers"] = papers
        return values
