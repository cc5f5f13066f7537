# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PaperlessCase, meeting_values


class TestMeetingWorkflow(PaperlessCase):

    def test_full_path_draft_to_done(self):
        meeting = self.meeting.sudo(self.secretary)
        self.assertEqual(meeting.state, "draft")
        self.assertIs(meeting.action_schedule(), True)
        self.assertEqual(meeting.state, "scheduled")
        # Two days before its planned start: confirmed, as the wizard does.
        self.assertIs(meeting.with_context(
            paperless_start_confirmed=True).action_start(), True)
        self.assertEqual(meeting.state, "in_progress")
        self.assertIs(meeting.action_done(), True)
        self.assertEqual(meeting.state, "done")
        # Tracking values are technical (group_no_one): read them as admin.
        tracked = self.meeting.sudo().message_ids.mapped("tracking_value_ids").filtered(
            lambda value: value.field == "state")
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")),
            sorted(["Nháp", "Đã lên lịch", "Đang họp", "Đã kết thúc"]))

    def test_schedule_creates_calendar_event_with_every_attendee(self):
        self.schedule()
        event = self.meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.start_datetime, "2026-12-01 01:30:00")
        self.assertEqual(event.stop_datetime, "2026-12-01 04:30:00")
        self.assertEqual(event.location, "Room 1")
        expected = (self.member | self.member2 | self.leader | self.secretary).mapped(
            "partner_id")
        self.assertEqual(event.partner_ids, expected)
        self.assertEqual(event.attendee_ids.mapped("partner_id"), expected)

    def test_schedule_invites_chair_and_secretary(self):
        self.schedule()
        roles = {attendee.user_id: attendee.role
                 for attendee in self.meeting.attendee_ids}
        self.assertEqual(roles[self.leader], "chair")
        self.assertEqual(roles[self.secretary], "secretary")
        self.assertEqual(roles[self.member], "member")

    def test_schedule_sends_invitation_mails(self):
        self.schedule()
        mails = self.env["mail.mail"].search([
            ("subject", "=", "Giấy mời: %s" % self.meeting.name)])
        recipients = mails.mapped("recipient_ids")
        self.assertNotIn(self.outsider.partner_id, recipients)
        self.assertIn(self.member.partner_id, recipients)
        self.assertIn(self.member2.partner_id, recipients)
        # Invitees follow the meeting from then on.
        self.assertIn(self.member.partner_id,
                      self.meeting.message_follower_ids.mapped("partner_id"))

    def test_changes_after_scheduling_reach_the_calendar(self):
        self.schedule()
        meeting = self.meeting.sudo(self.secretary)
        meeting.write({"date_start": "2026-12-02 01:30:00",
                       "date_end": "2026-12-02 03:00:00", "location": "Hall"})
        late = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Late Invitee", "login": "pm_late", "email": "late@example.org",
            "groups_id": [(6, 0, [self.env.ref(
                "paperless_meeting.group_paperless_member").id])],
        })
        meeting.write({"attendee_ids": [(0, 0, {"user_id": late.id})]})
        event = self.meeting.calendar_event_id
        self.assertEqual(event.start_datetime, "2026-12-02 01:30:00")
        self.assertEqual(event.location, "Hall")
        self.assertIn(late.partner_id, event.partner_ids)
        # Removing an invitee through the meeting takes them off the event.
        meeting.write({"attendee_ids": [(2, self.attendee_of(self.member2).id)]})
        self.assertNotIn(self.member2.partner_id, event.partner_ids)

    def test_cancel_archives_the_calendar_event(self):
        self.schedule()
        event = self.meeting.calendar_event_id
        self.assertIs(self.meeting.sudo(self.secretary).action_cancel(), True)
        self.assertEqual(self.meeting.state, "cancelled")
        self.assertFalse(event.active)
        self.meeting.sudo(self.secretary).action_draft()
        self.assertEqual(self.meeting.state, "draft")

    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self.Meeting.sudo(self.secretary).create(meeting_values(
                self.env, self.leader, self.secretary, self.member,
                date_start="2026-12-01 05:00:00", date_end="2026-12-01 04:00:00"))
        with self.assertRefused(ValidationError, "phải sau thời gian bắt đầu"):
            self.meeting.sudo(self.secretary).write(
                {"date_end": "2026-12-01 01:30:00"})
        self.assertEqual(self.meeting.date_end, "2026-12-01 04:30:00")

    def test_schedule_needs_attendees_chair_and_agenda(self):
        empty = self.Meeting.sudo(self.secretary).create({
            "name": "Empty", "date_start": "2026-12-03 01:00:00",
            "date_end": "2026-12-03 02:00:00", "location": "Room 2",
        })
        with self.assertRaisesRegex(UserError, "ít nhất một đại biểu"):
            empty.action_schedule()
        self.assertEqual(empty.state, "draft")
        self.assertFalse(empty.calendar_event_id)

    def test_transitions_out_of_order_are_refused(self):
        meeting = self.meeting.sudo(self.secretary)
        with self.assertRaises(UserError):
            meeting.action_start()
        with self.assertRaises(UserError):
            meeting.action_done()
        meeting.action_schedule()
        with self.assertRaises(UserError):
            meeting.action_schedule()
        with self.assertRaises(UserError):
            meeting.action_draft()

    def test_done_or_cancelled_meeting_is_locked(self):
        meeting = self.meeting.sudo(self.secretary)
        meeting.action_schedule()
        meeting.with_context(paperless_start_confirmed=True).action_start()
        meeting.action_done()
        with self.assertRaisesRegex(UserError, "không thể thay đổi"):
            meeting.write({"name": "Rewritten"})
        with self.assertRaises(UserError):
            meeting.agenda_item_ids[0].write({"conclusion": "<p>late</p>"})
        with self.assertRaises(UserError):
            self.document.sudo(self.secretary).write({"name": "Other"})
        with self.assertRaises(UserError):
            meeting.attendee_ids[0].write({"attendance": "absent"})
        with self.assertRaises(UserError):
            meeting.action_cancel()
        self.assertEqual(self.meeting.name, "Standing Committee, December")
        # The chatter stays usable on a closed meeting.
        meeting.message_post(body="Minutes filed.")

    def test_only_draft_meetings_can_be_deleted(self):
        self.schedule()
        with self.assertRaises(UserError):
            self.meeting.sudo(self.secretary).unlink()
        draft = self.Meeting.sudo(self.secretary).create(meeting_values(
            self.env, self.leader, self.secretary, self.member))
        draft.unlink()
        self.assertFalse(draft.exists())

    def test_members_and_leaders_cannot_drive_the_workflow(self):
        self.schedule()
        for user in (self.member, self.leader):
            with self.assertRaises(AccessError):
                self.meeting.sudo(user).action_start()
        self.assertEqual(self.meeting.state, "scheduled")

    def test_document_version_grows_with_each_new_file(self):
        document = self.document.sudo(self.secretary)
        self.assertEqual(document.version, 1)
        self.assertEqual(document.mimetype, "application/pdf")
        document.write({"datas": document.datas})
        self.assertEqual(document.version, 2)

    def test_document_needs_a_file_and_its_agenda_items_meeting(self):
        Document = self.env["paperless.document"].sudo(self.secretary)
        with self.assertRaises(ValidationError):
            Document.create({"name": "No file", "meeting_id": self.meeting.id})
        other = self.Meeting.sudo(self.secretary).create(meeting_values(
            self.env, self.leader, self.secretary, self.member))
        with self.assertRaises(ValidationError):
            Document.create({
                "name": "Mismatch", "meeting_id": other.id,
                "agenda_item_id": self.meeting.agenda_item_ids[0].id,
                "datas": self.document.datas,
            })
