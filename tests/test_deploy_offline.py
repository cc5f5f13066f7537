# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Nothing is loaded from the internet: the office's network may have none,
and every outside request tells a third party who reads which meeting.

The pages people see are opened in a real Chromium (every request it makes
is recorded), and the official reports' HTML (what wkhtmltopdf loads) and
the style sheets they use are read for outside references."""
import re
from urllib.parse import urljoin, urlsplit

from .chromium import Chromium
from .room_http import RoomHttpCase

RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|input)\b[^>]*?\bsrc\s*=\s*"
    r"[\"']([^\"']+)|<link\b[^>]*?\bhref\s*=\s*[\"']([^\"']+)"
    r"|url\(\s*[\"']?([^\"')]+)|@import\s+[\"']([^\"']+)", re.I)


class RecordingChromium(Chromium):
    """Chromium with the network domain on: every request's URL is kept."""

    def __enter__(self):
        super().__enter__()
        self.requested = []
        self.send("Network.enable")
        return self

    def on_event(self, message):
        if message["method"] == "Network.requestWillBeSent":
            self.requested.append(message["params"]["request"]["url"])


class TestDeployOffline(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            self.meeting = env["paperless.meeting"].search(
                [("attendee_ids.user_id.login", "=", "member1"),
                 ("document_ids", "!=", False)], limit=1)
            self.meeting_id = self.meeting.id
            self.document_id = self.meeting.document_ids[:1].id
            self.ballot_id = env["paperless.ballot"].search([], limit=1).id
            self.attendee_id = self.meeting.attendee_ids[:1].id
        self.assertTrue(self.meeting_id and self.document_id and self.ballot_id)
        self.origin = urlsplit(self.base).netloc

    def outside(self, urls):
        """The URLs of ``urls`` that leave this server."""
        foreign = []
        for url in urls:
            parts = urlsplit(url.strip())
            if parts.scheme in ("data", "blob", "about", "") and not parts.netloc:
                continue
            if parts.netloc != self.origin:
                foreign.append(url)
        return foreign

    def references(self, text, base):
        return [urljoin(base, next(group for group in match if group))
                for match in RESOURCE.findall(text)]

    def test_pages_load_nothing_from_outside(self):
        with RecordingChromium() as browser:
            browser.open(self.base + "/web/login")
            browser.login(self.base, "member1", "member1")
            browser.wait_for("location.pathname === '/my/meetings'", 30)
            for path in ("/my/meetings/%d" % self.meeting_id,
                         "/my/documents/%d/read" % self.document_id):
                browser.open(self.base + path)
            browser.open(self.base + "/web/session/logout")
            browser.login(self.base, "secretary", "secretary")
            browser.open("%s/web#model=paperless.meeting&id=%d&view_type=form"
                         % (self.base, self.meeting_id))
            browser.wait_for("document.querySelector('.o_form_view')", 60)
            browser.open("%s/web#model=paperless.ballot&id=%d&view_type=form"
                         % (self.base, self.ballot_id))
            browser.wait_for("document.querySelector('.o_form_view')", 60)
            requested = list(browser.requested)
        self.assertGreater(len(requested), 20)
        self.assertTrue(any("/web/content/" in url for url in requested))
        self.assertEqual(self.outside(requested), [])

    def test_reports_reference_nothing_outside(self):
        sheets = set()
        with self.sudo_env() as env:
            # Every report of the addon, those added later included.
            reports = env["ir.actions.report"].search(
                [("model", "=like", "paperless.%")])
            self.assertGreaterEqual(len(reports), 5)
            for report in reports:
                record = {"paperless.meeting": self.meeting_id,
                          "paperless.ballot": self.ballot_id,
                          "paperless.meeting.attendee": self.attendee_id,
                          }.get(report.model)
                # A model with no record yet renders its report's frame (the
                # links it loads), with no document in it.
                ids = [record] if record else env[report.model].search(
                    [], limit=1).ids
                html = report.with_context(lang="vi_VN").render_qweb_html(
                    ids)[0].decode("utf-8")
                urls = self.references(html, self.base + "/")
                self.assertEqual(self.outside(urls), [], report.report_name)
                sheets.update(url for url in urls
                              if url.split("?")[0].endswith(".css"))
        # The style sheets they link to, as wkhtmltopdf fetches them (over
        # HTTP, once the test cursor is free again).
        self.assertTrue(sheets)
        for url in sheets:
            css = self.opener.get(url, timeout=60).text
            self.assertIn("{", css, url)
            self.assertEqual(self.outside(self.references(css, url)), [], url)

    def test_reference_finder(self):
        """The finder sees the usual ways of loading from outside."""
        page = ("<link rel='stylesheet' href='https://fonts.googleapis.com/css?x'>"
                "<script src=\"//cdn.example/x.js\"></script>"
                "<img src='/web/image/1'><style>@import 'https://a.example/a.css';"
                "b { background: url(https://b.example/b.png) }</style>")
        self.assertEqual(len(self.outside(self.references(page, self.base + "/"))), 4)
