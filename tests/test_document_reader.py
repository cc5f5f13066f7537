# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phone reader over the real HTTP server and in Chromium: only the
stamped copy is loaded, the reader resumes where they stopped (kept per
reader), notes are tied to a page, and a document the user may not read is
a 404."""
import base64
import json
import re
import time
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError
from odoo.tests.common import HOST, PORT, HttpCase, get_db_name

from . import pdf_samples as samples
from .chromium import Chromium
from .common import meeting_values


class TestDocumentReader(HttpCase):

    def setUp(self):
        super().setUp()
        # Odoo 11 serves HTTP on the registry's test cursor: fixtures go there.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {key: samples.vietnamese_user(env, "rd_%s" % key, role)
                     for key, role in (("member", "member"), ("member2", "member"),
                                       ("outsider", "member"), ("leader", "leader"),
                                       ("secretary", "secretary"))}
            users["member"].name = "Trần Văn Bình"
            Users = env["res.users"].with_context(no_reset_password=True)
            for login, group in (("rd_internal", "base.group_user"),
                                 ("rd_portal", "base.group_portal")):
                users[login[3:]] = Users.create({
                    "name": login, "login": login, "password": login,
                    "lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh",
                    "groups_id": [(6, 0, [env.ref(group).id])]})
            meeting = env["paperless.meeting"].sudo(users["secretary"]).create(
                meeting_values(env, users["leader"], users["secretary"],
                               users["member"] | users["member2"]))
            document = env["paperless.document"].sudo(users["secretary"]).create({
                "name": "Dự toán ngân sách", "meeting_id": meeting.id,
                "datas": base64.b64encode(samples.text_pdf(6)),
                "datas_fname": "du_toan.pdf",
            })
            meeting.sudo(users["secretary"]).action_schedule()
            self.uids = {role: user.id for role, user in users.items()}
            self.document_id = document.id
            self.meeting_id = meeting.id
        self.db = get_db_name()
        self.base = "http://%s:%s" % (HOST, PORT)
        self.read_path = "/my/documents/%d/read" % self.document_id

    # ------------------------------------------------------------------
    def login(self, role):
        self.opener.cookies.clear()
        reply = self.opener.post(
            self.base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": "rd_%s" % role, "password": "rd_%s" % role}},
            timeout=20).json()
        self.assertEqual(reply["result"]["uid"], self.uids[role])

    def get(self, path):
        return self.opener.get(self.base + path, timeout=60, allow_redirects=False)

    def post(self, path, data, token=True):
        if token:
            # The session's token, as any page of it carries (the login form).
            page = self.opener.get(self.base + "/web/login", timeout=60).text
            data = dict(data, csrf_token=re.search(
                r'name="csrf_token" value="([^"]+)"', page).group(1))
        return self.opener.post(self.base + path, data=data, timeout=60,
                                allow_redirects=False)

    def env_search_read(self, model, domain, fields):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env[model].search_read(domain, fields)

    # ------------------------------------------------------------------
    def test_meeting_page_opens_the_reader(self):
        self.login("member")
        page = self.get("/my/meetings/%d" % self.meeting_id)
        self.assertIn('href="%s"' % self.read_path, page.text)

    def test_reader_loads_only_the_stamped_copy(self):
        self.login("member")
        page = self.get(self.read_path)
        self.assertEqual(page.status_code, 200)
        self.assertIn('data-src="/paperless/document/%d"' % self.document_id,
                      page.text)
        # No raw-file route: the only /web/content URL is pdf.js's bundle.
        self.assertEqual(re.findall(r'/web/(?:content|image)[^"]*', page.text),
                         re.findall(r'/web/content/[^"]*pdf_js_lib\.js', page.text))
        self.assertNotIn("/download", page.text)
        self.assertIn('data-page="1"', page.text)
        # Odoo's own pdf.js (its asset bundle), and the page speaks Vietnamese.
        self.assertRegex(page.text, r'<script[^>]+src="/web/content/[^"]+\.js"')
        self.assertIn("Ghi chú", page.text)

    def test_refused_readers_get_404(self):
        # A member of another meeting: 404; people outside the meeting room
        # (no paperless group, portal): the room's 403, as on every room page.
        for role, status in (("outsider", 404), ("internal", 403), ("portal", 403)):
            self.login(role)
            with self.subTest(role=role):
                self.assertEqual(self.get(self.read_path).status_code, status)
                for path, data in (("progress", {"page": 2}),
                                   ("note", {"page": 2, "body": "x"})):
                    self.assertEqual(self.post(
                        "/my/documents/%d/%s" % (self.document_id, path),
                        data).status_code, status)
        self.login("member")
        self.assertEqual(self.get("/my/documents/999999/read").status_code, 404)
        self.opener.cookies.clear()
        self.assertIn("/web/login", self.get(self.read_path).headers["Location"])

    def test_reader_resumes_where_they_stopped(self):
        self.login("member")
        progress = "/my/documents/%d/progress" % self.document_id
        self.assertEqual(self.post(progress, {"page": 4}, token=False).status_code,
                         400)
        reply = self.post(progress, {"page": 4})
        self.assertEqual(json.loads(reply.text), {"page": 4})
        self.assertIn('data-page="4"', self.get(self.read_path).text)
        # Past the end: kept at the last page.
        self.assertEqual(json.loads(self.post(progress, {"page": 99}).text),
                         {"page": 6})
        self.assertEqual(self.post(progress, {"page": "x"}).status_code, 400)
        # Per reader: another member starts at page 1.
        self.login("member2")
        self.assertIn('data-page="1"', self.get(self.read_path).text)
        rows = self.env_search_read("paperless.document.progress",
                                    [("document_id", "=", self.document_id)],
                                    ["user_id", "page", "company_id"])
        self.assertEqual([(row["user_id"][0], row["page"]) for row in rows],
                         [(self.uids["member"], 6)])
        self.assertTrue(rows[0]["company_id"])

    def test_positions_are_private(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            Progress = env["paperless.document.progress"]
            mine = Progress.sudo(self.uids["member"]).set_page(self.document_id, 3)
            self.assertEqual(mine, 3)
            Progress.sudo(self.uids["member2"]).set_page(self.document_id, 5)
            for role in ("member", "member2", "secretary"):
                rows = Progress.sudo(self.uids[role]).search([])
                self.assertEqual(rows.mapped("user_id").ids,
                                 [self.uids[role]] if role != "secretary" else [])
            other = Progress.search([("user_id", "=", self.uids["member2"])])
            with self.assertRaises(AccessError):
                other.sudo(self.uids["member"]).write({"page": 1})
            with self.assertRaises(AccessError):
                Progress.sudo(self.uids["outsider"]).set_page(self.document_id, 2)
            with self.assertRaises(AccessError):
                Progress.sudo(self.uids["outsider"]).create(
                    {"document_id": self.document_id, "page": 2})

    def test_note_is_tied_to_the_page(self):
        self.login("member")
        note = "/my/documents/%d/note" % self.document_id
        self.assertEqual(self.post(note, {"page": 3, "body": "x"}, token=False)
                         .status_code, 400)
        reply = self.post(note, {"page": 3, "body": "Xem lại số liệu trang 3",
                                 "visibility": "secretary"})
        self.assertEqual(reply.status_code, 303)
        self.assertTrue(reply.headers["Location"].endswith(
            "%s?page=3&done=1" % self.read_path))
        notes = self.env_search_read(
            "paperless.document.comment", [("document_id", "=", self.document_id)],
            ["author_id", "page", "body", "visibility"])
        self.assertEqual([(n["author_id"][0], n["page"], n["body"], n["visibility"])
                          for n in notes],
                         [(self.uids["member"], 3, "Xem lại số liệu trang 3",
                           "secretary")])
        page = self.get(self.read_path + "?page=3&done=1").text
        self.assertIn("Xem lại số liệu trang 3", page)
        self.assertIn('data-page="3"', page)
        # An empty note: the page again, with the Vietnamese error.
        reply = self.post(note, {"page": 2, "body": "  "})
        self.assertEqual(reply.status_code, 200)
        self.assertIn("Ghi chú không được để trống.", reply.text)
        self.assertEqual(self.post(note, {"page": 2, "body": "x",
                                          "visibility": "everyone"}).status_code, 200)
        self.assertEqual(len(self.env_search_read(
            "paperless.document.comment",
            [("document_id", "=", self.document_id)], ["id"])), 1)

    def test_damaged_file_stored_before_the_check_is_refused_fast(self):
        """A file that never went through the upload check (stored before it,
        or written straight into the attachment) is refused by the stamping
        route within bounds: a 422, no copy, no hours of CPU."""
        for data in (samples.with_prev_cycle(),
                     samples.with_trailing_junk(samples.text_pdf(2))):
            with self.registry.cursor() as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                env["ir.attachment"].search([
                    ("res_model", "=", "paperless.document"),
                    ("res_field", "=", "datas"),
                    ("res_id", "=", self.document_id)]).write(
                    {"datas": base64.b64encode(data)})
            self.login("member")
            with self.subTest(data=data[-20:]):
                reply = self.get("/paperless/document/%d" % self.document_id)
                self.assertEqual(reply.status_code, 422)
                self.assertNotIn(b"%PDF", reply.content)
        self.assertFalse(self.env_search_read(
            "paperless.document.access", [("document_id", "=", self.document_id)],
            ["id"]))

    def test_reader_actions_over_xmlrpc(self):
        """No document or several: a clear Vietnamese UserError (fault code
        2, no traceback), not a crash."""
        def call(ids, method):
            return self.xmlrpc_object.execute_kw(
                self.db, self.uids["secretary"], "rd_secretary",
                "paperless.document", method, [ids])
        for ids in ([], [self.document_id, self.document_id + 10 ** 6],
                    [self.document_id, self.document_id]):
            for method in ("action_open_reader", "action_view_access"):
                with self.subTest(ids=ids, method=method):
                    with self.assertRaises(Fault) as caught:
                        call(ids, method)
                    self.assertEqual(caught.exception.faultCode, 2)
                    self.assertEqual(caught.exception.faultString,
                                     "Vui lòng chọn đúng một bản ghi cho thao tác này.")
        self.assertEqual(call([self.document_id], "action_open_reader")["url"],
                         "/paperless/document/%d" % self.document_id)

    def test_phone_reader_in_chromium(self):
        """At 390 px: the resumed page is drawn from the stamped copy, the
        buttons turn pages and the position reaches the server."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["paperless.document.progress"].sudo(self.uids["member"]).set_page(
                self.document_id, 2)
        with Chromium(width=390, height=844, mobile=True) as browser:
            browser.login(self.base, "rd_member", "rd_member")
            browser.open(self.base + self.read_path)
            browser.wait_for("document.getElementById('pm-reader')"
                             ".getAttribute('data-rendered-page') === '2'", 60)
            self.assertEqual(browser.evaluate(
                "document.querySelector('.pm-reader-page').value"), "2")
            self.assertLessEqual(
                browser.evaluate("document.documentElement.scrollWidth"), 390)
            browser.evaluate("document.querySelector('.pm-reader-next').click()")
            browser.wait_for("document.getElementById('pm-reader')"
                             ".getAttribute('data-rendered-page') === '3'", 30)
            self.assertEqual(browser.evaluate(
                "document.querySelector('.pm-reader-note-page').value"), "3")
            # Zoom in: the page is drawn wider than the screen, in its frame.
            width = browser.evaluate(
                "document.querySelector('.pm-reader-canvas').clientWidth")
            browser.evaluate("document.querySelector('.pm-reader-zoom-in').click()")
            browser.wait_for("document.querySelector('.pm-reader-canvas')"
                             ".clientWidth > %d" % width, 30)
            self.assertLessEqual(
                browser.evaluate("document.documentElement.scrollWidth"), 390)
            for _attempt in range(60):
                rows = self.env_search_read(
                    "paperless.document.progress",
                    [("user_id", "=", self.uids["member"])], ["page"])
                if rows and rows[0]["page"] == 3:
                    break
                time.sleep(0.5)
            self.assertEqual(rows[0]["page"], 3)
        # One stamped read, logged for this reader.
        access = self.env_search_read(
            "paperless.document.access", [("document_id", "=", self.document_id)],
            ["user_id", "stamped", "mode"])
        self.assertEqual([(row["user_id"][0], row["stamped"], row["mode"])
                          for row in access], [(self.uids["member"], True, "view")])
