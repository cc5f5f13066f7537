# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The committee's news feeds (RSS/Atom), fetched over HTTP by the office's
button and by a scheduled job. A feed that cannot be fetched or read is
reported on the feed itself and never stops the others."""
import calendar
import hashlib
import logging
import time
from datetime import datetime, timedelta

import feedparser
import lxml.html
import requests
from lxml.html.clean import Cleaner

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Seconds to connect and for each read; the office may change it.
TIMEOUT_PARAM = "paperless_meeting.news_timeout"
DEFAULT_TIMEOUT = 10
MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_SUMMARY = 2000
# Feeds are untrusted: a summary is kept as plain text, without what a
# browser would run or load.
_CLEANER = Cleaner(scripts=True, javascript=True, comments=True, style=True,
                   embedded=True, forms=True, frames=True, meta=True,
                   processing_instructions=True)


def html_to_text(value, limit=MAX_SUMMARY):
    """Plain text of an untrusted HTML fragment, whitespace collapsed."""
    if not value or not value.strip():
        return ""
    try:
        tree = lxml.html.fragment_fromstring(value, create_parent="div")
        text = _CLEANER.clean_html(tree).text_content()
    except (ValueError, lxml.etree.ParserError):
        text = value
    return " ".join(text.split())[:limit]


def safe_link(value):
    """An http(s) link, or False: a feed's ``javascript:`` link never
    reaches a page."""
    value = (value or "").strip()
    return value if value.lower().startswith(("http://", "https://")) else False


class FeedError(Exception):
    """A feed that cannot be fetched or read; its message is shown."""


class PaperlessNewsFeed(models.Model):
    _name = "paperless.news.feed"
    _description = "News Feed"
    _inherit = ["paperless.lock.mixin"]
    _order = "sequence, name, id"
    _lock_system_fields = ("state", "last_error", "last_fetch_date")

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    url = fields.Char(string="Feed URL", required=True,
                      help="Address of the RSS or Atom feed (http or https).")
    interval_hours = fields.Integer(
        string="Fetch Every (Hours)", required=True, default=1,
        help="How often the scheduled job fetches this feed.")
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    state = fields.Selection(
        [("new", "Never Fetched"), ("ok", "Fetched"), ("error", "Error")],
        string="Last Fetch", required=True, default="new", readonly=True,
        copy=False)
    last_fetch_date = fields.Datetime(string="Last Fetched On", readonly=True,
                                      copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    item_ids = fields.One2many("paperless.news.item", "feed_id", string="Items")
    item_count = fields.Integer(compute="_compute_item_count", string="News")

    _sql_constraints = [
        ("interval_positive", "check(interval_hours > 0)",
         "The fetch interval must be at least one hour."),
    ]

    def _compute_item_count(self):
        data = self.env["paperless.news.item"].read_group(
            [("feed_id", "in", self.ids)], ["feed_id"], ["feed_id"])
        counts = {row["feed_id"][0]: row["feed_id_count"] for row in data}
        for feed in self:
            feed.item_count = counts.get(feed.id, 0)

    @api.constrains("url")
    def _check_url(self):
        for feed in self:
            if not safe_link(feed.url):
                raise ValidationError(_(
                    "The feed URL must start with http:// or https://."))

    # ------------------------------------------------------------------
    # Fetching
    # ------------------------------------------------------------------
    @api.multi
    def action_fetch(self):
        """Fetch the feeds now (the office's button); each feed's outcome is
        written on it. Return the number of new items."""
        if not self:
            raise UserError(_("Please choose at least one feed."))
        # Only those who may change the feeds fetch them.
        self.check_access_rights("write")
        self.check_access_rule("write")
        return self._fetch_all()

    @api.model
    def _cron_fetch(self, now=None):
        """The scheduled job: every active feed whose interval has passed."""
        now = fields.Datetime.from_string(now or fields.Datetime.now())
        due = self.search([("active", "=", True)]).filtered(
            lambda feed: not feed.last_fetch_date
            or fields.Datetime.from_string(feed.last_fetch_date)
            + timedelta(hours=feed.interval_hours) <= now)
        # The errors are read by the office: in the job user's language.
        due.with_context(lang=self.env.user.lang or self.env.lang)._fetch_all()
        return True

    @api.multi
    def _fetch_all(self):
        created = 0
        for feed in self:
            try:
                # One feed's failure undoes its own half-written items only.
                with self.env.cr.savepoint():
                    created += feed._fetch_one()
                    feed._lock_write_system({
                        "state": "ok", "last_error": False,
                        "last_fetch_date": fields.Datetime.now()})
            except FeedError as error:
                _logger.info("News feed %s (%s) not fetched: %s",
                             feed.id, feed.url, error)
                feed._fetch_failed(str(error))
            except Exception:  # pylint: disable=broad-except
                # Whatever a hostile feed makes the parser do, the job goes
                # on with the other feeds.
                _logger.warning("News feed %s (%s) failed", feed.id, feed.url,
                                exc_info=True)
                feed._fetch_failed(_("The feed cannot be read."))
        return created

    @api.multi
    def _fetch_failed(self, message):
        return self._lock_write_system({
            "state": "error", "last_error": message,
            "last_fetch_date": fields.Datetime.now()})

    @api.model
    def _fetch_timeout(self):
        try:
            # sudo: one of the addon's own settings; the office may not read
            # ir.config_parameter.
            value = float(self.env["ir.config_parameter"].sudo().get_param(
                TIMEOUT_PARAM, DEFAULT_TIMEOUT))
        except (TypeError, ValueError):
            value = DEFAULT_TIMEOUT
        return value if value > 0 else DEFAULT_TIMEOUT

    @api.multi
    def _download(self):
        self.ensure_one()
        timeout = self._fetch_timeout()
        try:
            with requests.get(self.url, timeout=timeout, stream=True,
                              headers={"User-Agent": "paperless_meeting"}) as reply:
                if reply.status_code != 200:
                    raise FeedError(_("The server answered with HTTP status "
                                      "%(status)s.") % {"status": reply.status_code})
                data = b""
                # A server trickling bytes within each read's timeout is cut
                # off too.
                deadline = time.monotonic() + 3 * timeout
                for chunk in reply.iter_content(64 * 1024):
                    data += chunk
                    if time.monotonic() > deadline:
                        raise requests.Timeout()
                    if len(data) > MAX_FEED_BYTES:
                        raise FeedError(_("The feed is larger than %(size)s MB.")
                                        % {"size": MAX_FEED_BYTES // 1024 // 1024})
                return data
        except requests.Timeout:
            raise FeedError(_("The server did not answer in time (%(seconds)s "
                              "seconds).") % {"seconds": timeout})
        except requests.RequestException as error:
            _logger.info("News feed %s: %s", self.id, error)
            raise FeedError(_("The feed cannot be reached: please check its "
                              "address."))

    @api.multi
    def _fetch_one(self):
        """Download and parse this feed, create the items not seen before;
        return how many were created."""
        self.ensure_one()
        parsed = feedparser.parse(self._download())
        if parsed.bozo and not parsed.entries:
            raise FeedError(_("The address does not give an RSS or Atom feed."))
        Item = self.env["paperless.news.item"]
        values = [self._item_values(entry) for entry in parsed.entries]
        values = [vals for vals in values if vals]
        # The database holds the uniqueness (feed, guid); this only spares
        # it the known rows. Items are written by the fetch alone: sudo
        # after the caller's right on the feed was checked.
        Item = Item.sudo()
        known = set(Item.with_context(active_test=False).search([
            ("feed_id", "=", self.id),
            ("guid", "in", [vals["guid"] for vals in values])]).mapped("guid"))
        created = 0
        for vals in values:
            if vals["guid"] in known:
                continue
            known.add(vals["guid"])
            Item.create(dict(vals, feed_id=self.id))
            created += 1
        return created

    @api.model
    def _item_values(self, entry):
        title = html_to_text(entry.get("title"), limit=500)
        link = safe_link(entry.get("link"))
        summary = html_to_text(entry.get("summary") or entry.get("description"))
        guid = (entry.get("id") or link or "").strip()[:500]
        if not guid:
            # Neither id nor link: the entry is known by its content.
            guid = "sha1:" + hashlib.sha1(
                (title + "\n" + summary).encode("utf-8")).hexdigest()
        if not title and not summary:
            return None
        moment = entry.get("published_parsed") or entry.get("updated_parsed")
        published = fields.Datetime.to_string(datetime.utcfromtimestamp(
            calendar.timegm(moment))) if moment else fields.Datetime.now()
        return {"name": title or summary[:80], "link": link, "summary": summary,
                "guid": guid, "published_date": published}
