# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The back office as people see it: a real Chromium against the test server,
on a desktop and on a 390 px phone."""
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase

from .chromium import Chromium
from .common import create_user, meeting_values


class TestBrowser(HttpCase):

    def setUp(self):
        super().setUp()
        # Odoo 11 serves HTTP on the registry's test cursor: fixtures go there.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            member = create_user(env, "web_member", "member", "Web Member")
            outsider = create_user(env, "web_outsider", "member", "Web Outsider")
            secretary = create_user(env, "web_secretary", "secretary")
            leader = create_user(env, "web_leader", "leader")
            Meeting = env["paperless.meeting"].sudo(secretary)
            invited = Meeting.create(meeting_values(
                env, leader, secretary, member, name="Budget review (invited)"))
            invited.action_schedule()
            other = Meeting.create(meeting_values(
                env, leader, secretary, outsider, name="Personnel (not invited)"))
            other.action_schedule()
            self.action_id = env.ref("paperless_meeting.paperless_meeting_action").id
            self.meeting_id = invited.id
            self.member_uid = member.id
        self.base = "http://%s:%s" % (HOST, PORT)

    def test_member_sees_only_invited_meetings_on_a_phone(self):
        with Chromium(width=390, height=844, mobile=True) as browser:
            browser.login(self.base, "web_member", "web_member")
            browser.open("%s/web#action=%d&view_type=kanban" % (
                self.base, self.action_id))
            browser.wait_for("document.querySelector('.o_kanban_record')", 60)
            text = browser.text(".o_content")
            self.assertIn("Budget review (invited)", text)
            self.assertNotIn("Personnel (not invited)", text)
            # Phone layout: nothing wider than the screen.
            self.assertLessEqual(
                browser.evaluate("document.documentElement.scrollWidth"), 390)

    def test_meeting_form_fits_a_phone(self):
        """The meeting form at 390 px, long title in the breadcrumb and all:
        nothing wider than the screen."""
        with self.registry.cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["paperless.meeting"].browse(
                self.meeting_id).name = ("Họp Ban Thường vụ Tỉnh ủy (thường kỳ tháng "
                                         "12) về công tác cán bộ và kiểm tra")
        with Chromium(width=390, height=844, mobile=True) as browser:
            browser.login(self.base, "web_member", "web_member")
            browser.open("%s/web?#action=%d&id=%d&view_type=form" % (
                self.base, self.action_id, self.meeting_id))
            browser.wait_for("document.querySelector('.o_form_sheet_bg')", 60)
            self.assertLessEqual(browser.evaluate(
                "document.querySelector('.o_main').scrollWidth"), 390)
            self.assertLessEqual(browser.evaluate(
                "document.querySelector('.o_form_sheet').getBoundingClientRect()"
                ".right"), 390)

    def test_member_answers_from_the_meeting_form(self):
        with Chromium(width=1280, height=900) as browser:
            browser.login(self.base, "web_member", "web_member")
            browser.open("%s/web#action=%d&id=%d&view_type=form" % (
                self.base, self.action_id, self.meeting_id))
            visible_button = (
                "Array.from(document.querySelectorAll("
                "'.o_form_view .o_statusbar_buttons button'))"
                ".find(b => b.innerText.trim() === %s && b.offsetParent)")
            browser.wait_for(visible_button % '"Tôi sẽ dự họp"', 60)
            # Members get no office buttons.
            self.assertFalse(browser.evaluate(
                "!!(%s)" % (visible_button % '"Bắt đầu họp"')))
            browser.evaluate("(%s).click()" % (visible_button % '"Tôi sẽ dự họp"'))
            browser.wait_for("!(%s)" % (visible_button % '"Tôi sẽ dự họp"'), 30)
        attendee = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.member_uid, "web_member",
            "paperless.meeting.attendee", "search_read",
            [[("meeting_id", "=", self.meeting_id),
              ("user_id.login", "=", "web_member")]], {"fields": ["response"]})
        self.assertEqual(attendee[0]["response"], "accepted")

    def test_member_room_fits_a_phone(self):
        """The member room at 390 px: no sideways scrolling, thumb-sized
        answer buttons, the agenda and its documents readable."""
        with Chromium(width=390, height=844, mobile=True) as browser:
            browser.login(self.base, "web_member", "web_member")
            for path in ("/my/meetings", "/my/meetings/%d" % self.meeting_id):
                browser.open(self.base + path)
                browser.wait_for("document.querySelector('.pm-main')", 30)
                self.assertLessEqual(
                    browser.evaluate("document.documentElement.scrollWidth"), 390,
                    path)
            self.assertIn("Budget review (invited)", browser.text(".pm-title"))
            height = browser.evaluate(
                "document.querySelector('.pm-accept').getBoundingClientRect().height")
            self.assertGreaterEqual(height, 44)  # a thumb's target
            self.assertIn("Draft resolution", browser.text(".pm-agenda"))
