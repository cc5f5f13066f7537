# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The information pages as members see them: /my/news (newest first, feed
text escaped, only web links), /my/calendar (the week, with navigation,
only what the member may see) over HTTP, and the three pages in a real
Chromium on a 390 px phone and a 1280 px desktop: nothing scrolls sideways,
the section tabs are thumb-sized."""
from odoo.tests.common import HOST, PORT

from .chromium import Chromium
from .common import meeting_values
from .room_http import RoomHttpCase, vietnamese_user

THUMB = 44


class TestInformationPages(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "info_member", "member")
            leader = vietnamese_user(env, "info_leader", "leader",
                                     name="Trần Văn Lãnh Đạo")
            secretary = vietnamese_user(env, "info_secretary", "secretary")
            vietnamese_user(env, "info_outsider", "member")
            feed = env["paperless.news.feed"].create({
                "name": "Tin Tỉnh ủy", "url": "http://127.0.0.1:9/rss"})
            Item = env["paperless.news.item"]
            for day, name in ((1, "Tin cũ hơn về hội nghị"),
                              (3, "Tin mới nhất về chuyển đổi số")):
                Item.create({
                    "feed_id": feed.id, "name": name, "guid": name,
                    "link": "http://example.org/%d" % day,
                    "published_date": "2026-11-%02d 02:00:00" % day,
                    "summary": "<script>alert(1)</script> Tóm tắt %d" % day})
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, leader, secretary, member,
                               name="Họp Ban Thường vụ tháng 12"))
            meeting.action_schedule()
            env["calendar.event"].with_context(no_mail_to_attendees=True).sudo(
                leader).create({
                    "name": "Tiếp công dân định kỳ", "user_id": leader.id,
                    "privacy": "public", "location": "Trụ sở Tiếp công dân",
                    "start": "2026-12-03 01:00:00", "stop": "2026-12-03 03:00:00"})
            self.meeting_id = meeting.id
        self.base = "http://%s:%s" % (HOST, PORT)

    def test_news_newest_first_and_escaped(self):
        self.login("info_member")
        page = self.get("/my/news")
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertLess(text.index("Tin mới nhất về chuyển đổi số"),
                        text.index("Tin cũ hơn về hội nghị"))
        self.assertNotIn("<script>alert(1)</script>", text)
        self.assertIn("&lt;script&gt;", text)
        self.assertIn('rel="noopener noreferrer"', text)
        self.assertIn("Tin tức", text)
        # The room's home links to the information pages.
        home = self.get("/my/meetings").text
        for path in ("/my/news", "/my/calendar", "/my/library"):
            self.assertIn('href="%s"' % path, home)

    def test_calendar_week_as_members(self):
        self.login("info_member")
        page = self.get("/my/calendar?week=2026-12-02")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Họp Ban Thường vụ tháng 12", page.text)
        self.assertIn('href="/my/meetings/%d"' % self.meeting_id, page.text)
        self.assertIn("Tiếp công dân định kỳ", page.text)
        self.assertIn("Trần Văn Lãnh Đạo", page.text)
        self.assertIn("30/11 – 06/12/2026", page.text)
        self.assertIn("/my/calendar?week=2026-11-23", page.text)
        self.assertIn("/my/calendar?week=2026-12-07", page.text)
        self.assertIn("thứ ba", page.text.lower())
        self.assertNotIn("Họp Ban Thường vụ tháng 12",
                         self.get("/my/calendar?week=2026-12-07").text)
        # Junk in the week falls back to this week, never an error.
        self.assertEqual(self.get("/my/calendar?week=hôm-qua").status_code, 200)
        self.login("info_outsider")
        page = self.get("/my/calendar?week=2026-11-30")
        self.assertNotIn("Họp Ban Thường vụ tháng 12", page.text)
        self.assertIn("Tiếp công dân định kỳ", page.text)

    def test_pages_on_a_phone_and_a_desktop(self):
        paths = ("/my/news", "/my/calendar?week=2026-11-30",
                 "/my/library?q=nghi+quyet")
        for width, mobile in ((390, True), (1280, False)):
            with Chromium(width=width, height=844, mobile=mobile) as browser:
                browser.login(self.base, "info_member", "info_member")
                for path in paths:
                    browser.open(self.base + path)
                    self.assertLessEqual(browser.evaluate(
                        "document.documentElement.scrollWidth"), width, path)
                    heights = browser.evaluate(
                        "Array.from(document.querySelectorAll('.pm-info-tab'))"
                        ".map(tab => tab.getBoundingClientRect().height)")
                    # Meetings, opinions, news, calendar, library.
                    self.assertEqual(len(heights), 5, path)
                    self.assertTrue(all(h >= THUMB for h in heights), heights)
                    self.assertEqual(browser.evaluate(
                        "document.querySelectorAll('.pm-info-tab.active').length"),
                        1, path)
                browser.open(self.base + paths[0])
                self.assertIn("Tin mới nhất", browser.text(".pm-news"))
                browser.open(self.base + paths[1])
                self.assertIn("Tiếp công dân định kỳ", browser.text(".pm-main"))
