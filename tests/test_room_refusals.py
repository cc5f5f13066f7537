# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Refusals in the member room over HTTP: people outside the room, ids that
name nothing (a huge one too), documents of other meetings, a view-only
download and a PDF that cannot be stamped all get the room's Vietnamese
refusal page with its status (403/404/422), never a server error."""
import base64

from .common import meeting_values
from .room_http import RoomHttpCase, vietnamese_user
from .test_member_pages import text_pdf

HUGE_ID = 99999999999


class TestRoomRefusals(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "rf_member", "member")
            other = vietnamese_user(env, "rf_other", "member")
            secretary = vietnamese_user(env, "rf_secretary", "secretary")
            leader = vietnamese_user(env, "rf_leader", "leader")
            vietnamese_user(env, "rf_nogroup", groups=["base.group_user"])
            vietnamese_user(env, "rf_portal", groups=["base.group_portal"])
            Meeting = env["paperless.meeting"].sudo(secretary)
            mine = Meeting.create(meeting_values(env, leader, secretary, member))
            theirs = Meeting.create(meeting_values(env, leader, secretary, other))
            Document = env["paperless.document"].sudo(secretary)

            def add(meeting, name, data, filename, allow_download=True):
                return Document.create({
                    "name": name, "meeting_id": meeting.id,
                    "datas": base64.b64encode(data), "datas_fname": filename,
                    "allow_download": allow_download}).id

            self.doc = add(mine, "Tài liệu họp", text_pdf("Budget"), "budget.pdf")
            self.view_only = add(mine, "Dự thảo", text_pdf("Draft"), "draft.pdf",
                                 allow_download=False)
            # A file damaged after the upload check (e.g. stored before it):
            # written straight into its attachment, as no client can.
            self.broken = add(mine, "Tài liệu hỏng", text_pdf("Broken"), "broken.pdf")
            env["ir.attachment"].search([
                ("res_model", "=", "paperless.document"), ("res_field", "=", "datas"),
                ("res_id", "=", self.broken)]).write(
                    {"datas": base64.b64encode(b"%PDF-1.4\nnot a pdf at all")})
            self.their_doc = add(theirs, "Nhân sự", text_pdf("Secret"), "hr.pdf")
            mine.action_schedule()
            theirs.action_schedule()
            self.mine, self.theirs = mine.id, theirs.id

    def access_rows(self):
        with self.sudo_env() as env:
            return env["paperless.document.access"].search_count([])

    def test_people_outside_the_room_get_403(self):
        paths = ["/my/meetings", "/my/meetings/%d" % self.mine,
                 "/paperless/document/%d" % self.doc,
                 "/paperless/document/%d/download" % self.doc,
                 "/my/ballot/1/live"]
        # An internal user with no paperless group, and a portal user.
        for login in ("rf_nogroup", "rf_portal"):
            self.login(login)
            for path in paths:
                self.assertRoomRefusal(self.get(path), 403,
                                       "Phòng họp dành cho các đồng chí")
        # The portal user is not sent to a back office that refuses them.
        page = self.get("/my/meetings").text
        self.assertIn("/web/session/logout", page)
        self.assertNotIn('href="/web"', page)
        self.assertEqual(self.access_rows(), 0)

    def test_unknown_and_foreign_ids_get_404(self):
        self.login("rf_member")
        for path in ("/my/meetings/%d" % HUGE_ID, "/my/meetings/%d" % self.theirs,
                     "/my/meetings/0",
                     "/paperless/document/%d" % HUGE_ID,
                     "/paperless/document/%d/download" % HUGE_ID,
                     "/paperless/document/%d" % self.their_doc,
                     "/my/ballot/%d/live" % HUGE_ID):
            self.assertRoomRefusal(self.get(path), 404, "Không tìm thấy",
                                   "Về danh sách cuộc họp")
        # A form posted to a meeting or ballot that is not there: 404 too.
        for path in ("/my/meetings/%d/answer" % HUGE_ID,
                     "/my/meetings/%d/answer" % self.theirs,
                     "/my/ballot/%d/vote" % HUGE_ID,
                     "/my/ballot/%d/open" % HUGE_ID):
            self.assertRoomRefusal(self.post(path, {"answer": "accept"}), 404,
                                   "Không tìm thấy")
        self.assertEqual(self.access_rows(), 0)

    def test_view_only_download_gets_403_in_vietnamese(self):
        self.login("rf_member")
        self.assertRoomRefusal(
            self.get("/paperless/document/%d/download" % self.view_only), 403,
            "Tài liệu này chỉ được xem trên màn hình")
        self.assertEqual(self.get("/paperless/document/%d" % self.view_only)
                         .status_code, 200)

    def test_a_pdf_that_cannot_be_stamped_is_refused_not_served(self):
        self.login("rf_member")
        response = self.get("/paperless/document/%d" % self.broken)
        self.assertRoomRefusal(response, 422, "Không thể chuẩn bị tài liệu",
                               "Văn phòng")
        self.assertNotIn("%PDF", response.text)
        self.assertEqual(self.access_rows(), 0)  # nothing served, nothing logged

    def test_a_stale_form_gets_a_vietnamese_page(self):
        """A form left open too long (or from another session) is refused
        with the room's page, and nothing is saved."""
        self.login("rf_member")
        path = "/my/meetings/%d/answer" % self.mine
        for data in ({"answer": "accept"},
                     {"answer": "accept", "csrf_token": "0" * 40 + "o1"}):
            response = self.opener.post(self.base + path, data=data, timeout=20,
                                        allow_redirects=False)
            self.assertRoomRefusal(response, 400, "tải lại trang")
            self.assertNotIn("Bad Request", response.text)
        with self.sudo_env() as env:
            self.assertEqual(env["paperless.meeting.attendee"].search([
                ("meeting_id", "=", self.mine),
                ("user_id.login", "=", "rf_member")]).response, "invited")
        # The room's forms carry a token that lasts as long as the session.
        page = self.get("/my/meetings/%d" % self.mine).text
        self.assertEqual(self.post(path, {"answer": "accept"}, page=page)
                         .status_code, 303)
