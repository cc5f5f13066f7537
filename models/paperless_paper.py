# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The kinds of official papers, each numbered in its own register per unit
# and year, with its abbreviation in the number ("12-TB/TU"): Hướng dẫn
# 36-HD/VPTW, the table of Party document kinds. A tally is a minutes
# ("biên bản") of its own, numbered apart so that two tallies never share a
# number with each other or with the minutes of the meeting.
PAPER_KINDS = [
    ("invitation", "Invitation"),
    ("agenda", "Agenda"),
    ("minutes", "Minutes"),
    ("conclusion", "Conclusion Notice"),
    ("tally", "Ballot Tally"),
    ("resolution", "Resolution"),
    ("decision", "Decision"),
    ("opinion_slip", "Request for Opinions Slip"),
]
PAPER_SYMBOLS = {
    "invitation": "GM", "agenda": "CTr", "minutes": "BB", "conclusion": "TB",
    "tally": "BBKP", "resolution": "NQ", "decision": "QĐ",
    "opinion_slip": "PXYK",
}

# Secrecy and urgency of a paper, and their marks on it (36-HD/VPTW: "dấu
# chỉ mức độ mật, mức độ khẩn"). Incoming documents use the same scales.
CONFIDENTIALITY = [
    ("normal", "Normal"),
    ("confidential", "Confidential"),
    ("secret", "Highly Confidential"),
    ("top_secret", "Top Secret"),
]
CONFIDENTIALITY_MARKS = {"confidential": "MẬT", "secret": "TỐI MẬT",
                         "top_secret": "TUYỆT MẬT"}
URGENCY = [
    ("normal", "Normal"),
    ("urgent", "Urgent"),
    ("very_urgent", "Very Urgent"),
    ("flash", "Flash"),
]
URGENCY_MARKS = {"urgent": "KHẨN", "very_urgent": "THƯỢNG KHẨN",
                 "flash": "HỎA TỐC"}


class PaperlessPaper(models.Model):
    """One line of a unit's register of outgoing papers (sổ đăng ký văn bản
    đi): the number a paper drew when it was issued, and the day. Written
    only by ``_issue`` (the papers' own actions), never edited: the
    database refuses a second paper with the same number in a register, or
    a second number for the same paper."""

    _name = "paperless.paper"
    _description = "Issued Paper"
    _order = "company_id, kind, year desc, sequence_number desc"

    name = fields.Char(string="Number", required=True, readonly=True,
                       help="As printed, e.g. \"12-TB/TU\".")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, readonly=True, index=True,
    )
    kind = fields.Selection(PAPER_KINDS, string="Paper Kind", required=True,
                            readonly=True, index=True)
    # Grouped by kind and year, a register shows its year and last number.
    year = fields.Integer(required=True, readonly=True, index=True,
                          group_operator="max")
    sequence_number = fields.Integer(string="Number in Register", required=True,
                                     readonly=True, group_operator="max")
    date_issued = fields.Date(string="Issued On", required=True, readonly=True)
    subject = fields.Char(readonly=True, help="What the paper is about (trích yếu).")
    res_model = fields.Char(string="Document Model", required=True, readonly=True)
    res_id = fields.Integer(string="Document ID", required=True, readonly=True)
    meeting_id = fields.Many2one(
        "paperless.meeting", readonly=True, index=True, ondelete="restrict",
    )

    _sql_constraints = [
        ("register_number_unique",
         "unique(company_id, kind, year, sequence_number)",
         "This number was already issued in the unit's register."),
        ("paper_unique", "unique(res_model, res_id, kind)",
         "This paper already has its number."),
    ]

    @api.model
    def _local_today(self):
        """Today in the office's time zone (a paper issued at 6 in the
        morning in Hanoi is dated that day, not the UTC one before)."""
        return fields.Date.context_today(self.with_context(
            tz=self.env.user.tz or "Asia/Ho_Chi_Minh"))

    @api.model
    def _issue(self, record, kind, company, subject=False, meeting=False,
               date=False):
        """The paper ``kind`` of ``record``: its register line, drawn now
        from the unit's register of the year if it has none yet."""
        # sudo: issuing is part of the paper's own action, whose caller has
        # been checked; the register belongs to the unit, not to the clerk.
        papers = self.sudo()
        paper = papers.search([("res_model", "=", record._name),
                               ("res_id", "=", record.id), ("kind", "=", kind)])
        if paper:
            return paper
        date = date or self._local_today()
        setting = self.env["paperless.paper.setting"]._for(company, kind)
        number = setting._draw(date)
        return papers.create({
            "name": setting._format_number(number),
            "company_id": company.id,
            "kind": kind,
            "year": fields.Date.from_string(date).year,
            "sequence_number": number,
            "date_issued": date,
            "subject": (subject or record.display_name or "")[:255],
            "res_model": record._name,
            "res_id": record.id,
            "meeting_id": meeting.id if meeting else False,
        })

    @api.model
    def _find(self, record, kind):
        # sudo: the number printed on a paper the reader is rendering.
        return self.sudo().search([("res_model", "=", record._name),
                                   ("res_id", "=", record.id),
                                   ("kind", "=", kind)], limit=1)
