# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What every record that issues official papers shares: its number from
the unit's register, the day it was issued, the letterhead, the marks and
the signature block. The QWeb templates only render these values."""
from odoo import api, fields, models

from .paperless_paper import CONFIDENTIALITY_MARKS, URGENCY_MARKS


class PaperlessPaperMixin(models.AbstractModel):
    _name = "paperless.paper.mixin"
    _description = "Issues Official Papers"

    # ------------------------------------------------------------------
    # What models say about themselves
    # ------------------------------------------------------------------
    @api.multi
    def _paper_company(self):
        return self.company_id or self.env.user.company_id

    @api.multi
    def _paper_meeting(self):
        """The meeting the paper belongs to, if any (its ``meeting_id``)."""
        if "meeting_id" in self._fields:
            return self.meeting_id
        return self.env["paperless.meeting"]

    @api.multi
    def _paper_subject(self, kind):
        return self.display_name

    @api.multi
    def _paper_default_signer(self, kind):
        """Who signs when the unit names nobody for ``kind``: the chair of
        the paper's meeting, on the body's behalf."""
        return self._paper_meeting().chair_id

    @api.multi
    def _paper_marks(self):
        """(secrecy, urgency) marks: the record's own, else its meeting's."""
        source = self if "confidentiality" in self._fields \
            else self._paper_meeting()
        if not source:
            return False, False
        return (CONFIDENTIALITY_MARKS.get(source.confidentiality, False),
                URGENCY_MARKS.get(source.urgency, False))

    # ------------------------------------------------------------------
    # Issuing
    # ------------------------------------------------------------------
    @api.multi
    def _paper_issue(self, kind, date=False):
        """Draw the number of paper ``kind`` for each record (once: it keeps
        it). The caller is the record's action and has checked the user."""
        papers = self.env["paperless.paper"]
        for record in self:
            papers |= papers._issue(
                record, kind, record._paper_company(),
                subject=record._paper_subject(kind),
                meeting=record._paper_meeting(), date=date)
        return papers

    @api.multi
    def _paper(self, kind):
        self.ensure_one()
        return self.env["paperless.paper"]._find(self, kind)

    @api.multi
    def _paper_setting(self, kind):
        self.ensure_one()
        return self.env["paperless.paper.setting"]._for(self._paper_company(), kind)

    # ------------------------------------------------------------------
    # What the papers print
    # ------------------------------------------------------------------
    @api.multi
    def _paper_header(self, kind):
        """The ``paper`` values of report_party_header. ``kind`` False: a
        paper kept in no register (a weekly schedule), dated the day it is
        printed, without a number."""
        self.ensure_one()
        # sudo: the unit's letterhead is printed on every paper its readers
        # may see, including members of other units.
        company = self._paper_company().sudo()
        parent, issuer, place = company._paperless_letterhead()
        paper = self._paper(kind) if kind else None
        secrecy, urgency = self._paper_marks()
        today = fields.Date.from_string(self.env["paperless.paper"]._local_today())
        if paper or not kind:
            day = fields.Date.from_string(paper.date_issued) if paper else today
            date_line = "%s, ngày %02d tháng %02d năm %d" % (
                place, day.day, day.month, day.year)
        else:
            # Not issued yet (a draft): the office fills in number and date.
            date_line = "%s, ngày     tháng     năm %s" % (place, today.year)
        if paper:
            number = paper.name
        else:
            number = self._paper_setting(kind)._placeholder_number() if kind else False
        return {
            "parent": parent,
            "issuer": issuer,
            # The unit's name as written, for the text of the paper.
            "unit": company.name,
            "number": number,
            "date_line": date_line,
            "issued": bool(paper),
            "secrecy": secrecy,
            "urgency": urgency,
        }

    @api.multi
    def _paper_signer(self, kind):
        """The signature values of the unit's signer of ``kind``."""
        self.ensure_one()
        return self._paper_setting(kind)._signer(
            self._paper_default_signer(kind))

    @api.multi
    def _paper_recipients(self, kind):
        self.ensure_one()
        return self._paper_setting(kind)._recipients()
