# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared by the member-room HTTP tests: Vietnamese users (as people of the
office have them) and a browser-like session over the real test server."""
import re
from contextlib import contextmanager

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from .common import ROLE_GROUPS

# What werkzeug's or Odoo's own error pages say: never on a room page.
FOREIGN_ERROR_TEXT = ("Not Found", "Forbidden", "Unprocessable", "Bad Request",
                      "Traceback", "Odoo Server Error", "Internal Server Error")


def vietnamese_user(env, login, role=None, name=None, groups=None):
    """A user as the office creates them: Vietnamese, in Hà Nội's time zone;
    ``role`` a paperless role, or explicit ``groups`` (xml ids)."""
    xmlids = groups or [ROLE_GROUPS[role]]
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": name or login.title(), "login": login, "password": login,
        "email": "%s@example.org" % login, "lang": "vi_VN",
        "tz": "Asia/Ho_Chi_Minh",
        "groups_id": [(6, 0, [env.ref(xmlid).id for xmlid in xmlids])],
    })


class RoomHttpCase(HttpCase):
    """Helpers to act as a user over HTTP; fixtures go through
    ``self.registry.cursor()`` (Odoo 11 serves HTTP on its own cursor)."""

    def setUp(self):
        super().setUp()
        self.db = get_db_name()
        self.base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]

    @contextmanager
    def sudo_env(self):
        """A superuser environment on the server's cursor, committed after."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # The test thread's environments share one cache: forget values
            # read before the server changed them.
            env.cache.invalidate()
            yield env

    def login(self, login):
        self.opener.cookies.clear()
        response = self.opener.post(
            self.base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}},
            timeout=20).json()
        self.assertTrue(response["result"]["uid"], login)

    def get(self, path, **kwargs):
        url = path if path.startswith("http") else self.base + path
        return self.opener.get(url, timeout=60, **kwargs)

    def csrf_token(self, page=None):
        """The session's CSRF token, from a room page with a form or from the
        web client."""
        page = page or self.get("/web").text
        return re.search(r'csrf_token(?:" value=|: )"([^"]+)"', page).group(1)

    def post(self, path, data, page=None):
        return self.opener.post(
            self.base + path, data=dict(data, csrf_token=self.csrf_token(page)),
            timeout=60, allow_redirects=False)

    def assertRoomRefusal(self, response, code, *texts):
        """The room's own refusal page: status ``code``, Vietnamese, none of
        werkzeug's or Odoo's English error pages."""
        self.assertEqual(response.status_code, code, response.text[:300])
        self.assertIn("text/html", response.headers["Content-Type"])
        self.assertIn("pm-refusal", response.text)
        for text in texts:
            self.assertIn(text, response.text)
        for text in FOREIGN_ERROR_TEXT:
            self.assertNotIn(text, response.text)
