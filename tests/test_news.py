# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""News feeds fetched over real HTTP from a feed server the test runs on
loopback (no internet): items kept once, whatever the number of fetches (the
database holds it); a feed that answers 404, garbage or nothing in time is
reported on the feed and never stops the others; summaries are plain text;
each unit sees its own news."""
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn

import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import PaperlessCase, create_user

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Tin Tỉnh ủy</title>
<link>http://example.org/</link><description>Tin</description>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><description><![CDATA[{summary}]]></description></item>"""


def rss(*entries):
    return RSS.format(items="".join(ITEM.format(**entry) for entry in entries))


FIRST = {"title": "Hội nghị Ban Chấp hành lần thứ 12",
         "link": "http://example.org/hoi-nghi-12", "guid": "tin-12",
         "date": "Mon, 30 Nov 2026 01:00:00 +0000",
         "summary": "<p>Hội nghị <b>đánh giá</b> kết quả.</p>"
                    "<script>alert('x')</script><img src=x onerror=alert(1)>"}
SECOND = {"title": "Chuyển đổi số trong các cơ quan Đảng",
          "link": "javascript:alert(1)", "guid": "tin-13",
          "date": "Tue, 01 Dec 2026 02:00:00 +0000",
          "summary": "Văn phòng hướng dẫn sử dụng phòng họp không giấy."}
THIRD = {"title": "Tin mới nhất", "link": "http://example.org/moi",
         "guid": "tin-14", "date": "Wed, 02 Dec 2026 02:00:00 +0000",
         "summary": "Mới."}


class FeedServer(ThreadingMixIn, HTTPServer):
    """Serves ``routes[path] = (status, body, delay)`` on 127.0.0.1."""
    daemon_threads = True

    def __init__(self):
        self.routes = {}
        self.hits = []
        super().__init__(("127.0.0.1", 0), FeedHandler)

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.server_address[1], path)


class FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.hits.append(self.path)
        status, body, delay = self.server.routes.get(self.path, (404, "", 0))
        if delay:
            time.sleep(delay)
        data = body.encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (the timeout case): nothing to answer.
            return

    def log_message(self, *args):
        pass


