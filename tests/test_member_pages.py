# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The member pages and the document route over the real HTTP server, as
each role: invited, uninvited, view-only documents, CSRF, errors shown on the
page, stamped copies and the access log."""
import base64
import io
import re
import subprocess

from reportlab.pdfgen import canvas

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from .common import create_user, meeting_values

ORIGINAL_TEXT = "Original budget figures of the province"


def text_pdf(text, pages=2):
    """A real PDF with ``text`` on every page, to check it survives stamping."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for number in range(pages):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 700, "%s, page %d" % (text, number + 1))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def pdf_text(data):
    """The text of a PDF as poppler's pdftotext reads it."""
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")


class TestMemberPages(HttpCase):

    def setUp(self):
        super().setUp()
        # HTTP requests run on the registry's test cursor, not on self.cr.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {role: create_user(env, "web_%s" % role, role)
                     for role in ("member", "secretary", "leader", "manager")}
            users["member"].name = "Lê Văn Minh"
            users["outsider"] = create_user(env, "web_outsider", "member")
            meeting = env["paperless.meeting"].sudo(users["secretary"]).create(
                meeting_values(env, users["leader"], users["secretary"],
                               users["member"], name="Họp Ban Thường vụ tháng 12"))
            documents = env["paperless.document"].sudo(users["secretary"])

            def add(name, data, filename, allow_download=True):
                return documents.create({
                    "name": name, "meeting_id": meeting.id,
                    "agenda_item_id": meeting.agenda_item_ids[0].id,
                    "datas": base64.b64encode(data), "datas_fname": filename,
                    "allow_download": allow_download,
                }).id

            self.doc_ids = {
                "pdf": add("Budget report", text_pdf(ORIGINAL_TEXT), "budget.pdf"),
                "pdf_view_only": add("Draft resolution", text_pdf("Draft text"),
                                     "draft.pdf", allow_download=False),
            }
            meeting.sudo(users["secretary"]).action_schedule()
            self.uids = {role: user.id for role, user in users.items()}
            self.meeting_id = meeting.id
        self.db = get_db_name()
        self.base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]

    # ------------------------------------------------------------------
    def login(self, role):
        self.opener.cookies.clear()
        login = "web_%s" % role
        response = self.opener.post(
            self.base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}},
            timeout=20).json()
        self.assertEqual(response["result"]["uid"], self.uids[role])

    def get(self, path, **kwargs):
        url = path if path.startswith("http") else self.base + path
        return self.opener.get(url, timeout=60, **kwargs)

    def post_form(self, path, data, page=None):
        """POST a form of the page like a browser: with the page's CSRF token."""
        page = page or self.get("/my/meetings/%d" % self.meeting_id).text
        token = re.search(r'csrf_token(?:" value=|: )"([^"]+)"', page).group(1)
        return self.opener.post(self.base + path, data=dict(data, csrf_token=token),
                                timeout=60, allow_redirects=False)

    def env_read(self, model, domain, fields):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env[model].search_read(domain, fields)

    def set_meeting_state(self, method):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            secretary = env["res.users"].browse(self.uids["secretary"])
            # A start two days early is confirmed, as the wizard does.
            getattr(env["paperless.meeting"].sudo(secretary).with_context(
                paperless_start_confirmed=True).browse(self.meeting_id), method)()

    # ------------------------------------------------------------------
    def test_meeting_list_and_page_as_each_role(self):
        self.login("member")
        listing = self.get("/my/meetings")
        self.assertEqual(listing.status_code, 200)
        self.assertIn('name="viewport" content="width=device-width, '
                      'initial-scale=1"', listing.text)
        self.assertIn("Họp Ban Thường vụ tháng 12", listing.text)
        self.assertIn("/my/meetings/%d" % self.meeting_id, listing.text)
        page = self.get("/my/meetings/%d" % self.meeting_id)
        self.assertEqual(page.status_code, 200)
        for text in ("Budget report", "Draft resolution", "Tôi sẽ dự",
                     "Chưa đọc", "Chỉ xem", "csrf_token"):
            self.assertIn(text, page.text)
        self.assertNotIn("pm-check-in", page.text)  # not before the meeting
        # The chair and the secretary are invited too.
        for role in ("leader", "secretary"):
            self.login(role)
            self.assertEqual(self.get("/my/meetings/%d" % self.meeting_id)
                             .status_code, 200)
        # An uninvited member, and a manager who sees every meeting in the back
        # office but is invited to none: not their meeting room.
        for role in ("outsider", "manager"):
            self.login(role)
            self.assertNotIn("Họp Ban Thường vụ", self.get("/my/meetings").text)
            self.assertEqual(self.get("/my/meetings/%d" % self.meeting_id)
                             .status_code, 404)
        self.assertEqual(self.get("/my/meetings/999999").status_code, 404)

    def test_pages_speak_vietnamese(self):
        """The member room in Vietnamese (make test loads vi_VN and the test
        users are Vietnamese): every piece of the page, the layout's
        navigation included."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.assertEqual(env["res.users"].browse(self.uids["member"]).lang,
                             "vi_VN")
        self.login("member")
        listing = self.get("/my/meetings").text
        page = self.get("/my/meetings/%d" % self.meeting_id).text
        for html in (listing, page):
            self.assertIn("Phòng họp", html)
            for english in ("Meeting Room", "Back Office", "My Meetings"):
                self.assertNotIn(english, html)
        for vietnamese in ("Chương trình", "Tôi sẽ dự", "Chưa đọc", "Mở đọc"):
            self.assertIn(vietnamese, page)
        for english in ("Agenda", "I Will Attend", "Unread", "Notes"):
            self.assertNotIn(english, page)

    def test_pages_need_a_session(self):
        for path in ("/my/meetings", "/my/meetings/%d" % self.meeting_id,
                     "/paperless/document/%d" % self.doc_ids["pdf"]):
            response = self.get(path, allow_redirects=False)
            self.assertEqual(response.status_code, 302)
            self.assertIn("/web/login", response.headers["Location"])

    def test_document_is_stamped_for_its_reader_and_logged(self):
        self.login("member")
        response = self.get("/paperless/document/%d" % self.doc_ids["pdf"])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertTrue(response.headers["Content-Disposition"].startswith("inline;"))
        trace_id = response.headers["X-Paperless-Trace-Id"]
        pages = [page for page in pdf_text(response.content).split("\f")
                 if page.strip()]
        # The stamp on both pages, in Vietnamese, and the original text intact.
        self.assertEqual(len(pages), 2)
        for number, page in enumerate(pages, 1):
            self.assertIn("Lê Văn Minh · ", page)
            self.assertIn(" · %s" % trace_id, page)
            self.assertIn("%s, page %d" % (ORIGINAL_TEXT, number), page)
        rows = self.env_read("paperless.document.access",
                             [("document_id", "=", self.doc_ids["pdf"])],
                             ["user_id", "trace_id", "mode", "stamped"])
        self.assertEqual([(row["user_id"][0], row["trace_id"], row["mode"],
                           row["stamped"]) for row in rows],
                         [(self.uids["member"], trace_id, "view", True)])
        # A second read gets another trace id; the page now shows it as read.
        again = self.get("/paperless/document/%d/download" % self.doc_ids["pdf"])
        self.assertTrue(again.headers["Content-Disposition"].startswith("attachment;"))
        self.assertNotEqual(again.headers["X-Paperless-Trace-Id"], trace_id)
        page = self.get("/my/meetings/%d" % self.meeting_id).text
        budget = page[page.index("Budget report"):page.index("Draft resolution")]
        self.assertIn("pm-read", budget)
        self.assertNotIn("pm-unread", budget)

    def test_view_only_documents(self):
        # Documents are PDFs only (checked when attached): no unstamped copy.
        self.login("member")
        view_only = self.doc_ids["pdf_view_only"]
        response = self.get("/paperless/document/%d" % view_only)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Disposition"].startswith("inline;"))
        self.assertEqual(self.get("/paperless/document/%d/download" % view_only)
                         .status_code, 403)
        rows = self.env_read("paperless.document.access",
                             [("user_id", "=", self.uids["member"])],
                             ["document_id", "mode", "stamped"])
        self.assertEqual([(row["document_id"][0], row["mode"], row["stamped"])
                          for row in rows], [(view_only, "view", True)])

    def test_uninvited_reader_gets_404_and_no_log(self):
        self.login("outsider")
        for document_id in self.doc_ids.values():
            self.assertEqual(self.get("/paperless/document/%d" % document_id)
                             .status_code, 404)
        self.assertFalse(self.env_read("paperless.document.access", [], ["id"]))
        # The office may open any document; its reads are logged the same way.
        self.login("manager")
        self.assertEqual(self.get("/paperless/document/%d" % self.doc_ids["pdf"])
                         .status_code, 200)
        self.assertEqual(len(self.env_read("paperless.document.access", [], ["id"])),
                         1)

    def test_answers_from_the_page(self):
        self.login("member")
        path = "/my/meetings/%d/answer" % self.meeting_id
        # No CSRF token, no answer.
        refused = self.opener.post(self.base + path, data={"answer": "accept"},
                                   timeout=20, allow_redirects=False)
        self.assertEqual(refused.status_code, 400)
        # A decline without a reason: the message on the page, nothing saved.
        response = self.post_form(path, {"answer": "decline", "reason": " "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Vui lòng nêu lý do", response.text)
        self.assertNotIn("Traceback", response.text)

        def mine():
            return self.env_read("paperless.meeting.attendee", [
                ("meeting_id", "=", self.meeting_id),
                ("user_id", "=", self.uids["member"])],
                ["response", "response_reason", "delegate_name", "attendance"])[0]
        self.assertEqual(mine()["response"], "invited")
        response = self.post_form(path, {
            "answer": "delegate", "reason": "Đi công tác",
            "delegate_name": "Nguyễn Văn Phó, Phó Chánh Văn phòng"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual((mine()["response"], mine()["delegate_name"]),
                         ("delegated", "Nguyễn Văn Phó, Phó Chánh Văn phòng"))
        # A delegation must name someone.
        response = self.post_form(
            path, {"answer": "delegate", "reason": "Đi công tác",
                   "delegate_name": ""})
        self.assertIn("Vui lòng cho biết người dự họp thay", response.text)
        self.assertEqual(mine()["delegate_name"],
                         "Nguyễn Văn Phó, Phó Chánh Văn phòng")
        response = self.post_form(path, {"answer": "accept"})
        self.assertEqual(response.status_code, 303)
        page = self.get(response.headers["Location"])
        self.assertIn("Cảm ơn đồng chí: đồng chí sẽ dự họp.", page.text)
        self.assertEqual(mine()["response"], "accepted")
        # Check-in only while the meeting runs.
        response = self.post_form(path, {"answer": "check_in"})
        self.assertIn("Chỉ có thể điểm danh khi cuộc họp đang diễn ra",
                      response.text)
        self.set_meeting_state("action_start")
        page = self.get("/my/meetings/%d" % self.meeting_id).text
        self.assertIn("Điểm danh", page)
        response = self.post_form(path, {"answer": "check_in"}, page=page)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(mine()["attendance"], "present")
        page = self.get(response.headers["Location"]).text
        self.assertIn("Đã điểm danh lúc", page)
        self.assertNotIn("Tôi vắng có lý do", page)  # present: no more answers
        # The answer form of a meeting of someone else is a 404.
        self.login("outsider")
        web_client = self.get("/web").text  # carries the session's CSRF token
        self.assertEqual(self.post_form(path, {"answer": "accept"}, page=web_client)
                         .status_code, 404)

    def test_notes_from_the_page(self):
        self.login("member")
        path = "/my/meetings/%d/note" % self.meeting_id
        document_id = self.doc_ids["pdf"]
        response = self.post_form(path, {"document_id": document_id,
                                         "body": "Check the 2027 figures",
                                         "visibility": "secretary"})
        self.assertEqual(response.status_code, 303)
        response = self.post_form(path, {"document_id": document_id, "body": "  ",
                                         "visibility": "private"})
        self.assertIn("Ghi chú không được để trống.", response.text)
        response = self.post_form(path, {"document_id": document_id, "body": "x",
                                         "visibility": "everyone"})
        self.assertIn("Phạm vi xem không hợp lệ.", response.text)
        notes = self.env_read("paperless.document.comment",
                              [("document_id", "=", document_id)],
                              ["author_id", "body", "visibility"])
        self.assertEqual([(n["author_id"][0], n["body"], n["visibility"])
                          for n in notes],
                         [(self.uids["member"], "Check the 2027 figures",
                           "secretary")])
        self.assertIn("Check the 2027 figures",
                      self.get("/my/meetings/%d" % self.meeting_id).text)
        # A note shared with the secretary reaches the meeting's chair too.
        self.login("leader")
        self.assertIn("Check the 2027 figures",
                      self.get("/my/meetings/%d" % self.meeting_id).text)
        self.login("outsider")
        web_client = self.get("/web").text
        self.assertEqual(self.post_form(path, {
            "document_id": document_id, "body": "x", "visibility": "private"},
            page=web_client).status_code, 404)
