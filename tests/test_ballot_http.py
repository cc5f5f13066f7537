# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The member's vote over HTTP (form POST with CSRF), the member block and
the tally report as rendered HTML."""
import re

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from ..controllers.main import ballot_values
from .common import create_user, meeting_values
from .test_ballot import BallotCase


class TestBallotRoute(HttpCase):

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            member = create_user(env, "http_member", "member")
            absent = create_user(env, "http_absent", "member")
            secretary = create_user(env, "http_secretary", "secretary")
            leader = create_user(env, "http_leader", "leader")
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, leader, secretary, member | absent))
            meeting.action_schedule()
            meeting.with_context(paperless_start_confirmed=True).action_start()
            meeting.attendee_ids.filtered(
                lambda a: a.user_id in (member | leader)).action_mark_present()
            ballot = env["paperless.ballot"].sudo(secretary).create({
                "name": "Adopt", "meeting_id": meeting.id, "secret": True})
            ballot.action_open()
            self.meeting_id, self.ballot_id = meeting.id, ballot.id
            self.option_ids = ballot.option_ids.ids
        self.base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]

    def login(self, login):
        response = self.opener.post(
            self.base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": get_db_name(), "login": login, "password": login}},
            timeout=20).json()
        self.assertTrue(response["result"]["uid"])
        page = self.opener.get(self.base + "/web", timeout=60).text
        return re.search(r'csrf_token: "([0-9a-f]+o?[0-9]*)"', page).group(1)

    def post_vote(self, token, option_id):
        return self.opener.post(
            "%s/my/ballot/%d/vote" % (self.base, self.ballot_id),
            data={"csrf_token": token, "option_id": option_id},
            allow_redirects=False, timeout=20)

    def tally(self):
        with self.registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM paperless_ballot_voter"
                       " WHERE ballot_id = %s", (self.ballot_id,))
            total = cr.fetchone()[0]
            # Running counts (a table outside the ORM) or final ones.
            cr.execute("SELECT COALESCE(tally.votes, option.vote_count)"
                       " FROM paperless_ballot_option AS option"
                       " LEFT JOIN paperless_ballot_tally AS tally"
                       " ON tally.option_id = option.id WHERE option.ballot_id = %s"
                       " ORDER BY option.sequence, option.id", (self.ballot_id,))
            return total, [row[0] for row in cr.fetchall()]

    def test_member_votes_by_form_post(self):
        token = self.login("http_member")
        refused = self.opener.post(
            "%s/my/ballot/%d/vote" % (self.base, self.ballot_id),
            data={"option_id": self.option_ids[0]}, allow_redirects=False,
            timeout=20)
        self.assertEqual(refused.status_code, 400)  # no CSRF token
        response = self.post_vote(token, self.option_ids[1])
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(
            "/my/meetings/%d?done=voted#ballot-%d" % (self.meeting_id, self.ballot_id)),
            response.headers["Location"])
        page = self.opener.get(response.headers["Location"], timeout=20)
        self.assertIn("Đã ghi nhận biểu quyết của đồng chí.", page.text)
        self.assertIn("Đồng chí đã biểu quyết.", page.text)
        # A second vote: the page again, with the reason, and nothing counted.
        again = self.post_vote(token, self.option_ids[0])
        self.assertEqual(again.status_code, 200)
        self.assertIn("Đồng chí đã biểu quyết &quot;Adopt&quot; rồi.", again.text)
        self.assertEqual(self.tally(), (1, [0, 1, 0]))

    def test_member_keeps_names_on_an_election_ballot(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            leader = env["res.users"].search([("login", "=", "http_leader")])
            election = env["paperless.ballot"].create({
                "name": "Bầu", "meeting_id": self.meeting_id, "kind": "election",
                "seats": 2, "board_head_id": leader.id, "option_ids": [
                    (0, 0, {"name": name, "sequence": index})
                    for index, name in enumerate(("An", "Bình", "Cường"))]})
            election.action_open()
            self.ballot_id, option_ids = election.id, election.option_ids.ids
        token = self.login("http_member")
        page = self.opener.get("%s/my/meetings/%d" % (self.base, self.meeting_id),
                               timeout=20).text
        self.assertIn("Giữ lại tối đa", page)
        self.assertEqual(page.count('name="option_ids"'), 3)

        def post(kept):
            return self.opener.post(
                "%s/my/ballot/%d/vote" % (self.base, self.ballot_id),
                data={"csrf_token": token, "option_ids": kept},
                allow_redirects=False, timeout=20)
        too_many = post(option_ids)
        self.assertEqual(too_many.status_code, 200)
        self.assertIn("tối đa 2 người", too_many.text)
        self.assertEqual(self.tally(), (0, [0, 0, 0]))
        junk = post(["abc"])
        self.assertEqual(junk.status_code, 200)
        self.assertNotIn("invalid literal", junk.text)
        self.assertEqual(self.tally(), (0, [0, 0, 0]))
        self.assertEqual(post(option_ids[1:]).status_code, 303)
        self.assertEqual(self.tally(), (1, [0, 1, 1]))

    def test_absent_member_is_refused(self):
        token = self.login("http_absent")
        response = self.post_vote(token, self.option_ids[0])
        self.assertEqual(response.status_code, 200)
        self.assertIn("Chỉ thành viên có mặt mới được biểu quyết", response.text)
        self.assertEqual(self.tally(), (0, [0, 0, 0]))


class FakeRequest:
    """What the member block needs of ``request`` outside an HTTP request."""

    @staticmethod
    def csrf_token(time_limit=3600):
        return "token"


class TestBallotRendering(BallotCase):

    def render_block(self, user):
        meeting = self.meeting.sudo(user)
        values = dict(ballot_values(meeting.env, meeting), meeting=meeting,
                      request=FakeRequest)
        return self.env["ir.ui.view"].sudo(user).render_template(
            "paperless_meeting.member_ballots", values).decode()

    def test_member_block_buttons_confirmation_and_result(self):
        ballot = self.new_ballot(name="Adopt the plan", secret=True)
        ballot.sudo(self.leader).action_open()
        html = self.render_block(self.member)
        self.assertIn("/my/ballot/%d/vote" % ballot.id, html)
        self.assertEqual(html.count('name="option_id"'), 3)
        self.assertIn("btn-lg", html)
        self.vote(ballot, self.member, 0)
        html = self.render_block(self.member)
        self.assertIn("You have voted.", html)
        self.assertNotIn('name="option_id"', html)
        self.assertNotIn("Your choice", html)   # secret: the choice is not kept
        self.assertIn("Only members recorded present",
                      self.render_block(self.member4))
        ballot.sudo(self.leader).action_close()
        html = self.render_block(self.member)
        self.assertIn("Result:", html)
        self.assertIn("Rejected", html)

    def test_tally_report_names_only_for_named_ballots(self):
        named = self.new_ballot(name="Named question")
        secret = self.new_ballot(name="Secret question", secret=True)
        (named | secret).sudo(self.secretary).action_open()
        for ballot in (named, secret):
            self.vote(ballot, self.member, 0)
            self.vote(ballot, self.member2, 1)
        (named | secret).sudo(self.secretary).action_close()
        report = self.env.ref("paperless_meeting.report_ballot_result")
        html = report.sudo(self.secretary).render_qweb_html(named.ids)[0].decode()
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", html)
        self.assertIn("Named question", html)
        self.assertIn(self.member.name, html)
        self.assertIn(self.member2.name, html)
        self.assertIn("Biểu quyết công khai", html)
        html = report.sudo(self.secretary).render_qweb_html(secret.ids)[0].decode()
        self.assertIn("Secret question", html)
        self.assertNotIn(self.member.name, html)
        self.assertNotIn(self.member2.name, html)
        self.assertIn("Bỏ phiếu kín", html)
        self.assertIn(secret.seal_id.hash, html)