class TestNews(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = FeedServer()
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.env["ir.config_parameter"].set_param(
            "paperless_meeting.news_timeout", "1")
        cls.Feed = cls.env["paperless.news.feed"]

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    def feed(self, path, name=None, **values):
        return self.Feed.sudo(self.secretary).create(dict({
            "name": name or path, "url": self.server.url(path)}, **values))

    def items(self, feed):
        return self.env["paperless.news.item"].search([("feed_id", "=", feed.id)])

    def test_fetch_keeps_each_item_once(self):
        self.server.routes["/tin.xml"] = (200, rss(FIRST, SECOND), 0)
        feed = self.feed("/tin.xml")
        self.assertEqual(feed.action_fetch(), 2)
        self.assertEqual(feed.state, "ok")
        self.assertFalse(feed.last_error)
        self.assertEqual(self.items(feed).mapped("name"), [
            "Chuyển đổi số trong các cơ quan Đảng",
            "Hội nghị Ban Chấp hành lần thứ 12"])  # newest first
        # Fetched again: nothing new; the feed grew by one: one more.
        self.assertEqual(feed.action_fetch(), 0)
        self.assertEqual(len(self.items(feed)), 2)
        self.server.routes["/tin.xml"] = (200, rss(THIRD, FIRST, SECOND), 0)
        self.assertEqual(feed.action_fetch(), 1)
        self.assertEqual(len(self.items(feed)), 3)
        self.assertEqual(self.items(feed)[0].name, "Tin mới nhất")
        self.assertEqual(self.items(feed)[0].published_date, "2026-12-02 02:00:00")

    def test_database_refuses_a_duplicate(self):
        self.server.routes["/tin.xml"] = (200, rss(FIRST), 0)
        feed = self.feed("/tin.xml")
        feed.action_fetch()
        with self.assertRaises(psycopg2.IntegrityError), \
                mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["paperless.news.item"].create({
                "feed_id": feed.id, "name": "Bản sao", "guid": "tin-12"})

    def test_summary_is_plain_text_and_links_are_web_links(self):
        self.server.routes["/tin.xml"] = (200, rss(FIRST, SECOND), 0)
        feed = self.feed("/tin.xml")
        feed.action_fetch()
        first, = self.items(feed).filtered(lambda item: item.guid == "tin-12")
        self.assertEqual(first.summary, "Hội nghị đánh giá kết quả.")
        self.assertEqual(first.link, "http://example.org/hoi-nghi-12")
        second, = self.items(feed).filtered(lambda item: item.guid == "tin-13")
        self.assertFalse(second.link)

    def test_broken_feeds_are_reported_and_others_fetched(self):
        self.server.routes["/rac.xml"] = (200, "<html><body>không phải RSS", 0)
        self.server.routes["/cham.xml"] = (200, rss(FIRST), 3)
        self.server.routes["/tin.xml"] = (200, rss(FIRST, SECOND), 0)
        missing = self.feed("/khong-co.xml", sequence=1)
        garbage = self.feed("/rac.xml", sequence=2)
        slow = self.feed("/cham.xml", sequence=3)
        unreachable = self.feed("/x", sequence=4)
        unreachable.sudo()._lock_write_system({"url": "http://127.0.0.1:9/x"})
        good = self.feed("/tin.xml", sequence=5)
        started = time.monotonic()
        self.Feed._cron_fetch()
        self.assertLess(time.monotonic() - started, 10)
        for feed in (missing, garbage, slow, unreachable):
            self.assertEqual(feed.state, "error", feed.name)
            self.assertTrue(feed.last_error, feed.name)
            self.assertFalse(self.items(feed), feed.name)
        self.assertIn("404", missing.last_error)
        self.assertEqual(good.state, "ok")
        self.assertEqual(len(self.items(good)), 2)

    def test_error_in_vietnamese_for_the_office(self):
        feed = self.feed("/khong-co.xml")
        feed.with_context(lang="vi_VN").action_fetch()
        self.assertIn("Máy chủ trả lời với mã HTTP 404", feed.last_error)

    def test_cron_fetches_only_feeds_due(self):
        self.server.routes["/tin.xml"] = (200, rss(FIRST), 0)
        feed = self.feed("/tin.xml", interval_hours=6)
        self.Feed._cron_fetch(now="2026-11-30 00:00:00")
        self.assertEqual(len(self.items(feed)), 1)
        fetched = feed.last_fetch_date
        hits = len(self.server.hits)
        self.Feed._cron_fetch(now=fetched)
        self.assertEqual(len(self.server.hits), hits)
        later = "2100-01-01 00:00:00"
        self.Feed._cron_fetch(now=later)
        self.assertEqual(len(self.server.hits), hits + 1)

    def test_feed_rules(self):
        with self.assertRaises(ValidationError):
            self.feed("/x", url="javascript:alert(1)")
        self.server.routes["/tin.xml"] = (200, rss(FIRST), 0)
        feed = self.feed("/tin.xml")
        # The office fetches; a member reads, fetches nothing, writes nothing.
        with self.assertRaises(AccessError):
            feed.sudo(self.member).action_fetch()
        with self.assertRaises(AccessError):
            feed.sudo(self.member).write({"name": "Khác"})
        with self.assertRaises(UserError):
            feed.sudo(self.secretary).write({"state": "ok"})
        feed.action_fetch()
        Item = self.env["paperless.news.item"]
        self.assertEqual(len(Item.sudo(self.member).search(
            [("feed_id", "=", feed.id)])), 1)
        with self.assertRaises(AccessError):
            Item.sudo(self.member).create({"feed_id": feed.id, "name": "Giả",
                                           "guid": "gia"})
        with self.assertRaises(AccessError):
            Item.sudo(self.secretary).create({"feed_id": feed.id, "name": "Giả",
                                              "guid": "gia"})
        with self.assertRaises(AccessError):
            self.items(feed).sudo(self.member).unlink()

    def test_units_see_their_own_news(self):
        other = self.env["res.company"].create({"name": "Huyện ủy Bắc Tân Uyên"})
        district = create_user(self.env, "pm_district", "member",
                               company_id=other.id, company_ids=[(6, 0, other.ids)])
        office = create_user(self.env, "pm_district_office", "secretary",
                             company_id=other.id, company_ids=[(6, 0, other.ids)])
        self.server.routes["/tin.xml"] = (200, rss(FIRST), 0)
        feed = self.feed("/tin.xml")
        feed.action_fetch()
        Item = self.env["paperless.news.item"]
        self.assertFalse(Item.sudo(district).search([("feed_id", "=", feed.id)]))
        self.assertFalse(self.Feed.sudo(office).search([("id", "=", feed.id)]))
        with self.assertRaises(AccessError):
            feed.sudo(office).action_fetch()
        self.assertTrue(Item.sudo(self.member).search([("feed_id", "=", feed.id)]))
