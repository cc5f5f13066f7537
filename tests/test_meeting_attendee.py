# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import psycopg2

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import PaperlessCase


class TestMeetingAttendee(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()

    def test_member_accepts_and_calendar_follows(self):
        attendee = self.attendee_of(self.member).sudo(self.member)
        self.assertIs(attendee.action_accept(), True)
        self.assertEqual(attendee.response, "accepted")
        self.assertTrue(attendee.response_date)
        calendar_row = self.meeting.calendar_event_id.attendee_ids.filtered(
            lambda row: row.partner_id == self.member.partner_id)
        self.assertEqual(calendar_row.state, "accepted")

    def test_decline_needs_a_reason(self):
        attendee = self.attendee_of(self.member).sudo(self.member)
        with self.assertRefused(ValidationError, "nêu lý do"):
            attendee.action_decline()
        with self.assertRefused(ValidationError):
            attendee.action_decline("   ")
        self.assertEqual(attendee.response, "invited")
        attendee.action_decline("On mission abroad")
        self.assertEqual(attendee.response, "declined")
        self.assertEqual(attendee.response_reason, "On mission abroad")

    def test_delegate_needs_a_substitute_and_a_reason(self):
        attendee = self.attendee_of(self.member).sudo(self.member)
        substitute = self.env["res.partner"].create({"name": "Deputy Head"})
        with self.assertRefused(ValidationError, "người dự họp thay"):
            attendee.action_delegate(reason="Sick leave")
        self.assertEqual(attendee.response, "invited")
        attendee.action_delegate(substitute.id, "Sick leave")
        self.assertEqual(attendee.response, "delegated")
        self.assertEqual(attendee.delegate_id, substitute)

    def test_member_cannot_answer_for_someone_else(self):
        other = self.attendee_of(self.member2).sudo(self.member)
        with self.assertRaises(AccessError):
            other.action_accept()
        with self.assertRaises(AccessError):
            other.write({"response": "accepted"})
        self.assertEqual(self.attendee_of(self.member2).response, "invited")

    def test_member_cannot_change_office_fields(self):
        own = self.attendee_of(self.member).sudo(self.member)
        for values in ({"role": "chair"}, {"attendance": "present"},
                       {"user_id": self.member2.id}):
            with self.assertRaises(AccessError):
                own.write(values)
        self.assertEqual(own.role, "member")
        self.assertEqual(own.attendance, "unknown")

    def test_member_cannot_invite_or_uninvite(self):
        with self.assertRaises(AccessError):
            self.env["paperless.meeting.attendee"].sudo(self.member).create({
                "meeting_id": self.meeting.id, "user_id": self.outsider.id})
        with self.assertRaises(AccessError):
            self.attendee_of(self.member2).sudo(self.member).unlink()

    def test_check_in_only_while_in_progress(self):
        attendee = self.attendee_of(self.member).sudo(self.member)
        with self.assertRaisesRegex(UserError, "đang diễn ra"):
            attendee.action_check_in()
        # Two days before its planned start: confirmed, as the wizard does.
        self.meeting.sudo(self.secretary).with_context(
            paperless_start_confirmed=True).action_start()
        self.assertIs(attendee.action_check_in(), True)
        self.assertEqual(attendee.attendance, "present")
        self.assertTrue(attendee.check_in_time)
        with self.assertRaises(AccessError):
            self.attendee_of(self.member2).sudo(self.member).action_check_in()
        self.assertEqual(self.meeting.present_count, 1)

    def test_office_records_attendance(self):
        attendee = self.attendee_of(self.member2)
        self.assertIs(attendee.sudo(self.secretary).action_mark_absent(), True)
        self.assertEqual(attendee.attendance, "absent")
        attendee.sudo(self.secretary).action_mark_present()
        self.assertEqual(attendee.attendance, "present")
        self.assertTrue(attendee.check_in_time)
        with self.assertRaises(AccessError):
            attendee.sudo(self.member2).action_mark_present()

    def test_same_person_cannot_be_invited_twice(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.cr.savepoint():
                self.env["paperless.meeting.attendee"].sudo(self.secretary).create({
                    "meeting_id": self.meeting.id, "user_id": self.member.id})

    def test_answers_close_with_the_meeting(self):
        meeting = self.meeting.sudo(self.secretary)
        meeting.action_cancel()
        with self.assertRaises((UserError, AccessError)):
            self.attendee_of(self.member).sudo(self.member).action_accept()
        self.assertEqual(self.attendee_of(self.member).response, "invited")

    def test_answers_from_the_meeting_form(self):
        meeting = self.meeting.sudo(self.member)
        self.assertEqual(meeting.my_response, "invited")
        self.assertIs(meeting.action_my_accept(), True)
        self.assertEqual(self.attendee_of(self.member).response, "accepted")
        action = meeting.action_my_answer()
        self.assertEqual(action["res_model"], "paperless.attendee.answer")
        wizard = self.env["paperless.attendee.answer"].sudo(self.member).with_context(
            **action["context"]).create({"reason": "Hospital appointment"})
        wizard.action_confirm()
        self.assertEqual(self.attendee_of(self.member).response, "declined")
        self.assertEqual(self.attendee_of(self.member).response_reason,
                         "Hospital appointment")
        with self.assertRaisesRegex(UserError, "không có tên trong thành phần dự"):
            self.meeting.sudo(self.manager).action_my_accept()

    def test_answer_wizard_sends_a_substitute(self):
        substitute = self.env["res.partner"].create({"name": "Deputy"})
        wizard = self.env["paperless.attendee.answer"].sudo(self.member2).create({
            "attendee_id": self.attendee_of(self.member2).id,
            "response": "delegated", "delegate_id": substitute.id,
            "reason": "Leading an inspection"})
        wizard.action_confirm()
        self.assertEqual(self.attendee_of(self.member2).delegate_id, substitute)
        # Nobody answers for someone else through the wizard either.
        wizard = self.env["paperless.attendee.answer"].sudo(self.member).create({
            "attendee_id": self.attendee_of(self.member2).id,
            "reason": "Not mine"})
        with self.assertRefused(AccessError):
            wizard.action_confirm()
        self.assertEqual(self.attendee_of(self.member2).response, "delegated")
