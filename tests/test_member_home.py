# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The room's home (/my/meetings): what needs the member first (unanswered
invitations, documents not read, open votes), badges on each meeting card,
Vietnamese dates and labels, in a number of queries that does not grow with
the meetings; and members and leaders land there after logging in."""
import base64
import re

from odoo.tests.common import SavepointCase

from ..controllers.main import date_formatter, room_home_values
from .common import PDF_B64, meeting_values
from .room_http import RoomHttpCase, vietnamese_user
from .test_member_pages import text_pdf


def open_ballot(env, meeting, secretary, voters, **values):
    """Start ``meeting``, record ``voters`` present and open a ballot."""
    meeting.sudo(secretary).with_context(paperless_start_confirmed=True).action_start()
    meeting.attendee_ids.filtered(
        lambda row: row.user_id in voters).sudo(secretary).action_mark_present()
    ballot = env["paperless.ballot"].sudo(secretary).create(
        dict({"name": "Thông qua Nghị quyết", "meeting_id": meeting.id}, **values))
    ballot.action_open()
    return ballot


def landing(response):
    """Where Odoo's login form sends the browser: a redirect, or (to keep the
    URL's #fragment, for most browsers) a page that sets window.location."""
    if response.status_code in (301, 302, 303):
        target = response.headers["Location"]
    else:
        target = re.search(r"window.location = '([^']+)'", response.text).group(1)
    return re.sub(r"^https?://[^/]+", "", target)


