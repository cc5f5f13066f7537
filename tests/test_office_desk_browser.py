# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office at its desk, through the interfaces it uses: XML-RPC and a
real Chromium at 1280 and 390 px, as a Vietnamese secretary."""
import json
import os
import tempfile
import time
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HOST, PORT, HttpCase

from .chromium import Chromium
from .common import PDF_BYTES, create_user, meeting_values

VI = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
VISIBLE = ("Array.from(document.querySelectorAll(%s))"
           ".filter(e => e.offsetParent)")


class TestOfficeDeskBrowser(HttpCase):

    def setUp(self):
        super().setUp()
        # Odoo 11 serves HTTP on the registry's test cursor: fixtures go there.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {
                "secretary": create_user(env, "desk_secretary", "secretary",
                                         "Nguyễn Thị Thư Ký"),
                "leader": create_user(env, "desk_leader", "leader",
                                      "Trần Văn Chủ Trì"),
                "member": create_user(env, "desk_member", "member",
                                      "Lê Văn Đại Biểu"),
            }
            for user in users.values():
                user.write(VI)
            # Planned for 2026-12-01: long after "now" when the suite runs
            # before it, so starting it needs a confirmation.
            meeting = env["paperless.meeting"].sudo(users["secretary"]).create(
                meeting_values(env, users["leader"], users["secretary"],
                               users["member"], name="Họp giao ban"))
            meeting.action_schedule()
            self.meeting_id = meeting.id
            self.uids = {role: user.id for role, user in users.items()}
            self.action_id = env.ref(
                "paperless_meeting.paperless_meeting_action").id
        self.base = "http://%s:%s" % (HOST, PORT)

    def call(self, role, model, method, *args, **kwargs):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, self.uids[role], "desk_%s" % role, model, method,
            list(args), kwargs)

    def meeting_state(self):
        return self.call("secretary", "paperless.meeting", "read",
                         [self.meeting_id], ["state"])[0]["state"]

    def open_meeting(self, browser, meeting_id=None):
        browser.open("%s/web?#action=%d&view_type=form%s" % (
            self.base, self.action_id,
            "&id=%d" % meeting_id if meeting_id else ""))
        browser.wait_for("document.querySelector('.o_form_view .o_notebook')", 60)
        time.sleep(0.5)

    @staticmethod
    def click(browser, selector, text):
        """Click the visible element of ``selector`` whose text is ``text``."""
        found = browser.evaluate(
            "(() => {const e = %s.find(e => e.innerText.trim() === %s);"
            " if (e) e.click(); return !!e;})()"
            % (VISIBLE % json.dumps(selector), json.dumps(text)))
        if not found:
            raise AssertionError("no visible %s %r" % (selector, text))
        time.sleep(0.8)

    @staticmethod
    def fill(browser, selector, value):
        browser.evaluate(
            "(() => {const e = %s.pop(); e.focus(); e.value = %s;"
            " e.dispatchEvent(new Event('input', {bubbles: true}));"
            " e.dispatchEvent(new Event('change', {bubbles: true}));})()"
            % (VISIBLE % json.dumps(selector), json.dumps(value)))
        time.sleep(0.3)

    # ------------------------------------------------------------------
    def test_early_start_over_xmlrpc(self):
        with self.assertRaisesRegex(Fault, "còn hơn 2 giờ nữa"):
            self.call("secretary", "paperless.meeting", "action_start",
                      [self.meeting_id])
        self.assertEqual(self.meeting_state(), "scheduled")
        # A member's own confirmation does not start it.
        wizard_id = self.call("member", "paperless.meeting.start.confirm",
                              "create", {"meeting_id": self.meeting_id})
        with self.assertRaisesRegex(Fault, "Chỉ Văn phòng"):
            self.call("member", "paperless.meeting.start.confirm",
                      "action_confirm", [wizard_id])
        self.assertEqual(self.meeting_state(), "scheduled")
        wizard_id = self.call("secretary", "paperless.meeting.start.confirm",
                              "create", {"meeting_id": self.meeting_id})
        self.call("secretary", "paperless.meeting.start.confirm",
                  "action_confirm", [wizard_id])
        self.assertEqual(self.meeting_state(), "in_progress")

    def test_start_button_asks_before_an_early_start(self):
        with Chromium(width=1280, height=900) as browser:
            browser.login(self.base, "desk_secretary", "desk_secretary")
            self.open_meeting(browser, self.meeting_id)
            self.click(browser, ".o_statusbar_buttons button", "Bắt đầu họp")
            browser.wait_for("document.querySelector('.modal-dialog "
                             ".o_paperless_start_confirm')", 30)
            self.assertIn("Vẫn bắt đầu ngay?", browser.text(".modal-dialog"))
            self.assertEqual(self.meeting_state(), "scheduled")
            self.click(browser, ".modal-footer button", "Bắt đầu ngay")
            browser.wait_for("!document.querySelector('.modal-dialog')", 30)
        self.assertEqual(self.meeting_state(), "in_progress")

    def test_new_meeting_filled_before_its_first_save(self):
        """Agenda, invitee and a document on a meeting never saved yet, then
        one save; the document keeps the model's download default."""
        handle, pdf = tempfile.mkstemp(suffix=".pdf")
        os.write(handle, PDF_BYTES)
        os.close(handle)
        self.addCleanup(os.remove, pdf)
        with Chromium(width=1280, height=900) as browser:
            browser.login(self.base, "desk_secretary", "desk_secretary")
            self.open_meeting(browser)
            self.fill(browser, ".oe_title input", "Họp chưa lưu")
            self.fill(browser, ".o_field_widget[name=date_start] input",
                      "19/12/2026 08:00")
            self.fill(browser, ".o_field_widget[name=location]", "Phòng 2")
            add_line = ".o_notebook .tab-pane.active .o_field_x2many_list_row_add a"
            # Agenda (a dialog with the inline form).
            self.click(browser, add_line, "Thêm một hạng mục")
            browser.wait_for("document.querySelector('.modal-dialog .o_form_view')")
            self.fill(browser, ".modal-dialog .o_field_widget[name=name]",
                      "Báo cáo tình hình")
            self.click(browser, ".modal-footer button", "Lưu & Đóng")
            # Invitee (an editable row).
            self.click(browser, ".o_notebook a[data-toggle=tab]",
                       "Thành phần dự họp")
            self.click(browser, add_line, "Thêm một hạng mục")
            self.fill(browser, ".o_selected_row .o_field_many2one input",
                      "Lê Văn Đại")
            browser.evaluate("$(%s.pop()).autocomplete('search')" % (
                VISIBLE % json.dumps(".o_selected_row .o_field_many2one input")))
            browser.wait_for("%s.length" % (
                VISIBLE % json.dumps(".ui-autocomplete li a")))
            self.click(browser, ".ui-autocomplete li a", "Lê Văn Đại Biểu")
            # Document, with its file.
            self.click(browser, ".o_notebook a[data-toggle=tab]", "Tài liệu")
            self.click(browser, add_line, "Thêm một hạng mục")
            browser.wait_for("document.querySelector('.modal-dialog .o_form_view')")
            self.fill(browser, ".modal-dialog .o_field_widget[name=name]",
                      "Dự thảo nghị quyết")
            root = browser.send("DOM.getDocument", depth=-1)["root"]["nodeId"]
            node = browser.send("DOM.querySelector", nodeId=root,
                                selector=".modal-dialog input.o_input_file")
            browser.send("DOM.setFileInputFiles", nodeId=node["nodeId"],
                         files=[pdf])
            browser.wait_for("Array.from(document.querySelectorAll('.modal-dialog "
                             ".o_field_widget[name=datas] input'))"
                             ".some(i => /\\.pdf$/.test(i.value))")
            self.click(browser, ".modal-footer button", "Lưu & Đóng")
            self.click(browser, ".o_control_panel button", "Lưu")
            browser.wait_for("/[&#]id=\\d+/.test(location.hash)", 30)
        meeting = self.call("secretary", "paperless.meeting", "search_read",
                            [("name", "=", "Họp chưa lưu")],
                            ["agenda_item_ids", "attendee_ids", "document_ids",
                             "date_display"], context=VI)
        self.assertEqual(len(meeting), 1)
        self.assertEqual(meeting[0]["date_display"],
                         "Thứ Bảy, 19/12/2026, 08:00–10:00")
        self.assertEqual(len(meeting[0]["agenda_item_ids"]), 1)
        attendees = self.call("secretary", "paperless.meeting.attendee", "read",
                              meeting[0]["attendee_ids"], ["user_id"])
        self.assertEqual([row["user_id"][0] for row in attendees],
                         [self.uids["member"]])
        documents = self.call("secretary", "paperless.document", "read",
                              meeting[0]["document_ids"],
                              ["name", "datas_fname", "allow_download"])
        default = self.call("secretary", "paperless.document", "default_get",
                            ["allow_download"])
        self.assertEqual(
            [(doc["name"], doc["allow_download"]) for doc in documents],
            [("Dự thảo nghị quyết", default["allow_download"])])
        self.assertTrue(documents[0]["datas_fname"].endswith(".pdf"))

    def test_attendance_with_big_buttons_on_a_phone(self):
        with Chromium(width=390, height=844, mobile=True) as browser:
            browser.login(self.base, "desk_secretary", "desk_secretary")
            self.open_meeting(browser, self.meeting_id)
            self.click(browser, ".o_notebook a[data-toggle=tab]",
                       "Thành phần dự họp")
            card = ("%s.find(e => e.innerText.indexOf('Lê Văn Đại Biểu') >= 0)"
                    % (VISIBLE % json.dumps(".o_paperless_attendee")))
            browser.wait_for(card, 30)
            self.assertLessEqual(
                browser.evaluate("document.documentElement.scrollWidth"), 390)
            for button in ("o_paperless_mark_present", "o_paperless_mark_absent"):
                box = browser.evaluate(
                    "(() => {const r = (%s).querySelector('.%s')"
                    ".getBoundingClientRect(); return [r.width, r.height, r.right];"
                    "})()" % (card, button))
                self.assertGreaterEqual(box[1], 44, button)  # a thumb's target
                self.assertGreaterEqual(box[0], 120, button)
                self.assertLessEqual(box[2], 390, button)
            self.assertIn("Có mặt", browser.evaluate(
                "(%s).querySelector('.o_paperless_mark_present').innerText" % card))
            self.assertIn("Vắng", browser.evaluate(
                "(%s).querySelector('.o_paperless_mark_absent').innerText" % card))
            browser.evaluate(
                "(%s).querySelector('.o_paperless_mark_present').click()" % card)
            browser.wait_for("(%s).innerText.indexOf('Có mặt\\n') >= 0 || "
                             "(%s).className.indexOf('attendance_present') >= 0"
                             % (card, card), 30)
        attendee = self.call("secretary", "paperless.meeting.attendee",
                             "search_read",
                             [("meeting_id", "=", self.meeting_id),
                              ("user_id", "=", self.uids["member"])],
                             ["attendance"])
        self.assertEqual(attendee[0]["attendance"], "present")
