# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue #12: the leader's direction puts an incoming document on a
meeting's agenda, invitees read its files as meeting documents, and the
meeting's conclusion closes it. Through the ORM as each Vietnamese role."""
from odoo.exceptions import AccessError, UserError

from . import common
from .common import PDF_B64, create_user, meeting_values

from .test_incoming import LAN, IncomingCase

INCOMING = "paperless.incoming.document"


class IncomingAgendaCase(IncomingCase):

    # The ORM-side check that a refusal keeps nothing, shared.
    assertRefused = common.PaperlessCase.assertRefused

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        units = {"company_id": cls.unit.id,
                 "company_ids": [(6, 0, cls.unit.ids)]}
        cls.invitee = create_user(env, "ag_invitee", "member", **units)
        cls.Meeting = env["paperless.meeting"]

    def meeting(self, chair=None, clerk=None, unit=None, **values):
        """A draft meeting of the unit, prepared by the clerk, chaired by the
        leader, with the invitee invited."""
        return self.Meeting.sudo(clerk or self.clerk).create(meeting_values(
            self.env, chair or self.leader, clerk or self.clerk, self.invitee,
            company_id=(unit or self.unit).id, **values))

    def with_file(self, **values):
        document = self.new(leader_id=self.leader.id, **values)
        self.env["paperless.document"].sudo(self.clerk).create({
            "name": "Công văn 125", "incoming_id": document.id,
            "datas": PDF_B64, "datas_fname": "cong_van_125.pdf"})
        document.action_register()
        document.action_submit()
        return document

    def direct(self, document, meeting):
        as_leader = document.sudo(self.leader)
        as_leader.write({
            "direction": "Đưa ra họp Ban Thường vụ cho ý kiến.",
            "assignee_id": self.handler.id, "deadline": "2026-12-20",
            "meeting_id": meeting.id})
        as_leader.action_direct()
        return document

    def hold(self, meeting, conclusion="<p>Đồng ý chủ trương.</p>",
             no_conclusion=False):
        """The office schedules, starts and closes the meeting, the item of
        the incoming document concluded as given."""
        office = meeting.sudo(self.clerk)
        office.action_schedule()
        office.with_context(paperless_start_confirmed=True).action_start()
        item = office.agenda_item_ids.filtered("incoming_ids")
        item.write({"conclusion": conclusion, "no_conclusion": no_conclusion})
        office.action_done()
        return item


