# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The back office in Chromium as a Vietnamese user: no English left where
Odoo's own words reach the user (refusal dialogs, app drawer)."""
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase, get_db_name

from .chromium import Chromium
from .common import create_user, meeting_values


class TestVietnameseWebClient(HttpCase):

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            member = create_user(env, "vw_member", "member", "Lê Văn Minh")
            secretary = create_user(env, "vw_secretary", "secretary")
            meeting = env["paperless.meeting"].sudo(secretary).create(
                meeting_values(env, secretary, secretary, member))
            meeting.action_schedule()
            self.meeting_id = meeting.id
        self.base = "http://%s:%s" % (HOST, PORT)

    def test_refusal_dialog_and_app_drawer_in_vietnamese(self):
        with Chromium(width=1280, height=900) as browser:
            # The office's back office (members land in the meeting room).
            browser.login(self.base, "vw_secretary", "vw_secretary")
            browser.open(self.base + "/web")
            browser.wait_for("document.querySelector('.app-drawer-toggle')", 60)
            self.assertEqual(browser.evaluate(
                "document.querySelector('.app-drawer-icon-close').innerText.trim()"),
                "Ứng dụng")
            # A call the server refuses, made the way the web client makes
            # every call: its dialog must not say "Odoo Server Error". The
            # page is the server's before the web client has started: wait
            # for its first action, the crash manager listens by then.
            browser.wait_for(
                "document.querySelector('.o_control_panel .breadcrumb li')", 60)
            browser.evaluate(
                "odoo.__DEBUG__.services['web.ajax'].rpc('/web/dataset/call_kw', "
                "{model: 'paperless.meeting', method: 'action_done', "
                "args: [[%d]], kwargs: {}}); 0" % self.meeting_id)
            browser.wait_for("document.querySelector('.modal .modal-title')", 60)
            title = browser.text(".modal .modal-title")
            self.assertIn("Thông báo", title)
            self.assertNotIn("Odoo", title)
            self.assertIn("Standing Committee, December",
                          browser.text(".modal .modal-body"))

    def test_web_client_translations_cover_the_editor_and_drawer(self):
        """What /web/webclient/translations gives a Vietnamese user's web
        client: Odoo's untranslated HTML editor tooltips and web_responsive's
        words, shipped by the addon."""
        self.opener.post(
            self.base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": get_db_name(), "login": "vw_member",
                "password": "vw_member"}}, timeout=20)
        response = self.opener.post(
            self.base + "/web/webclient/translations",
            json={"jsonrpc": "2.0", "method": "call",
                  "params": {"lang": "vi_VN"}}, timeout=60).json()
        terms = {message["id"]: message["string"]
                 for module in response["result"]["modules"].values()
                 for message in module["messages"]}
        for english, vietnamese in (("Paragraph", "Đoạn văn"),
                                    ("Indent", "Thụt lề"),
                                    ("Code View", "Xem mã HTML"),
                                    ("Task", "Thao tác"),
                                    ("Notice", "Thông báo")):
            self.assertEqual(terms.get(english), vietnamese)

    def test_html_editor_tooltips_in_vietnamese(self):
        with self.registry.cursor() as cr:
            action_id = api.Environment(cr, SUPERUSER_ID, {}).ref(
                "paperless_meeting.paperless_meeting_action").id
        with Chromium(width=1280, height=900) as browser:
            browser.login(self.base, "vw_secretary", "vw_secretary")
            browser.open("%s/web?#action=%d&id=%d&view_type=form" % (
                self.base, action_id, self.meeting_id))
            browser.wait_for("document.querySelector('.o_form_button_edit')", 60)
            browser.evaluate("document.querySelector('.o_form_button_edit').click()")
            browser.wait_for("document.querySelector('.o_form_editable')", 30)
            browser.evaluate(
                "Array.from(document.querySelectorAll('.o_notebook a'))"
                ".find(a => a.innerText.trim() === 'Mô tả').click()")
            browser.wait_for("document.querySelector('.note-toolbar')", 30)
            tooltips = browser.evaluate(
                "Array.from(document.querySelectorAll('.note-toolbar "
                "[data-original-title]')).map(e => e.dataset.originalTitle)"
                ".join(' | ')")
        for vietnamese in ("In Đậm (CTRL+B)", "Đoạn văn", "Thụt lề"):
            self.assertIn(vietnamese, tooltips)
        for english in ("Bold", "Paragraph", "Indent", "Undo"):
            self.assertNotIn(english, tooltips)
