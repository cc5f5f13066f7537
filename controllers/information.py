# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Information for the people of the room, phone first: the committee's news
(/my/news), the leaders' work calendar (/my/calendar) and the Party documents
library (/my/library). Everything is read with the signed-in user's own
rights; library documents open in the room's stamped, logged reader."""
from datetime import timedelta

import babel.dates
from werkzeug.urls import url_encode

from odoo import _, fields, http
from odoo.http import request

from .main import MAX_ID, room_context, room_page

PAGE_SIZE = 20


def page_number(value):
    try:
        return max(1, min(int(value or 1), 10000))
    except (TypeError, ValueError):
        return 1


def info_context(values):
    """The room's values and ``format_date(day, pattern)``: "Thứ Hai,
    30/11" for a Vietnamese reader."""
    locale = request.env.context.get("lang") or "en_US"

    def format_date(day, pattern="EEEE, dd/MM"):
        if not day:
            return ""
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        return babel.dates.format_date(day, pattern, locale=locale)
    return room_context(dict(values, format_date=format_date))


def library_url(query=None, category=None, page=None):
    """/my/library with the search kept (page links, category chips)."""
    params = {key: value for key, value in (
        ("q", query), ("category", category.id if category else None),
        ("page", page if page and page > 1 else None)) if value}
    return "/my/library" + ("?" + url_encode(params) if params else "")


class PaperlessInformation(http.Controller):

    @http.route("/my/news", type="http", auth="user", methods=["GET"])
    @room_page
    def my_news(self, page=None, **kw):
        Item = request.env["paperless.news.item"]
        page = page_number(page)
        total = Item.search_count([])
        items = Item.search([], limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE,
                            order="published_date desc, id desc")
        return request.render("paperless_meeting.information_news_page", info_context({
            "items": items, "page": page,
            "has_next": page * PAGE_SIZE < total,
            "page_title": _("News"), "section": "news",
        }))

    @http.route("/my/calendar", type="http", auth="user", methods=["GET"])
    @room_page
    def my_calendar(self, week=None, **kw):
        Entry = request.env["paperless.work.calendar.entry"]
        try:
            monday = Entry._week_start(week or None)
        except (TypeError, ValueError):
            monday = Entry._week_start()
        today = fields.Date.from_string(fields.Date.context_today(Entry))
        return request.render("paperless_meeting.information_calendar_page",
                              info_context({
                                  "days": Entry._week_days(monday),
                                  "monday": monday, "today": today,
                                  "previous": monday - timedelta(days=7),
                                  "next": monday + timedelta(days=7),
                                  "sunday": monday + timedelta(days=6),
                                  "this_week": Entry._week_start(),
                                  "page_title": _("Work Calendar"),
                                  "section": "calendar",
                              }))

    @http.route("/my/library", type="http", auth="user", methods=["GET"])
    @room_page
    def my_library(self, q=None, category=None, page=None, **kw):
        env = request.env
        Library = env["paperless.library.document"]
        query = (q or "").strip()[:200]
        page = page_number(page)
        # Only a category the user may see narrows the list.
        category_id = int(category) if (category or "").isdigit() \
            and int(category) <= MAX_ID else 0
        category = env["paperless.library.category"].search(
            [("id", "=", category_id)]) if category_id else None
        found = Library.search_library(
            query, category.id if category else None, limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE)
        return request.render("paperless_meeting.information_library_page",
                              info_context({
                                  "query": query, "category": category,
                                  "categories": env["paperless.library.category"]
                                  .search([]),
                                  "entries": Library.browse(found["ids"]),
                                  "count": found["count"], "page": page,
                                  "has_next": page * PAGE_SIZE < found["count"],
                                  "library_url": library_url,
                                  "page_title": _("Party Documents Library"),
                                  "section": "library",
                              }))