class TestIncomingAgendaLoop(IncomingAgendaCase):

    def test_full_loop_as_the_real_roles(self):
        meeting = self.meeting()
        document = self.direct(self.with_file(), meeting)
        self.assertEqual(document.state, "directed")
        item = document.agenda_item_id
        self.assertEqual(item.meeting_id, meeting)
        self.assertEqual(item.name, "Về công tác cán bộ")
        self.assertEqual(item.presenter_id, self.handler)
        self.assertIn("1/2026", item.description)
        self.assertIn("125-CV/BTCTU", item.description)
        self.assertIn("Văn bản đến", item.description)
        self.assertEqual(item.sudo(self.clerk).incoming_ids, document)
        # The file, copied as a document of the item.
        copy = item.document_ids
        self.assertEqual(len(copy), 1)
        self.assertEqual(copy.meeting_id, meeting)
        self.assertFalse(copy.incoming_id)
        self.assertEqual(copy.datas_fname, "cong_van_125.pdf")
        self.assertTrue(copy.page_count)
        self.assertIn("Đưa vào chương trình", meeting.message_ids[0].body)

        self.hold(meeting)
        self.assertEqual(meeting.state, "done")
        notice = meeting._paper("conclusion")
        self.assertTrue(notice)
        as_handler = document.sudo(self.handler)
        self.assertEqual(as_handler.state, "done")
        self.assertEqual(as_handler.meeting_conclusion, "Đồng ý chủ trương.")
        self.assertEqual(as_handler.conclusion_notice, notice.name)
        self.assertIn("Đồng ý chủ trương.", as_handler.outcome)
        self.assertIn("Kết luận của cuộc họp", document.message_ids[0].body)
        self.assertIn(notice.name, document.message_ids[0].body)

    def test_a_file_added_later_follows_while_the_meeting_is_prepared(self):
        meeting = self.meeting()
        document = self.direct(self.with_file(), meeting)
        Document = self.env["paperless.document"].sudo(self.clerk)
        Document.create({"name": "Phụ lục", "incoming_id": document.id,
                         "datas": PDF_B64, "datas_fname": "phu_luc.pdf"})
        item = document.agenda_item_id
        self.assertEqual(sorted(item.document_ids.mapped("datas_fname")),
                         ["cong_van_125.pdf", "phu_luc.pdf"])
        # Once scheduled, the invitations went out with what was there.
        meeting.sudo(self.clerk).action_schedule()
        Document.create({"name": "Bổ sung", "incoming_id": document.id,
                         "datas": PDF_B64, "datas_fname": "bo_sung.pdf"})
        self.assertEqual(len(item.document_ids), 2)

    def test_invitee_reads_the_copy_not_the_incoming_document(self):
        meeting = self.meeting()
        document = self.direct(self.with_file(), meeting)
        meeting.sudo(self.clerk).action_schedule()
        Document = self.env["paperless.document"].sudo(self.invitee)
        every = document.file_ids | document.agenda_item_id.document_ids
        self.assertEqual(Document.search([("id", "in", every.ids)]),
                         document.agenda_item_id.document_ids)
        self.assertFalse(self.Incoming.sudo(self.invitee).search(
            [("id", "=", document.id)]))
        with self.assertRaises(AccessError):
            document.sudo(self.invitee).read(["summary"])
        # The item's origin is the office's.
        with self.assertRaises(AccessError):
            document.agenda_item_id.sudo(self.invitee).read(["incoming_ids"])

    def test_handler_invited_to_present_and_opens_the_item(self):
        meeting = self.meeting()
        self.assertNotIn(self.handler, meeting.attendee_ids.mapped("user_id"))
        document = self.direct(self.with_file(), meeting)
        action = document.sudo(self.clerk).action_view_agenda_item()
        self.assertEqual((action["res_model"], action["res_id"]),
                         ("paperless.agenda.item", document.agenda_item_id.id))
        # The lead handler presents the item: invited as a guest, once.
        guest = meeting.attendee_ids.filtered(
            lambda attendee: attendee.user_id == self.handler)
        self.assertEqual(guest.role, "guest")
        # A draft meeting is the office's; once scheduled the handler, as
        # every invitee, opens its item.
        with self.assertRaises(AccessError):
            document.sudo(self.handler).action_view_agenda_item()
        meeting.sudo(self.clerk).action_schedule()
        action = document.sudo(self.handler).action_view_agenda_item()
        self.assertEqual(action["res_id"], document.agenda_item_id.id)
        with self.assertRaises(UserError):
            self.directed().action_view_agenda_item()

    def test_no_conclusion_leaves_it_open_with_a_todo(self):
        meeting = self.meeting()
        document = self.direct(self.with_file(), meeting)
        document.sudo(self.handler).action_start()
        self.hold(meeting, conclusion=False, no_conclusion=True)
        self.assertEqual(meeting.state, "done")
        self.assertEqual(document.state, "in_progress")
        self.assertFalse(document.meeting_conclusion)
        todo = document.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, self.handler)
        self.assertEqual(todo.date_deadline, "2026-12-20")
        self.assertIn("không có kết luận", document.message_ids[0].body)

    def test_cancelled_meeting_leaves_it_with_the_handler(self):
        meeting = self.meeting()
        document = self.direct(self.with_file(), meeting)
        meeting.sudo(self.clerk).action_cancel()
        self.assertEqual(document.state, "directed")
        self.assertEqual(document.activity_ids.user_id, self.handler)
        self.assertIn("đã bị hủy", document.message_ids[0].body)
        # Held after all: its conclusion still closes the document.
        meeting.sudo(self.clerk).action_draft()
        document.activity_ids.unlink()
        self.hold(meeting)
        self.assertEqual(document.state, "done")

    def test_taken_off_the_agenda_or_meeting_deleted(self):
        meeting = self.meeting()
        removed = self.direct(self.with_file(), meeting)
        deleted = self.direct(self.with_file(), self.meeting())
        office = meeting.sudo(self.clerk)
        office.write({"agenda_item_ids": [(2, removed.agenda_item_id.id)]})
        deleted.meeting_id.sudo(self.clerk).unlink()
        for document in (removed, deleted):
            self.assertEqual(document.state, "directed")
            self.assertFalse(document.meeting_id)
            self.assertFalse(document.agenda_item_id)
            self.assertEqual(document.activity_ids.user_id, self.handler)
            self.assertIn("rút văn bản khỏi chương trình",
                          document.message_ids[0].body)
        # The copies stay documents of the meeting, for the office to keep
        # or delete (with their reading log): they went only with the
        # deleted meeting.
        self.assertEqual(len(office.document_ids), 1)

    def test_secret_document_goes_without_file_to_a_secret_meeting(self):
        document = self.new(leader_id=self.leader.id,
                            confidentiality="confidential")
        document.action_register()
        document.action_submit()
        with self.assertRefused(UserError):
            self.direct(document, self.meeting())
        self.assertEqual(document.state, "submitted")
        secret_meeting = self.meeting(confidentiality="confidential")
        self.direct(document, secret_meeting)
        item = document.agenda_item_id
        self.assertEqual(item.meeting_id, secret_meeting)
        self.assertFalse(item.document_ids)
        self.assertIn("1/2026-M", item.description)

    def test_secret_file_on_an_independent_lan_is_not_copied(self):
        self.env["ir.config_parameter"].set_param(LAN, "1")
        document = self.with_file(confidentiality="secret")
        self.assertTrue(document.file_ids)
        self.direct(document, self.meeting(confidentiality="top_secret"))
        self.assertTrue(document.agenda_item_id)
        self.assertFalse(document.agenda_item_id.document_ids)


