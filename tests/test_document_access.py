# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The access log's rights, the read receipts, the stamp service and the
member list's fixed query count."""

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import PaperlessCase, create_user, meeting_values
from .pdf_samples import without_xref
from .test_member_pages import ORIGINAL_TEXT, pdf_text, text_pdf
from ..models.pdf_stamp import StampError, copy_pdf, stamp_pdf

NOW = "2026-11-15 00:00:00"


class TestDocumentAccess(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()
        Access = cls.env["paperless.document.access"]
        # As the controller writes them: with sudo, after the access check.
        cls.row_member = Access.create({
            "document_id": cls.document.id, "user_id": cls.member.id})
        cls.row_member2 = Access.create({
            "document_id": cls.document.id, "user_id": cls.member2.id,
            "mode": "download"})

    def test_member_reads_only_own_rows(self):
        # Fails without paperless_document_access_rule_member.
        Access = self.env["paperless.document.access"].sudo(self.member)
        self.assertEqual(Access.search([]), self.row_member)
        with self.assertRaises(AccessError):
            self.row_member2.sudo(self.member).read(["trace_id"])
        self.assertEqual(self.document.sudo(self.member).access_count, 1)

    def test_office_reads_every_row(self):
        # Fails without paperless_document_access_rule_secretary (the member
        # rule, which secretaries inherit, would hide the others' rows).
        for user in (self.secretary, self.manager):
            rows = self.env["paperless.document.access"].sudo(user).search([
                ("document_id", "=", self.document.id)])
            self.assertEqual(rows, self.row_member | self.row_member2)
            self.assertEqual(self.document.sudo(user).access_count, 2)

    def test_nobody_writes_the_log(self):
        # The ir.model.access lines grant read only, to every role.
        for user in (self.member, self.secretary, self.manager):
            with self.assertRefused(AccessError):
                self.env["paperless.document.access"].sudo(user).create({
                    "document_id": self.document.id, "user_id": user.id})
            with self.assertRefused(AccessError):
                self.row_member.sudo(user).write({"mode": "download"})
            with self.assertRefused(AccessError):
                self.row_member.sudo(user).unlink()

    @mute_logger("odoo.sql_db")
    def test_trace_ids_are_short_and_unique(self):
        self.assertRegex(self.row_member.trace_id, r"^[0-9A-F]{10}$")
        self.assertNotEqual(self.row_member.trace_id, self.row_member2.trace_id)
        with self.assertRefused(Exception):
            self.env["paperless.document.access"].create({
                "document_id": self.document.id, "user_id": self.member.id,
                "trace_id": self.row_member.trace_id})

    def test_office_opens_the_log_from_the_document(self):
        action = self.document.sudo(self.secretary).action_view_access()
        self.assertEqual(action["res_model"], "paperless.document.access")
        self.assertEqual(self.env["paperless.document.access"].sudo(
            self.secretary).search(action["domain"]),
            self.row_member | self.row_member2)


class TestPdfStamp(PaperlessCase):

    def test_stamp_keeps_the_content_and_marks_every_page(self):
        original = text_pdf(ORIGINAL_TEXT, pages=3)
        stamped = stamp_pdf(original, "Phạm Thị Hoa", "01/12/2026 08:30",
                            "ABCDEF1234")
        pages = [page for page in pdf_text(stamped).split("\f") if page.strip()]
        self.assertEqual(len(pages), 3)
        for number, page in enumerate(pages, 1):
            self.assertIn("Phạm Thị Hoa · 01/12/2026 08:30 · ABCDEF1234", page)
            self.assertIn("%s, page %d" % (ORIGINAL_TEXT, number), page)
        self.assertNotIn("ABCDEF1234", pdf_text(copy_pdf(original)))

    def test_not_a_pdf_is_refused(self):
        with self.assertRaises(StampError):
            stamp_pdf(b"not a pdf", "A", "B", "C")
        # A file PyPDF2 cannot read (here a PDF without its xref table) is
        # refused, never served unstamped.
        with self.assertRaises(StampError):
            stamp_pdf(without_xref(), "A", "B", "C")


class TestMemberMeetingsQueries(PaperlessCase):

    def _make_meetings(self, user, count):
        values = []
        for number in range(count):
            values.append(meeting_values(
                self.env, self.leader, self.secretary, user,
                name="Meeting %d" % number,
                date_start="2026-12-%02d 01:30:00" % (number % 28 + 1),
                date_end="2026-12-%02d 03:30:00" % (number % 28 + 1)))
        meetings = self.env["paperless.meeting"]
        for vals in values:
            meetings |= self.Meeting.create(vals)
        # Open for the member without the calendar round trip of scheduling.
        meetings._lock_write_system({"state": "scheduled"})  # fixture
        return meetings

    def _queries(self, user):
        self.env.clear()
        model = self.env["paperless.meeting"].sudo(user)
        before = self.cr.sql_log_count
        rows = model._member_meetings(now=NOW)
        html = self.env["ir.ui.view"].sudo(user).render_template(
            "paperless_meeting.member_meeting_list",
            {"rows": rows, "page_title": "x"})
        return self.cr.sql_log_count - before, rows, html

    def test_query_count_does_not_grow_with_meetings(self):
        few_user = create_user(self.env, "pm_few", "member")
        many_user = create_user(self.env, "pm_many", "member")
        self._make_meetings(few_user, 10)
        self._make_meetings(many_user, 100)
        # Warm the template and the per-user access caches (ACLs, rules).
        self._queries(few_user)
        self._queries(many_user)
        few, few_rows, _html = self._queries(few_user)
        many, many_rows, many_html = self._queries(many_user)
        self.assertEqual((len(few_rows), len(many_rows)), (10, 100))
        self.assertEqual(many_html.count(b"pm-meeting "), 100)
        self.assertEqual(few, many)
        # Upcoming first, soonest first.
        starts = [row["meeting"].date_start for row in few_rows]
        self.assertEqual(starts, sorted(starts))

    def test_past_meetings_come_after_upcoming_ones(self):
        user = create_user(self.env, "pm_order", "member")
        meetings = self._make_meetings(user, 3)
        meetings[0]._lock_write_system({"state": "cancelled"})  # fixture
        rows = self.env["paperless.meeting"].sudo(user)._member_meetings(now=NOW)
        self.assertEqual([row["meeting"] for row in rows],
                         [meetings[1], meetings[2], meetings[0]])
        self.assertEqual([row["upcoming"] for row in rows], [True, True, False])
