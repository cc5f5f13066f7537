# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The chair runs the vote from the member room over HTTP: big Open / Close
buttons for their own meeting only, a second step for secret and personnel
ballots, the live count route, open votes above the results, percentages
with a decimal comma."""
import json
import re

from .common import meeting_values
from .room_http import RoomHttpCase, vietnamese_user


class TestChairRunsTheVote(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "vote_member", "member")
            member2 = vietnamese_user(env, "vote_member2", "member")
            chair = vietnamese_user(env, "vote_chair", "leader")
            vietnamese_user(env, "vote_leader2", "leader")  # chairs nothing here
            secretary = vietnamese_user(env, "vote_secretary", "secretary")
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, chair, secretary, member | member2))
            leader2 = env["res.users"].search([("login", "=", "vote_leader2")])
            meeting.write({"attendee_ids": [(0, 0, {"user_id": leader2.id,
                                                    "role": "member"})]})
            meeting.action_schedule()
            meeting.with_context(paperless_start_confirmed=True).action_start()
            meeting.attendee_ids.filtered(
                lambda row: row.user_id in (member | member2 | chair | leader2)
            ).action_mark_present()
            Ballot = env["paperless.ballot"].sudo(secretary)
            self.named = Ballot.create({"name": "Thông qua Nghị quyết",
                                        "meeting_id": meeting.id}).id
            self.secret = Ballot.create({"name": "Kỷ luật", "secret": True,
                                         "meeting_id": meeting.id}).id
            self.meeting_id = meeting.id

    def state(self, ballot_id):
        with self.sudo_env() as env:
            return env["paperless.ballot"].browse(ballot_id).state

    def page(self):
        return self.get("/my/meetings/%d" % self.meeting_id).text

    def vote(self, login, ballot_id, position):
        self.login(login)
        page = self.page()
        block = page[page.index('id="ballot-%d"' % ballot_id):]
        option = re.findall(r'name="option_id" value="(\d+)"', block)[position]
        response = self.post("/my/ballot/%d/vote" % ballot_id,
                             {"option_id": option}, page=page)
        self.assertEqual(response.status_code, 303)

    def live(self, ballot_id):
        response = self.get("/my/ballot/%d/live" % ballot_id)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith(
            "application/json"))
        return json.loads(response.text)

    def test_only_the_chair_gets_the_buttons_and_may_use_them(self):
        open_path = "/my/ballot/%d/open" % self.named
        # Members, and a leader who does not chair this meeting, do not even
        # see a draft ballot: a forged POST is a 404.
        for login in ("vote_member", "vote_leader2"):
            self.login(login)
            page = self.page()
            self.assertNotIn("pm-ballot-open-btn", page)
            self.assertNotIn(open_path, page)
            # Forged from outside the page: the ballot's own check refuses.
            self.assertRoomRefusal(self.post(open_path, {}), 404)
            self.assertEqual(self.state(self.named), "draft")
        self.login("vote_chair")
        page = self.page()
        self.assertEqual(page.count("pm-ballot-open-btn"), 2)
        self.assertIn("Mở biểu quyết", page)
        # No CSRF token, no opening.
        refused = self.opener.post(self.base + open_path, timeout=20,
                                   allow_redirects=False)
        self.assertEqual(refused.status_code, 400)
        response = self.post(open_path, {}, page=page)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.state(self.named), "open")
        page = self.get(response.headers["Location"]).text
        self.assertIn("Đã mở biểu quyết.", page)
        self.assertIn("Đang biểu quyết", page)
        self.assertIn("/my/ballot/%d/close" % self.named, page)
        self.assertIn('data-pm-live="/my/ballot/%d/live"' % self.named, page)
        # Opening it again: the reason on the page, in Vietnamese.
        again = self.post(open_path, {}, page=page)
        self.assertEqual(again.status_code, 200)
        self.assertIn("không còn ở trạng thái dự thảo", again.text)
        # They see the open ballot, but closing it is the chair's: the
        # ballot's own check refuses them (403), and it stays open.
        for login in ("vote_member", "vote_leader2"):
            self.login(login)
            page = self.page()
            self.assertNotIn("pm-ballot-close-btn", page)
            self.assertRoomRefusal(
                self.post("/my/ballot/%d/close" % self.named, {}), 403,
                "Đồng chí không mở được trang này")
            self.assertEqual(self.state(self.named), "open")

    def test_secret_ballot_asks_once_more(self):
        self.login("vote_chair")
        path = "/my/ballot/%d/open" % self.secret
        confirm = self.post(path, {})
        self.assertEqual(confirm.status_code, 200)
        self.assertIn("Mở biểu quyết này?", confirm.text)
        self.assertIn("bỏ phiếu kín", confirm.text)
        self.assertIn('name="confirmed" value="1"', confirm.text)
        self.assertEqual(self.state(self.secret), "draft")
        response = self.post(path, {"confirmed": "1"}, page=confirm.text)
        self.assertEqual(response.status_code, 303, response.headers)
        self.assertEqual(self.state(self.secret), "open")
        self.vote("vote_member", self.secret, 0)
        self.login("vote_chair")
        live = self.live(self.secret)
        self.assertEqual((live["state"], live["vote_total"], live["options"]),
                         ("open", 1, []))  # secret: no choices until closed
        close = "/my/ballot/%d/close" % self.secret
        confirm = self.post(close, {})
        self.assertIn("Kết thúc biểu quyết này?", confirm.text)
        self.assertEqual(self.state(self.secret), "open")
        self.assertEqual(self.post(close, {"confirmed": "1"}, page=confirm.text)
                         .status_code, 303)
        self.assertEqual(self.state(self.secret), "closed")

    def test_live_count_and_results_with_a_decimal_comma(self):
        self.login("vote_chair")
        self.assertEqual(self.post("/my/ballot/%d/open" % self.named, {})
                         .status_code, 303)
        self.assertEqual(self.live(self.named)["vote_total"], 0)
        self.vote("vote_member", self.named, 0)
        self.vote("vote_member2", self.named, 0)
        self.vote("vote_leader2", self.named, 1)
        self.login("vote_chair")
        live = self.live(self.named)
        self.assertEqual(live["vote_total"], 3)
        self.assertEqual([option["count"] for option in live["options"]][:2], [2, 1])
        # The secret ballot opens while the named one closes: open above results.
        self.post("/my/ballot/%d/open" % self.secret, {"confirmed": "1"})
        self.assertEqual(self.post("/my/ballot/%d/close" % self.named, {})
                         .status_code, 303)
        page = self.page()
        self.assertLess(page.index("pm-ballots-open"), page.index("pm-ballots-closed"))
        results = re.sub(r"\s+", " ", page[page.index("pm-ballots-closed"):])
        # 2 and 1 of the 4 voting members (more than half of all members).
        self.assertIn("50,00 %", results)
        self.assertIn("25,00 %", results)
        self.assertNotIn("50.00", results)
        self.assertIn("Kết quả", results)
        # Another meeting's ballot is not for this member's live view.
        self.login("vote_member")
        self.assertEqual(self.get("/my/ballot/%d/live" % self.named).status_code,
                         200)
