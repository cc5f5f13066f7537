# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's raw-file routes never hand out a meeting document's file: 403 or
404 (never 500, never the bytes) for anyone but the office, over the real
HTTP server."""
import base64

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from . import pdf_samples as samples
from .common import meeting_values


class TestRawFileRoutes(HttpCase):

    def setUp(self):
        super().setUp()
        # Odoo 11 serves HTTP on the registry's test cursor: fixtures go there.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            member = samples.vietnamese_user(env, "raw_member", "member")
            leader = samples.vietnamese_user(env, "raw_leader", "leader")
            secretary = samples.vietnamese_user(env, "raw_secretary", "secretary")
            Users = env["res.users"].with_context(no_reset_password=True)
            for login, group in (("raw_internal", "base.group_user"),
                                 ("raw_portal", "base.group_portal")):
                Users.create({"name": login, "login": login, "password": login,
                              "lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh",
                              "groups_id": [(6, 0, [env.ref(group).id])]})
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, leader, secretary, member))
            self.pdf = samples.text_pdf(1, text="Raw secret budget")
            document = env["paperless.document"].sudo(secretary).create({
                "name": "Budget", "meeting_id": meeting.id,
                "datas": base64.b64encode(self.pdf), "datas_fname": "budget.pdf",
            })
            meeting.sudo(secretary).action_schedule()
            attachment = env["ir.attachment"].search([
                ("res_model", "=", "paperless.document"),
                ("res_field", "=", "datas"), ("res_id", "=", document.id)])
            # A shared link made for the attachment does not open it either.
            self.token = attachment.generate_access_token()[0]
            self.stored = base64.b64decode(document.datas)
            self.document_id, self.attachment_id = document.id, attachment.id
        self.db = get_db_name()
        self.base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]

    def login(self, login):
        self.opener.cookies.clear()
        if login:
            reply = self.opener.post(
                self.base + "/web/session/authenticate",
                json={"jsonrpc": "2.0", "method": "call", "params": {
                    "db": self.db, "login": login, "password": login}},
                timeout=20).json()
            self.assertTrue(reply["result"]["uid"])

    def paths(self):
        doc, att = self.document_id, self.attachment_id
        return [
            "/web/content/paperless.document/%d/datas" % doc,
            "/web/content/paperless.document/%d/datas/budget.pdf" % doc,
            "/web/content?model=paperless.document&id=%d&field=datas" % doc,
            "/web/content?model=paperless.document&id=%d&field=datas&download=true"
            % doc,
            "/web/content/paperless.document/%d/name" % doc,
            "/web/image/paperless.document/%d/datas" % doc,
            "/web/content/%d" % att,
            "/web/content/%d/budget.pdf" % att,
            "/web/content?id=%d" % att,
            "/web/content?id=%d&access_token=%s" % (att, self.token),
            "/web/content/ir.attachment/%d/datas" % att,
            "/web/image/%d" % att,
            "/web/image/ir.attachment/%d/datas" % att,
        ]

    def test_nobody_but_the_office_gets_the_raw_file(self):
        for login in ("raw_member", "raw_leader", "raw_internal", "raw_portal", None):
            self.login(login)
            for path in self.paths():
                with self.subTest(login=login, path=path):
                    reply = self.opener.get(self.base + path, timeout=60,
                                            allow_redirects=False)
                    if login is None and reply.status_code in (302, 303):
                        # Anonymous: sent to the login page, nothing served.
                        self.assertIn("/web/login", reply.headers["Location"])
                        continue
                    self.assertIn(reply.status_code, (403, 404))
                    self.assertNotIn(b"%PDF", reply.content)
                    self.assertNotIn(base64.b64encode(self.stored)[:40],
                                     reply.content)

    def test_the_office_still_gets_it(self):
        # The refusals above are not a route that no longer works.
        self.login("raw_secretary")
        for path in self.paths()[:4] + self.paths()[6:9]:
            with self.subTest(path=path):
                reply = self.opener.get(self.base + path, timeout=60)
                self.assertEqual(reply.status_code, 200)
                self.assertEqual(reply.content, self.stored)
