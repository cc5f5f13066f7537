# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""/my/incoming over HTTP as Vietnamese leaders and handlers: what waits for
them, the direction form (refusals translated, nothing half-written), Start
and Done for the lead handler, read-only for co-handlers, a 404 for anyone
else; files through the stamped reader; the direction form on a 390 px
phone in Chromium."""
from odoo.tests.common import HOST, PORT

from .chromium import Chromium
from .common import PDF_B64, create_user, meeting_values
from .room_http import RoomHttpCase

PHONE = {"width": 390, "height": 844, "mobile": True}


class IncomingPagesCase(RoomHttpCase):

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            unit = env["res.company"].create({"name": "Đảng ủy Khối Phường"})
            # A unit under this one: its people are visible to this unit's
            # leaders (Odoo's user rule), yet do not work for this unit.
            other = env["res.company"].create({"name": "Chi bộ Trực thuộc",
                                               "parent_id": unit.id})
            units = {"company_id": unit.id, "company_ids": [(6, 0, unit.ids)]}
            clerk = create_user(env, "ip_clerk", "secretary", **units)
            self.leader = create_user(env, "ip_leader", "leader",
                                      name="Trần Lãnh Đạo", **units)
            create_user(env, "ip_leader2", "leader", **units)
            self.handler = create_user(env, "ip_handler", "member",
                                       name="Lê Chủ Trì", **units)
            self.helper = create_user(env, "ip_helper", "member",
                                      name="Phạm Phối Hợp", **units)
            create_user(env, "ip_nobody", "member", **units)
            self.foreign = create_user(
                env, "ip_foreign", "member", name="Người Huyện Khác",
                company_id=other.id, company_ids=[(6, 0, other.ids)])
            Incoming = env["paperless.incoming.document"].sudo(clerk)

            def presented(summary, **values):
                document = Incoming.create(dict({
                    "sender": "Ban Tổ chức Tỉnh ủy", "reference": "125-CV/BTCTU",
                    "document_date": "2026-11-20", "received_date": "2026-11-25",
                    "document_type": "Công văn", "summary": summary,
                    "company_id": unit.id, "leader_id": self.leader.id,
                }, **values))
                return document
            self.presented = presented("Về công tác cán bộ quý IV",
                                       urgency="flash")
            self.file = env["paperless.document"].sudo(clerk).create({
                "name": "Công văn 125", "incoming_id": self.presented.id,
                "datas": PDF_B64, "datas_fname": "cv125.pdf"})
            self.secret = presented("Về nhân sự dự kiến", confidentiality="secret")
            self.directed = presented("Về kiểm tra đảng viên")
            for document in (self.presented, self.secret, self.directed):
                document.action_register()
                document.action_submit()
            as_leader = self.directed.sudo(self.leader)
            as_leader.write({
                "direction": "Giao đồng chí Chủ Trì tham mưu.",
                "assignee_id": self.handler.id,
                "co_assignee_ids": [(6, 0, self.helper.ids)],
                # Passed whenever the test runs: shown as overdue.
                "deadline": "2026-11-26"})
            as_leader.action_direct()

    def state(self, document):
        with self.sudo_env() as env:
            record = env["paperless.incoming.document"].browse(document.id)
            return (record.state, record.direction, record.assignee_id.id,
                    record.outcome)


class TestIncomingLeaderPages(IncomingPagesCase):

    def test_leader_lists_and_reads_through_the_stamped_reader(self):
        self.login("ip_leader")
        page = self.get("/my/incoming")
        self.assertEqual(page.status_code, 200)
        for text in ("Chờ tôi cho ý kiến chỉ đạo", "Về công tác cán bộ quý IV",
                     "HỎA TỐC", "TỐI MẬT", "Về nhân sự dự kiến",
                     "25/11/2026", "Ban Tổ chức Tỉnh ủy"):
            self.assertIn(text, page.text)
        # Directed already: no longer waits for this leader, followed below.
        waiting, followed = page.text.split("pm-incoming-directed", 1)
        self.assertNotIn("Về kiểm tra đảng viên", waiting)
        self.assertIn("Về kiểm tra đảng viên", followed)
        # The most urgent first.
        self.assertLess(waiting.index("HỎA TỐC"), waiting.index("TỐI MẬT"))
        # The room's tab, with what waits (two directions to write).
        self.assertIn("pm-info-tab-incoming active", page.text)
        self.assertRegex(page.text, r'pm-info-badge"[^>]*>2<')
        home = self.get("/my/meetings")
        self.assertIn('href="/my/incoming"', home.text)
        detail = self.get("/my/incoming/%d" % self.presented.id)
        self.assertEqual(detail.status_code, 200)
        self.assertIn("pm-direct-form", detail.text)
        self.assertIn("Trình đồng chí", detail.text)
        # Handlers are chosen among the unit's people only.
        self.assertIn("Lê Chủ Trì", detail.text)
        self.assertNotIn("Người Huyện Khác", detail.text)
        read = "/my/documents/%d/read" % self.file.id
        self.assertIn(read, detail.text)
        reader = self.get(read)
        self.assertEqual(reader.status_code, 200)
        self.assertIn('href="/my/incoming/%d"' % self.presented.id, reader.text)
        self.assertIn("Quay lại văn bản đến", reader.text)
        copy = self.get("/paperless/document/%d" % self.file.id)
        self.assertEqual(copy.headers["Content-Type"], "application/pdf")
        self.assertTrue(copy.headers["X-Paperless-Trace-Id"])
        # A secret document: its register data only.
        secret = self.get("/my/incoming/%d" % self.secret.id)
        self.assertIn("pm-incoming-secret", secret.text)
        self.assertNotIn("/my/documents/", secret.text)

    def test_direction_refusals_are_translated_and_keep_nothing(self):
        self.login("ip_leader")
        path = "/my/incoming/%d" % self.presented.id
        page = self.get(path).text
        # Without the form's token: the room's 400 page, nothing written.
        forged = self.opener.post(self.base + path + "/direct", data={
            "direction": "Giả mạo", "assignee_id": str(self.handler.id),
            "deadline_days": "5"}, timeout=60, allow_redirects=False)
        self.assertRoomRefusal(forged, 400)
        self.assertEqual(self.state(self.presented),
                         ("submitted", False, False, False))
        good = {"direction": "Giao đồng chí Chủ Trì chủ trì, tham mưu trả lời.",
                "assignee_id": str(self.handler.id), "deadline_days": "5"}
        for bad, words in (
                (dict(good, assignee_id=""), "Vui lòng điền trước khi cho ý kiến"),
                (dict(good, assignee_id=str(self.foreign.id)),
                 "Người Huyện Khác không công tác tại Đảng ủy Khối Phường"),
                (dict(good, deadline_days="-3"), "Số ngày làm việc không thể âm"),
                (dict(good, deadline_days="năm"), "số nguyên"),
                (dict(good, assignee_id="999999999"), "chọn người xử lý")):
            refused = self.post(path + "/direct", bad, page)
            self.assertEqual(refused.status_code, 200, bad)
            self.assertIn("pm-error", refused.text)
            self.assertIn(words, refused.text)
            # What was typed is kept on the page, nothing in the database.
            self.assertIn(good["direction"], refused.text)
            self.assertEqual(self.state(self.presented),
                             ("submitted", False, False, False))
        done = self.post(path + "/direct", dict(
            good, co_assignee_ids=str(self.helper.id)), page)
        self.assertEqual(done.status_code, 303)
        with self.sudo_env() as env:
            record = env["paperless.incoming.document"].browse(self.presented.id)
            self.assertEqual((record.state, record.assignee_id.id,
                              record.co_assignee_ids.ids, record.direction),
                             ("directed", self.handler.id, self.helper.ids,
                              good["direction"]))
            self.assertTrue(record.deadline > record.received_date)
        after = self.get(done.headers["Location"])
        self.assertIn("pm-done", after.text)
        self.assertNotIn("pm-direct-form", after.text)
        # Followed from the list while it is handled.
        listed = self.get("/my/incoming").text
        directed = listed.split("pm-incoming-directed", 1)[1]
        self.assertIn("Tôi đã chỉ đạo, đang xử lý", directed)
        self.assertIn("Về công tác cán bộ quý IV", directed)
        self.assertIn("Lê Chủ Trì", directed)

    def test_direction_puts_it_on_a_meetings_agenda(self):
        with self.sudo_env() as env:
            clerk = env["res.users"].search([("login", "=", "ip_clerk")])
            draft = env["paperless.meeting"].sudo(clerk).create(meeting_values(
                env, self.leader, clerk, self.handler, name="Hội nghị Ban Thường vụ",
                company_id=clerk.company_id.id))
        self.login("ip_leader")
        path = "/my/incoming/%d" % self.presented.id
        page = self.get(path).text
        self.assertIn('name="meeting_id"', page)
        self.assertIn("Hội nghị Ban Thường vụ", page)
        good = {"direction": "Đưa ra Ban Thường vụ cho ý kiến.",
                "assignee_id": str(self.handler.id), "deadline_days": "5",
                "meeting_id": str(draft.id)}
        refused = self.post(path + "/direct", dict(good, meeting_id="999999999"),
                            page)
        self.assertIn("pm-error", refused.text)
        self.assertEqual(self.state(self.presented),
                         ("submitted", False, False, False))
        done = self.post(path + "/direct", good, page)
        self.assertEqual(done.status_code, 303)
        with self.sudo_env() as env:
            record = env["paperless.incoming.document"].browse(self.presented.id)
            self.assertEqual((record.state, record.meeting_id.id),
                             ("directed", draft.id))
            self.assertEqual(record.agenda_item_id.meeting_id.id, draft.id)
            self.assertEqual(record.agenda_item_id.name, "Về công tác cán bộ quý IV")

    def test_another_leader_gets_a_404(self):
        self.login("ip_leader2")
        path = "/my/incoming/%d" % self.presented.id
        self.assertRoomRefusal(self.get(path), 404)
        self.assertRoomRefusal(self.post(path + "/direct", {
            "direction": "Tôi chỉ đạo thay", "assignee_id": str(self.handler.id),
            "deadline_days": "3"}), 404)
        self.assertEqual(self.state(self.presented),
                         ("submitted", False, False, False))
        page = self.get("/my/incoming")
        self.assertNotIn("Về công tác cán bộ quý IV", page.text)


class TestIncomingHandlerPages(IncomingPagesCase):

    def test_lead_handler_starts_and_needs_the_outcome(self):
        self.login("ip_handler")
        page = self.get("/my/incoming")
        self.assertIn("Được giao cho tôi", page.text)
        self.assertIn("Về kiểm tra đảng viên", page.text)
        self.assertIn("pm-deadline-overdue", page.text)
        self.assertIn("Thứ Năm, 26/11/2026", page.text)
        self.assertNotIn("Về công tác cán bộ quý IV", page.text)
        path = "/my/incoming/%d" % self.directed.id
        detail = self.get(path)
        self.assertIn("Giao đồng chí Chủ Trì tham mưu.", detail.text)
        self.assertIn("pm-start-btn", detail.text)
        self.assertEqual(self.post(path + "/start", {}, detail.text).status_code,
                         303)
        self.assertEqual(self.state(self.directed)[0], "in_progress")
        detail = self.get(path).text
        refused = self.post(path + "/outcome", {"outcome": "  ", "close": "1"},
                            detail)
        self.assertIn("Vui lòng ghi kết quả xử lý", refused.text)
        self.assertEqual(self.state(self.directed)[0], "in_progress")
        outcome = "Đã tham mưu văn bản trả lời số 45-CV/ĐU."
        done = self.post(path + "/outcome", {"outcome": outcome, "close": "1"},
                         detail)
        self.assertEqual(done.status_code, 303)
        self.assertEqual(self.state(self.directed)[::3], ("done", outcome))
        page = self.get("/my/incoming")
        self.assertIn("Đã xử lý gần đây", page.text)

    def test_co_handler_reads_only(self):
        self.login("ip_helper")
        path = "/my/incoming/%d" % self.directed.id
        detail = self.get(path)
        self.assertEqual(detail.status_code, 200)
        self.assertIn("Giao đồng chí Chủ Trì tham mưu.", detail.text)
        for form in ("pm-start-btn", "pm-done-btn", "pm-direct-form"):
            self.assertNotIn(form, detail.text)
        # No form on the page: the token comes from the web client.
        refused = self.post(path + "/start", {})
        self.assertIn("pm-error", refused.text)
        self.assertIn("Chỉ người chủ trì xử lý", refused.text)
        refused = self.post(path + "/outcome", {"outcome": "Tôi báo cáo",
                                                "close": "1"})
        self.assertIn("pm-error", refused.text)
        self.assertEqual(self.state(self.directed)[::3], ("directed", False))
        # The open document waits for the co-handler too: the tab says so.
        self.assertRegex(self.get("/my/meetings").text,
                         r'pm-info-badge"[^>]*>1<')

    def test_member_with_nothing(self):
        self.login("ip_nobody")
        self.assertNotIn("pm-info-tab-incoming", self.get("/my/meetings").text)
        page = self.get("/my/incoming")
        self.assertEqual(page.status_code, 200)
        self.assertIn("pm-incoming-empty", page.text)
        for document in (self.presented, self.directed):
            self.assertRoomRefusal(self.get("/my/incoming/%d" % document.id), 404)
        self.assertRoomRefusal(
            self.post("/my/incoming/%d/start" % self.directed.id, {}), 404)
        self.assertRoomRefusal(self.get("/my/documents/%d/read" % self.file.id),
                               404)


class TestIncomingOnAPhone(IncomingPagesCase):

    def assertFitsThePhone(self, browser, what):
        self.assertLessEqual(
            browser.evaluate("document.documentElement.scrollWidth"), 390, what)

    def test_leader_directs_on_a_phone(self):
        base = "http://%s:%s" % (HOST, PORT)
        with Chromium(**PHONE) as browser:
            browser.login(base, "ip_leader", "ip_leader")
            browser.open(base + "/my/incoming")
            self.assertIn("Về công tác cán bộ quý IV", browser.text(".pm-todo"))
            self.assertFitsThePhone(browser, "list")
            # Six tabs, none cut off.
            self.assertEqual(browser.evaluate(
                "document.querySelectorAll('.pm-info-tab').length"), 6)
            self.assertTrue(browser.evaluate(
                "Array.from(document.querySelectorAll('.pm-info-tab span:last-child'))"
                ".every(s => s.scrollWidth <= s.parentNode.clientWidth)"))
            browser.open("%s/my/incoming/%d" % (base, self.presented.id))
            self.assertFitsThePhone(browser, "detail")
            self.assertGreaterEqual(browser.evaluate(
                "document.querySelector('.pm-direct-btn')"
                ".getBoundingClientRect().height"), 44)
            browser.evaluate(
                "document.querySelector('#pm-direction').value = 'Giao chủ trì.';"
                "document.querySelector('#pm-assignee').value = '%d';"
                "document.querySelector('#pm-deadline-days').value = '3';"
                "document.querySelector('.pm-direct-btn').click();"
                % self.handler.id)
            browser.wait_for("document.querySelector('.pm-done')", 30)
            self.assertFitsThePhone(browser, "directed")
        self.assertEqual(self.state(self.presented)[::2],
                         ("directed", self.handler.id))
