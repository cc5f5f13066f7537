# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The member room in a real Chromium on a 390 px phone: members land in
the room after logging in and when they open the bare back office, the chair
opens and closes votes with thumb-sized buttons (a second step for a secret
ballot), the live count follows the votes without a reload, and refusals are
pages of the room; nothing scrolls sideways."""
from odoo.tests.common import HOST, PORT

from .chromium import Chromium
from .common import meeting_values
from .room_http import RoomHttpCase, vietnamese_user

PHONE = {"width": 390, "height": 844, "mobile": True}
THUMB = 44  # px: the smallest comfortable touch target


class TestRoomOnAPhone(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "br_member", "member")
            chair = vietnamese_user(env, "br_chair", "leader")
            secretary = vietnamese_user(env, "br_secretary", "secretary")
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, chair, secretary, member,
                               name="Họp Ban Thường vụ về công tác cán bộ"))
            meeting.action_schedule()
            meeting.with_context(paperless_start_confirmed=True).action_start()
            meeting.attendee_ids.filtered(
                lambda row: row.user_id in (member | chair)).action_mark_present()
            Ballot = env["paperless.ballot"].sudo(secretary)
            self.named = Ballot.create({"name": "Thông qua Nghị quyết",
                                        "meeting_id": meeting.id})
            self.secret = Ballot.create({"name": "Giới thiệu nhân sự",
                                         "meeting_id": meeting.id, "secret": True})
            self.named_id, self.secret_id = self.named.id, self.secret.id
            self.option_id = self.named.option_ids[0].id
            self.member_uid, self.meeting_id = member.id, meeting.id
        self.base = "http://%s:%s" % (HOST, PORT)

    def assertFitsThePhone(self, browser, what):
        self.assertLessEqual(
            browser.evaluate("document.documentElement.scrollWidth"), 390, what)

    def button_heights(self, browser, selector):
        return browser.evaluate(
            "Array.from(document.querySelectorAll(%r)).map("
            "b => b.getBoundingClientRect().height)" % selector)

    def click(self, browser, selector, then):
        browser.evaluate("document.querySelector(%r).click()" % selector)
        browser.wait_for(then, 30)
        browser.wait_for("document.readyState === 'complete'")

    def test_chair_runs_the_vote_on_a_phone(self):
        with Chromium(**PHONE) as browser:
            browser.login(self.base, "br_chair", "br_chair")
            browser.wait_for("location.pathname === '/my/meetings'", 30)
            self.assertIn("Họp Ban Thường vụ về công tác cán bộ",
                          browser.text(".pm-meetings"))
            self.assertFitsThePhone(browser, "home")
            browser.open("%s/my/meetings/%d" % (self.base, self.meeting_id))
            self.assertFitsThePhone(browser, "meeting")
            heights = self.button_heights(browser, ".pm-ballot-open-btn")
            self.assertEqual(len(heights), 2)
            self.assertTrue(all(height >= THUMB for height in heights), heights)
            # Open the named ballot: one tap.
            self.click(browser, "#ballot-%d .pm-ballot-open-btn" % self.named_id,
                       "document.querySelector('.pm-ballot-close-btn')")
            self.assertIn("Đã mở biểu quyết", browser.text(".pm-done"))
            self.assertFitsThePhone(browser, "open ballot")
            for selector in (".pm-vote-btn", ".pm-ballot-close-btn"):
                heights = self.button_heights(browser, selector)
                self.assertTrue(heights and min(heights) >= THUMB, selector)
            total = "document.querySelector('[data-pm-field=vote_total]').innerText"
            self.assertEqual(browser.evaluate(total), "0")
            # A member votes from their own phone: the count follows, no reload.
            browser.evaluate("window.pmNotReloaded = true")
            self.xmlrpc_object.execute_kw(
                self.db, self.member_uid, "br_member", "paperless.ballot",
                "cast_vote", [[self.named_id], self.option_id])
            browser.wait_for("%s === '1'" % total, 15)
            self.assertTrue(browser.evaluate("window.pmNotReloaded === true"))
            # The secret ballot asks once more, on a page of its own.
            self.click(browser, "#ballot-%d .pm-ballot-open-btn" % self.secret_id,
                       "document.querySelector('.pm-confirm-btn')")
            self.assertIn("Mở biểu quyết này?", browser.text(".pm-confirm"))
            self.assertFitsThePhone(browser, "confirmation")
            for selector in (".pm-confirm-btn", ".pm-confirm-cancel"):
                self.assertGreaterEqual(min(self.button_heights(browser, selector)),
                                        THUMB)
            self.click(browser, ".pm-confirm-btn",
                       "document.querySelector('#ballot-%d .pm-ballot-close-btn')"
                       % self.secret_id)
            # Close the named one: its result comes below the open ballot.
            self.click(browser, "#ballot-%d .pm-ballot-close-btn" % self.named_id,
                       "document.querySelector('.pm-ballots-closed')")
            self.assertTrue(browser.evaluate(
                "document.querySelector('.pm-ballots-open').getBoundingClientRect()"
                ".bottom <= document.querySelector('.pm-ballots-closed')"
                ".getBoundingClientRect().top"))
            self.assertIn("Kết quả", browser.text(".pm-ballots-closed"))
            self.assertFitsThePhone(browser, "results")

    def test_member_lands_in_the_room_and_refusals_fit(self):
        with Chromium(**PHONE) as browser:
            browser.login(self.base, "br_member", "br_member")
            browser.wait_for("location.pathname === '/my/meetings'", 30)
            self.assertIn("Họp Ban Thường vụ về công tác cán bộ",
                          browser.text(".pm-meetings"))
            self.assertFitsThePhone(browser, "home")
            # The bare back office (as the Odoo app opens it) leads to the room.
            browser.open(self.base + "/web")
            browser.wait_for("location.pathname === '/my/meetings'", 60)
            # A refusal is a page of the room, in Vietnamese, that fits.
            browser.open(self.base + "/my/meetings/99999999999")
            self.assertIn("Không tìm thấy trang", browser.text(".pm-refusal"))
            self.assertFitsThePhone(browser, "refusal")
            self.assertGreaterEqual(
                min(self.button_heights(browser, ".pm-refusal-back")), THUMB)
