# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Deadlines in the unit's working days (its resource calendar and public
holidays), overdue documents, reminders, and arrival by e-mail through the
unit's alias."""
import base64
from datetime import date, timedelta
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from odoo import fields

from .common import PDF_BYTES
from .test_incoming import IncomingCase


class TestWorkingDays(IncomingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        calendar = cls.unit.resource_calendar_id
        # Quốc khánh 2026 falls on a Wednesday: one public holiday (Hà Nội
        # time, stored in UTC).
        cls.env["resource.calendar.leaves"].create({
            "name": "Quốc khánh", "calendar_id": calendar.id,
            "date_from": "2026-09-01 17:00:00", "date_to": "2026-09-02 16:59:59",
            "tz": "Asia/Ho_Chi_Minh"})

    def test_unit_has_a_working_week(self):
        self.assertTrue(self.unit.resource_calendar_id)
        self.assertEqual(sorted(self.unit.resource_calendar_id._get_weekdays()),
                         [0, 1, 2, 3, 4])

    def test_weekends_and_holidays_are_not_counted(self):
        add = self.unit._paperless_add_working_days
        # Friday + 1 working day: Monday.
        self.assertEqual(add("2026-08-28", 1), date(2026, 8, 31))
        # Friday + 3: Mon 31, Tue 1, (Wed 2 holiday), Thu 3.
        self.assertEqual(add("2026-08-28", 3), date(2026, 9, 3))
        # Another unit without that holiday: Wednesday.
        self.assertEqual(self.other_unit._paperless_add_working_days(
            "2026-08-28", 3), date(2026, 9, 2))
        self.assertEqual(self.unit._paperless_working_days_between(
            "2026-08-28", "2026-09-04"), 4)

    def test_direction_in_working_days(self):
        document = self.presented()
        as_leader = document.sudo(self.leader)
        as_leader.write({"direction": "Xử lý", "assignee_id": self.handler.id,
                         "deadline_days": 5})
        as_leader.action_direct()
        deadline = fields.Date.from_string(document.deadline)
        today = document._today()
        self.assertEqual(deadline, self.unit._paperless_add_working_days(today, 5))
        self.assertGreaterEqual((deadline - today).days, 7)
        self.assertLess(deadline.weekday(), 5)


class TestOverdueAndReminders(IncomingCase):

    def directed_until(self, deadline, received="2026-01-05"):
        document = self.new(leader_id=self.leader.id, received_date=received,
                            document_date=received)
        document.action_register()
        document.action_submit()
        as_leader = document.sudo(self.leader)
        as_leader.write({"direction": "Xử lý", "assignee_id": self.handler.id,
                         "deadline": fields.Date.to_string(deadline)})
        as_leader.action_direct()
        return document

    def test_overdue_flag_and_search(self):
        today = self.Incoming._today()
        late = self.directed_until(today - timedelta(days=1))
        on_time = self.directed_until(today + timedelta(days=30))
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)
        found = self.Incoming.sudo(self.clerk).search(
            [("is_overdue", "=", True), ("id", "in", (late | on_time).ids)])
        self.assertEqual(found, late)
        late.sudo(self.handler).action_start()
        late.sudo(self.handler).write({"outcome": "Xong"})
        late.sudo(self.handler).action_done()
        self.assertFalse(late.is_overdue)

    def test_reminders_near_the_deadline_once(self):
        today = self.Incoming._today()
        near = self.directed_until(self.unit._paperless_add_working_days(today, 1))
        late = self.directed_until(today - timedelta(days=2))
        far = self.directed_until(today + timedelta(days=60))
        documents = near | late | far
        self.Incoming._cron_remind_deadlines()
        activities = self.env["mail.activity"].search([
            ("res_model", "=", self.Incoming._name), ("res_id", "in", documents.ids)])
        self.assertEqual(sorted(activities.mapped("res_id")),
                         sorted((near | late).ids))
        self.assertEqual(activities.mapped("user_id"), self.handler)
        self.Incoming._cron_remind_deadlines()
        self.assertEqual(self.env["mail.activity"].search_count([
            ("res_model", "=", self.Incoming._name),
            ("res_id", "in", documents.ids)]), 2)
        # The handler sees their reminders.
        self.assertEqual(len(self.env["mail.activity"].sudo(self.handler).search(
            [("id", "in", activities.ids)])), 2)


class TestArrivalByMail(IncomingCase):

    def test_mail_to_the_units_alias_makes_a_draft_with_its_files(self):
        self.env["ir.config_parameter"].set_param("mail.catchall.domain",
                                                  "vanphong.example.org")
        self.unit.paperless_incoming_alias_name = "vanbanden"
        self.assertEqual(self.unit.paperless_incoming_alias_id.alias_name,
                         "vanbanden")
        message = MIMEMultipart()
        message["From"] = "Ban Tuyên giáo <btg@example.org>"
        message["To"] = "vanbanden@vanphong.example.org"
        message["Subject"] = "Công văn 88-CV/BTGTU về học tập nghị quyết"
        message["Message-Id"] = "<cv88@example.org>"
        message.attach(MIMEText("Kính gửi Văn phòng.", "plain", "utf-8"))
        for name, data, subtype in (("cv88.pdf", PDF_BYTES, "pdf"),
                                    ("phu_luc.docx", b"PK\x03\x04docx",
                                     "octet-stream")):
            part = MIMEApplication(data, subtype)
            part.add_header("Content-Disposition", "attachment", filename=name)
            message.attach(part)
        document_id = self.env["mail.thread"].message_process(
            False, message.as_string())
        document = self.Incoming.browse(document_id)
        self.assertEqual(document._name, "paperless.incoming.document")
        self.assertEqual((document.state, document.company_id), ("draft", self.unit))
        self.assertIn("btg@example.org", document.sender)
        self.assertIn("88-CV/BTGTU", document.summary)
        self.assertEqual(document.file_ids.mapped("datas_fname"), ["cv88.pdf"])
        self.assertEqual(document.file_ids.page_count, 1)
        # The raw PDF left the chatter; the other file waits for the office.
        raw = self.env["ir.attachment"].search([
            ("res_model", "=", document._name), ("res_id", "=", document.id)])
        self.assertEqual(raw.mapped("datas_fname"), ["phu_luc.docx"])
        self.assertTrue(base64.b64decode(document.file_ids.sudo().datas))
        # The office of the unit finds it to register; others do not.
        self.assertEqual(self.Incoming.sudo(self.clerk).search(
            [("id", "=", document.id)]), document)
        self.assertFalse(self.Incoming.sudo(self.other_clerk).search(
            [("id", "=", document.id)]))