class TestIncomingAgendaRefusals(IncomingAgendaCase):

    def assertNothingOn(self, meeting, document):
        self.assertEqual(document.state, "submitted")
        self.assertFalse(document.agenda_item_id)
        self.assertEqual(len(meeting.sudo().agenda_item_ids), 2)

    def test_only_the_presented_leader_sets_the_meeting(self):
        meeting = self.meeting()
        meeting2 = self.meeting(chair=self.leader2)
        document = self.with_file()
        for user, target in ((self.leader2, meeting2), (self.clerk, meeting),
                             (self.handler, meeting)):
            with self.assertRefused((AccessError, UserError)):
                document.sudo(user).write({"meeting_id": target.id})
        self.assertFalse(document.meeting_id)
        # Once directed, nobody moves it to another meeting.
        self.direct(document, meeting)
        with self.assertRefused(UserError):
            document.sudo(self.leader).write({"meeting_id": meeting2.id})
        # What the actions write, no client writes.
        for vals in ({"agenda_item_id": meeting.agenda_item_ids[0].id},
                     {"meeting_conclusion": "Đồng ý."},
                     {"conclusion_notice": "01-TB/TU"}):
            with self.assertRefused(UserError):
                document.sudo(self.clerk).write(vals)

    def test_meeting_of_another_unit_refused(self):
        other_clerk = self.other_clerk
        other = self.Meeting.sudo(other_clerk).create(meeting_values(
            self.env, self.leader, other_clerk, other_clerk,
            company_id=self.other_unit.id))
        document = self.with_file()
        with self.assertRefused(UserError):
            document.sudo(self.leader).write({"meeting_id": other.id})
        self.assertNothingOn(other, document)

    def test_meeting_the_leader_cannot_read_refused(self):
        hidden = self.meeting(chair=self.leader2)
        document = self.with_file()
        with self.assertRefused(AccessError, "không xem được cuộc họp"):
            document.sudo(self.leader).write({"meeting_id": hidden.id})
        with self.assertRefused(UserError):
            document.sudo(self.leader).write({"meeting_id": 999999999})
        self.assertNothingOn(hidden, document)

    def test_scheduled_started_done_or_cancelled_meeting_refused(self):
        scheduled, started, done, cancelled = (self.meeting() for _i in range(4))
        for meeting in (scheduled, started, done):
            meeting.sudo(self.clerk).action_schedule()
        for meeting in (started, done):
            meeting.sudo(self.clerk).with_context(
                paperless_start_confirmed=True).action_start()
        done.sudo(self.clerk).action_done()
        cancelled.sudo(self.clerk).action_cancel()
        document = self.with_file()
        for meeting in (scheduled, started, done, cancelled):
            with self.assertRefused(UserError):
                document.sudo(self.leader).write({"meeting_id": meeting.id})
            self.assertNothingOn(meeting, document)

    def test_meeting_scheduled_before_the_direction_refused(self):
        meeting = self.meeting()
        document = self.with_file()
        as_leader = document.sudo(self.leader)
        as_leader.write({
            "direction": "Đưa ra họp.", "assignee_id": self.handler.id,
            "deadline": "2026-12-20", "meeting_id": meeting.id})
        meeting.sudo(self.clerk).action_schedule()
        with self.assertRefused(UserError, "đã được lên lịch"):
            as_leader.action_direct()
        self.assertNothingOn(meeting, document)
