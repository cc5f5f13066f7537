# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The leaders' work calendar: meetings and the leaders' events of a week,
each person seeing what they may (their invitations, the leaders' public
events of their units; the office its units'), and the printed weekly
schedule (lịch công tác) with its text read back from the PDF."""
import subprocess
from unittest.mock import patch

import odoo
from odoo.exceptions import AccessError
from odoo.tests import common

from .common import PaperlessCase, create_user

WEEK = "2026-11-30"  # Monday; the meeting is on Tuesday 1 December


class TestWorkCalendar(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()
        Event = cls.env["calendar.event"].with_context(no_mail_to_attendees=True)

        def event(user, name, day, privacy, guests=None):
            return Event.sudo(user).create({
                "name": name, "user_id": user.id, "privacy": privacy,
                "start": "2026-12-%02d 01:00:00" % day,
                "stop": "2026-12-%02d 03:00:00" % day,
                "location": "Huyện ủy",
                "partner_ids": [(6, 0, (user.partner_id
                                        | (guests or user.partner_id)).ids)]})
        cls.public = event(cls.leader, "Làm việc với Đảng ủy Khối", 2,
                           "public")
        cls.private = event(cls.leader, "Khám sức khỏe định kỳ", 3, "private")
        cls.confidential = event(cls.leader, "Trao đổi về công tác cán bộ", 4,
                                 "confidential", cls.member2.partner_id)
        cls.not_leader = event(cls.member, "Việc riêng của ủy viên", 2, "public")
        cls.next_week = event(cls.leader, "Tiếp xúc cử tri", 9, "public")
        cls.Entry = cls.env["paperless.work.calendar.entry"]

    def names(self, user):
        days = self.Entry.sudo(user).with_context(tz="Asia/Ho_Chi_Minh") \
            ._week_days(self.Entry._week_start(WEEK))
        # Only this test's rows (a database with demo data has more).
        known = {self.meeting.name} | set(
            (self.public | self.private | self.confidential | self.not_leader
             | self.next_week).mapped("name"))
        return [entry.name for day in days for entry in day["entries"]
                if entry.name in known]

    def test_each_person_sees_what_they_may(self):
        meeting, public = self.meeting.name, self.public.name
        confidential = self.confidential.name
        self.assertEqual(self.names(self.member), [meeting, public])
        self.assertEqual(self.names(self.member2), [meeting, public, confidential])
        self.assertEqual(self.names(self.outsider), [public])
        self.assertEqual(self.names(self.leader), [meeting, public, confidential])
        self.assertEqual(self.names(self.secretary),
                         [meeting, public, confidential])
        # The meeting's own invitation is the meeting's row, not a second one.
        self.assertTrue(self.meeting.calendar_event_id)
        self.assertEqual(self.names(self.manager).count(meeting), 1)

    def test_days_in_vietnam_and_other_units(self):
        days = self.Entry.sudo(self.member).with_context(
            tz="Asia/Ho_Chi_Minh")._week_days(self.Entry._week_start("2026-12-03"))
        self.assertEqual(str(days[0]["date"]), WEEK)
        # Only this test's meeting (a database with demo data has more).
        meeting = days[1]["entries"].filtered(
            lambda entry: entry.meeting_id == self.meeting)
        self.assertEqual(meeting.name, self.meeting.name)
        self.assertEqual(meeting._local_time(meeting.date_start), "08:30")
        other = self.env["res.company"].create({"name": "Huyện ủy Bàu Bàng"})
        values = {"company_id": other.id, "company_ids": [(6, 0, other.ids)]}
        self.assertEqual(self.names(create_user(
            self.env, "pm_far", "member", **values)), [])
        self.assertEqual(self.names(create_user(
            self.env, "pm_far_office", "secretary", **values)), [])
        with self.assertRaises(AccessError):
            self.Entry.sudo(create_user(
                self.env, "pm_plain", "member",
                groups_id=[(6, 0, [self.env.ref("base.group_user").id])])).search([])

    def test_weekly_schedule_pdf(self):
        week = self.env["paperless.work.calendar.week"].sudo(self.secretary) \
            .create({"date_from": "2026-12-03"})
        action = week.action_print()
        self.assertEqual(action["report_name"],
                         "paperless_meeting.report_work_calendar_document_all")
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.report_work_calendar").sudo(
            self.secretary)
        with patch.dict(odoo.tools.config.options,
                        {"test_report_directory": "/tmp"}):
            pdf = report.with_context(tz="Asia/Ho_Chi_Minh").render_qweb_pdf(
                week.ids)[0]
        text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf,
                              stdout=subprocess.PIPE, check=True).stdout.decode()
        flat = " ".join(text.split())
        for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "LỊCH CÔNG TÁC",
                         "Tuần từ ngày 30/11/2026 đến ngày 06/12/2026",
                         "Làm việc với Đảng ủy Khối", "Pm_Leader",
                         "Trao đổi về công tác cán bộ"):
            self.assertIn(expected, flat)
        # A row's cells wrap in their columns: its words in reading order.
        self.assertRegex(flat, r"Thứ Ba, 08:30 Standing Committee, Pm_Leader Room 1 "
                               r"01/12/2026 December")
        self.assertRegex(flat, r"Chủ nhật, Không có lịch 06/12/2026")
        for absent in ("Khám sức khỏe", "Việc riêng", "Tiếp xúc cử tri"):
            self.assertNotIn(absent, flat)
