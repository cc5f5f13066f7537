# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo 11's own web routes as the production setup needs them, over the real
HTTP server: redirects only to this site, no database manager, a session
cookie with SameSite/Secure and a short idle lifetime enforced on the server."""
import time
import xmlrpc.client

import odoo
from odoo.tools import config, mute_logger

from ..controllers import hardening
from .room_http import RoomHttpCase, vietnamese_user

FOREIGN = ("https://evil.example/phish", "//evil.example/phish",
           "/\\evil.example/phish", "https:evil.example", " http://evil.example",
           "javascript:alert(1)")


class TestHttpHardening(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            vietnamese_user(env, "hard_member", "member")

    def no_redirect(self, path, **params):
        return self.opener.get(self.base + path, params=params, timeout=60,
                               allow_redirects=False)

    # --- open redirects ---------------------------------------------------
    def test_web_redirect_is_local_only(self):
        self.login("hard_member")
        for target in FOREIGN:
            response = self.no_redirect("/web", redirect=target)
            self.assertNotIn("evil.example", response.headers.get("Location", ""),
                             target)
            self.assertNotIn("javascript:", response.headers.get("Location", ""))
        response = self.no_redirect("/web", redirect="/my/meetings")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my/meetings"))

    def test_logout_redirect_is_local_only(self):
        for target in FOREIGN:
            self.login("hard_member")
            response = self.no_redirect("/web/session/logout", redirect=target)
            self.assertEqual(response.status_code, 303)
            location = response.headers["Location"]
            self.assertNotIn("evil.example", location, target)
            self.assertTrue(location.endswith("/web"), location)
        self.login("hard_member")
        response = self.no_redirect("/web/session/logout", redirect="/my/meetings")
        self.assertTrue(response.headers["Location"].endswith("/my/meetings"))

    def test_login_and_dbredirect_are_local_only(self):
        self.login("hard_member")
        for target in FOREIGN:
            # Logged in, Odoo would answer with a page sending the browser on.
            response = self.no_redirect("/web/login", redirect=target)
            self.assertNotIn("evil.example", response.text, target)
            response = self.no_redirect("/web/dbredirect", redirect=target)
            self.assertNotIn("evil.example", response.headers.get("Location", ""))
        self.opener.cookies.clear()
        page = self.get("/web/login").text
        response = self.opener.post(self.base + "/web/login", data={
            "login": "hard_member", "password": "hard_member",
            "redirect": "https://evil.example/phish",
            "csrf_token": self.csrf_token(page)}, timeout=60, allow_redirects=False)
        self.assertNotIn("evil.example", response.text)
        self.assertNotIn("evil.example", response.headers.get("Location", ""))
        self.assertTrue(self.session_uid())

    def test_local_url(self):
        local = "/my/meetings?x=1#a"
        self.assertEqual(hardening.local_url(local), local)
        for target in FOREIGN + ("", None, "my/meetings", "/a\nLocation: x"):
            self.assertIsNone(hardening.local_url(target), target)

    # --- database manager -------------------------------------------------
    def test_database_manager_refused(self):
        for path in ("/web/database/manager", "/web/database/selector"):
            self.assertEqual(self.no_redirect(path).status_code, 404, path)
        response = self.opener.post(self.base + "/web/database/drop", data={
            "master_pwd": config["admin_passwd"], "name": self.db},
            timeout=60, allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        response = self.opener.post(self.base + "/web/database/backup", data={
            "master_pwd": config["admin_passwd"], "name": self.db,
            "backup_format": "dump"}, timeout=60, allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"PGDMP", response.content[:10])
        reply = self.opener.post(self.base + "/web/database/list", json={
            "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
        self.assertIn("error", reply)
        # The database service of XML-RPC: list_db = False refuses it all
        # (CVE-2018-15632: an empty database created from outside).
        dbs = xmlrpc.client.ServerProxy(self.base + "/xmlrpc/2/db")
        master = config["admin_passwd"]
        calls = (("list", ()), ("dump", (master, self.db, "dump")),
                 ("create_database", (master, "pm_x", False, "vi_VN", "x")),
                 ("drop", (master, self.db)))
        # Odoo logs each refusal as an ERROR: expected here.
        with mute_logger("odoo.service.db", "odoo.http"):
            for method, args in calls:
                with self.assertRaises(xmlrpc.client.Fault, msg=method):
                    getattr(dbs, method)(*args)
        self.assertIn(self.db, odoo.service.db.list_dbs(True))
        self.assertNotIn("pm_x", odoo.service.db.list_dbs(True))

    # --- session cookie ---------------------------------------------------
    def session_cookie_header(self, response):
        cookies = [value for key, value in response.raw.headers.items()
                   if key.lower() == "set-cookie" and value.startswith("session_id=")]
        self.assertEqual(len(cookies), 1, response.raw.headers)
        return cookies[0]

    def session_uid(self):
        reply = self.opener.post(self.base + "/web/session/get_session_info", json={
            "jsonrpc": "2.0", "method": "call", "params": {}}, timeout=60).json()
        return reply.get("result", {}).get("uid")

    def test_session_cookie_flags(self):
        self.login("hard_member")
        response = self.get("/my/meetings")
        cookie = self.session_cookie_header(response)
        self.assertIn("SameSite=Lax", cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("Max-Age=%d" % hardening.DEFAULT_LIFETIME, cookie)
        self.assertNotIn("Secure", cookie)  # plain HTTP in this test
        # Behind the TLS proxy (proxy_mode, X-Forwarded-*): Secure.
        proxy_mode = config["proxy_mode"]
        config["proxy_mode"] = True
        try:
            response = self.get("/my/meetings", headers={
                "X-Forwarded-Host": "hop.example.vn", "X-Forwarded-Proto": "https"})
        finally:
            config["proxy_mode"] = proxy_mode
        self.assertEqual(response.status_code, 200)
        self.assertIn("; Secure", self.session_cookie_header(response))

    def test_idle_session_logged_out_on_server(self):
        self.login("hard_member")
        self.assertTrue(self.session_uid())
        sid = self.opener.cookies["session_id"]
        store = odoo.http.root.session_store
        session = store.get(sid)
        self.assertTrue(session.get(hardening.SEEN_KEY))
        # The same cookie, replayed after the lifetime without a request.
        session[hardening.SEEN_KEY] = time.time() - hardening.DEFAULT_LIFETIME - 5
        store.save(session)
        response = self.no_redirect("/my/meetings")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/web/login", response.headers["Location"])
        self.assertFalse(store.get(sid).uid)
        # A session used within the lifetime stays logged in.
        self.login("hard_member")
        session = store.get(self.opener.cookies["session_id"])
        session[hardening.SEEN_KEY] = time.time() - hardening.DEFAULT_LIFETIME + 600
        store.save(session)
        self.assertTrue(self.session_uid())

    # --- mail templates over RPC (Odoo 11 end of support) -------------------
    def call_kw(self, model, method, args, kwargs=None):
        return self.opener.post(self.base + "/web/dataset/call_kw", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "model": model, "method": method, "args": args,
                "kwargs": kwargs or {}}}, timeout=60).json()

    def assertAccessError(self, reply):
        self.assertIn("error", reply, reply)
        self.assertEqual(reply["error"]["data"]["name"],
                         "odoo.exceptions.AccessError")
        self.assertIn("Chỉ quản trị viên", reply["error"]["data"]["message"])

    def test_templates_rendered_and_edited_by_administrators_only(self):
        with self.sudo_env() as env:
            template_id = env["mail.template"].search([], limit=1).id
            uid = env["res.users"].search([("login", "=", "hard_member")]).id
        self.login("hard_member")
        self.assertAccessError(self.call_kw(
            "mail.template", "render_template", ["${1 + 1}", "res.users", [uid]]))
        self.assertAccessError(self.call_kw(
            "mail.template", "write", [[template_id], {"body_html": "${1 + 1}"}]))
        self.assertAccessError(self.call_kw(
            "mail.template", "create", [{"name": "x", "body_html": "${1 + 1}"}]))
        self.assertAccessError(self.call_kw(
            "mail.compose.message", "create",
            [{"composition_mode": "mass_mail", "body": "${1 + 1}"}]))
        # Reading templates and writing an ordinary message still work.
        reply = self.call_kw("mail.template", "search_read",
                             [[("id", "=", template_id)], ["name"]])
        self.assertEqual(reply["result"][0]["id"], template_id)
        reply = self.call_kw("mail.compose.message", "create", [{
            "composition_mode": "comment", "body": "<p>Xin chào</p>"}])
        self.assertIsInstance(reply.get("result"), int, reply)
        # The same call over XML-RPC is refused too.
        with self.assertRaises(xmlrpc.client.Fault) as refused:
            self.xmlrpc_object.execute_kw(
                self.db, uid, "hard_member", "mail.template", "render_template",
                ["${1 + 1}", "res.users", [uid]])
        # Odoo's XML-RPC fault code of an AccessError.
        self.assertEqual(refused.exception.faultCode, 4)
        # The administrators keep the feature.
        self.opener.cookies.clear()
        reply = self.opener.post(self.base + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": "admin", "password": "admin"}},
            timeout=20).json()
        self.assertTrue(reply["result"]["uid"])
        reply = self.call_kw("mail.template", "render_template",
                             ["${1 + 1}", "res.users", [uid]])
        self.assertEqual(reply["result"], {str(uid): "2"})

    def test_mail_gateway_over_rpc_for_administrators_only(self):
        """CVE-2018-15645: a user cannot hand the mail gateway a crafted
        message and route (a model and the values of a new record)."""
        with self.sudo_env() as env:
            uid = env["res.users"].search([("login", "=", "hard_member")]).id
        message = ("From: a@example.org\r\nTo: vanthu@example.org\r\n"
                   "Message-Id: <pm-crafted@example.org>\r\n"
                   "Subject: Tao ban ghi\r\n\r\nNoi dung\r\n")
        self.login("hard_member")
        for model, method, args in (
                ("mail.thread", "message_process",
                 ["res.partner", message, {"name": "Crafted Partner"}]),
                ("res.partner", "message_new",
                 [{"subject": "x"}, {"name": "Crafted Partner"}]),
                ("res.partner", "message_route",
                 [None, {"message_id": "<x@example.org>"}, "res.partner"])):
            with self.subTest(method=method):
                self.assertAccessError(self.call_kw(model, method, args))
        with self.assertRaises(xmlrpc.client.Fault) as refused:
            self.xmlrpc_object.execute_kw(
                self.db, uid, "hard_member", "mail.thread", "message_process",
                ["res.partner", message, {"name": "Crafted Partner"}])
        self.assertEqual(refused.exception.faultCode, 4)
        with self.sudo_env() as env:
            self.assertFalse(env["res.partner"].search(
                [("name", "=", "Crafted Partner")]))