class TestRoomHome(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "home_member", "member", "Lê Văn Minh")
            leader = vietnamese_user(env, "home_leader", "leader")
            secretary = vietnamese_user(env, "home_secretary", "secretary")
            Meeting = env["paperless.meeting"].sudo(secretary)
            # Saturday 19/12/2026, 08:00-10:00 in Hà Nội.
            invited = Meeting.create(meeting_values(
                env, leader, secretary, member, name="Họp Ban Chấp hành",
                date_start="2026-12-19 01:00:00", date_end="2026-12-19 03:00:00"))
            self.doc_ids = [env["paperless.document"].sudo(secretary).create({
                "name": name, "meeting_id": invited.id,
                "datas": base64.b64encode(text_pdf(name)),
                "datas_fname": "%d.pdf" % number}).id
                for number, name in enumerate(("Báo cáo", "Dự thảo"))]
            invited.action_schedule()
            voting = Meeting.create(meeting_values(
                env, leader, secretary, member, name="Họp Thường vụ",
                date_start="2026-12-01 01:30:00", date_end="2030-12-01 04:30:00"))
            voting.action_schedule()
            voting.attendee_ids.filtered(
                lambda row: row.user_id == member).sudo(member).action_accept()
            open_ballot(env, voting, secretary, member | leader)
            self.invited_id, self.voting_id = invited.id, voting.id

    def card(self, html, meeting_id):
        start = html.index('href="/my/meetings/%d"' % meeting_id)
        return html[start:html.index("</a>", start)]

    def test_home_shows_what_needs_the_member(self):
        self.login("home_member")
        html = self.get("/my/meetings").text
        todo = html[html.index("pm-todo"):html.index("pm-meetings")]
        self.assertIn("Cần đồng chí xử lý", todo)
        self.assertIn("Trả lời giấy mời", todo)
        self.assertIn("2 tài liệu cần đọc", re.sub(r"\s+", " ", todo))
        self.assertIn("1 biểu quyết đang mở", re.sub(r"\s+", " ", todo))
        invited = re.sub(r"\s+", " ", self.card(html, self.invited_id))
        self.assertIn("Chưa trả lời", invited)
        self.assertNotIn("Đã mời", html)
        self.assertIn("2 chưa đọc", invited)
        self.assertNotIn("pm-badge-vote", invited)
        self.assertIn("Thứ Bảy, 19/12/2026, 08:00–10:00", invited)
        voting = re.sub(r"\s+", " ", self.card(html, self.voting_id))
        self.assertIn("1 biểu quyết đang mở", voting)
        self.assertIn("pm-response-invited", invited)
        self.assertIn("Thứ Ba, 01/12/2026, 08:30–Chủ Nhật, 01/12/2030, 11:30",
                      voting)
        # Read one document, answer, vote: each need goes away.
        self.assertEqual(self.get("/paperless/document/%d" % self.doc_ids[0])
                         .status_code, 200)
        page = self.get("/my/meetings/%d" % self.invited_id).text
        self.assertIn("Thứ Bảy, 19/12/2026, 08:00–10:00", page)
        self.assertEqual(self.post("/my/meetings/%d/answer" % self.invited_id,
                                   {"answer": "accept"}, page=page).status_code, 303)
        html = self.get("/my/meetings").text
        invited = re.sub(r"\s+", " ", self.card(html, self.invited_id))
        self.assertIn("1 chưa đọc", invited)
        self.assertNotIn("Chưa trả lời", invited)
        page = self.get("/my/meetings/%d" % self.voting_id).text
        option = re.search(r'name="option_id" value="(\d+)"', page).group(1)
        ballot = re.search(r'action="/my/ballot/(\d+)/vote"', page).group(1)
        self.assertEqual(self.post("/my/ballot/%s/vote" % ballot,
                                   {"option_id": option}, page=page).status_code, 303)
        html = self.get("/my/meetings").text
        self.assertNotIn("pm-badge-vote", html)

    def test_members_and_leaders_land_in_the_room(self):
        def log_in(login):
            self.opener.cookies.clear()
            form = self.get("/web/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
            return landing(self.opener.post(self.base + "/web/login", data={
                "login": login, "password": login, "csrf_token": token},
                timeout=60, allow_redirects=False))

        room_action = self.env.ref("paperless_meeting.paperless_member_page_action")
        for login in ("home_member", "home_leader"):
            target = log_in(login)
            self.assertEqual(target, "/my/meetings")
            self.assertIn("Họp Ban Chấp hành", self.get(target).text)
            # /web with no action of its own opens the user's home action.
            self.assertEqual(self.users_home(login), room_action.id)
        self.assertEqual(log_in("home_secretary"), "/web")
        self.assertFalse(self.users_home("home_secretary"))
        # An explicit target after the login is kept.
        self.opener.cookies.clear()
        form = self.get("/web/login?redirect=/web%23action=1").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        self.assertEqual(landing(self.opener.post(
            self.base + "/web/login?redirect=/web%23action=1",
            data={"login": "home_member", "password": "home_member",
                  "csrf_token": token}, timeout=60, allow_redirects=False)),
            "/web#action=1")

    def users_home(self, login):
        with self.sudo_env() as env:
            return env["res.users"].search([("login", "=", login)]).action_id.id


class TestRoomHomeQueries(SavepointCase):
    """The home's cost does not grow with the number of meetings, each with a
    document not read and an open vote."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.leader = vietnamese_user(env, "hq_leader", "leader")
        cls.secretary = vietnamese_user(env, "hq_secretary", "secretary")

    def make_member(self, login, count):
        member = vietnamese_user(self.env, login, "member")
        Meeting = self.env["paperless.meeting"].sudo(self.secretary)
        for number in range(count):
            meeting = Meeting.create(meeting_values(
                self.env, self.leader, self.secretary, member,
                name="Meeting %d" % number,
                date_start="2026-12-%02d 01:30:00" % (number + 1),
                date_end="2030-12-%02d 03:30:00" % (number + 1)))
            self.env["paperless.document"].sudo(self.secretary).create({
                "name": "Doc %d" % number, "meeting_id": meeting.id,
                "datas": PDF_B64, "datas_fname": "doc.pdf"})
            meeting.action_schedule()
            open_ballot(self.env, meeting, self.secretary, member | self.leader)
        return member

    def cost(self, user):
        self.env.clear()
        env = self.env(user=user.id,
                       context={"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
        before = self.cr.sql_log_count
        values = room_home_values(env)
        values.update(date_formatter(env), page_title="x")
        html = env["ir.ui.view"].render_template(
            "paperless_meeting.member_meeting_list", values)
        return self.cr.sql_log_count - before, values, html

    def test_query_budget_does_not_grow_with_meetings(self):
        few = self.make_member("hq_few", 2)
        many = self.make_member("hq_many", 6)
        self.cost(few)
        self.cost(many)  # warm the template and the access caches
        few_cost, few_values, _html = self.cost(few)
        many_cost, many_values, html = self.cost(many)
        self.assertEqual([len(values["todo"]) for values in (few_values,
                                                             many_values)], [2, 6])
        self.assertEqual(html.count(b"pm-badge-vote"), 6)
        self.assertEqual(html.count(b"pm-badge-unread"), 6)
        # Recorded present without an answer: no answer is asked any more.
        self.assertFalse(any(need["unanswered"]
                             for need in many_values["needs"].values()))
        self.assertNotIn(b"pm-todo-answer", html)
        self.assertEqual(few_cost, many_cost)
        # (50 for the meetings; the requests for opinions waiting for the
        # member, their answers and the requests, one query each; the record
        # rules of the document parents added since: library, requests.)
        self.assertLessEqual(many_cost, 56)
