# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import PaperlessCase, meeting_values


class TestMeetingAccess(PaperlessCase):
    """Each record rule and access line has a test that fails without it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()
        # A second, draft meeting that only the office and its chair may see.
        cls.draft = cls.Meeting.sudo(cls.secretary).create(meeting_values(
            cls.env, cls.leader, cls.secretary, cls.member, name="Draft meeting"))
        cls.draft_document = cls.env["paperless.document"].sudo(cls.secretary).create({
            "name": "Early draft", "meeting_id": cls.draft.id,
            "datas": cls.document.datas, "datas_fname": "early.pdf",
        })
        cls.attachment = cls.env["ir.attachment"].search([
            ("res_model", "=", "paperless.document"),
            ("res_field", "=", "datas"), ("res_id", "=", cls.document.id)])

    def visible_meetings(self, user):
        return self.Meeting.sudo(user).search([
            ("id", "in", (self.meeting | self.draft).ids)])

    def test_invited_member_sees_the_scheduled_meeting_only(self):
        self.assertEqual(self.visible_meetings(self.member), self.meeting)
        self.assertEqual(self.visible_meetings(self.outsider), self.Meeting)

    def test_uninvited_member_is_refused_the_meeting(self):
        with self.assertRaises(AccessError):
            self.meeting.sudo(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.meeting.agenda_item_ids.sudo(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.meeting.attendee_ids.sudo(self.outsider).read(["response"])

    def test_uninvited_member_is_refused_documents_and_raw_attachment(self):
        self.assertEqual(len(self.attachment), 1)
        with self.assertRaises(AccessError):
            self.document.sudo(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.attachment.sudo(self.outsider).read(["datas"])
        self.assertFalse(self.env["paperless.document"].sudo(self.outsider).search(
            [("id", "=", self.document.id)]))

    def test_invited_member_reads_the_document_but_not_its_raw_file(self):
        """Readers get the file only from the reading route, stamped with
        their name; the raw bytes stay with the office."""
        self.assertEqual(self.document.sudo(self.member).name, "Draft resolution")
        self.assertTrue(self.meeting.agenda_item_ids.sudo(self.member).read(["name"]))
        with self.assertRaises(AccessError):
            self.document.sudo(self.member).read(["datas"])
        with self.assertRaises(AccessError):
            self.attachment.sudo(self.member).read(["datas"])
        self.assertNotIn("datas", self.env["paperless.document"].sudo(
            self.member).fields_get())
        action = self.document.sudo(self.member).action_open_reader()
        self.assertEqual(action["url"], "/paperless/document/%d" % self.document.id)
        for user in (self.secretary, self.manager):
            self.assertEqual(self.attachment.sudo(user).datas, self.document.datas)

    def test_draft_meeting_stays_with_the_office_and_its_chair(self):
        with self.assertRaises(AccessError):
            self.draft.sudo(self.member).read(["name"])
        with self.assertRaises(AccessError):
            self.draft_document.sudo(self.member).read(["name"])
        # The leader chairs it: meeting, agenda and documents are readable.
        self.assertEqual(self.visible_meetings(self.leader), self.meeting | self.draft)
        self.assertTrue(self.draft.agenda_item_ids.sudo(self.leader).read(["name"]))
        self.assertTrue(self.draft_document.sudo(self.leader).read(["name"]))
        self.assertTrue(self.draft.attendee_ids.sudo(self.leader).read(["role"]))
        # ...but chairing gives no right to change it.
        with self.assertRaises(AccessError):
            self.draft.sudo(self.leader).write({"name": "Chair's edit"})

    def test_office_sees_and_manages_all(self):
        for user in (self.secretary, self.manager):
            self.assertEqual(self.visible_meetings(user), self.meeting | self.draft)
            self.draft.sudo(user).write({"location": "Room %s" % user.login})
            self.assertTrue(self.draft_document.sudo(user).read(["name"]))
            self.assertTrue(self.draft.attendee_ids.sudo(user).read(["role"]))
            self.assertTrue(self.draft.agenda_item_ids.sudo(user).read(["name"]))

    def test_members_cannot_create_write_or_delete_meetings(self):
        Meeting = self.Meeting.sudo(self.member)
        with self.assertRaises(AccessError):
            Meeting.create(meeting_values(self.env, self.leader, self.secretary,
                                          self.member))
        with self.assertRaises(AccessError):
            self.meeting.sudo(self.member).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            self.draft.sudo(self.member).unlink()
        self.assertEqual(self.meeting.name, "Standing Committee, December")

    def test_members_cannot_change_agenda_or_documents(self):
        item = self.meeting.agenda_item_ids[0]
        with self.assertRaises(AccessError):
            item.sudo(self.member).write({"conclusion": "<p>mine</p>"})
        with self.assertRaises(AccessError):
            self.env["paperless.agenda.item"].sudo(self.member).create({
                "meeting_id": self.meeting.id, "name": "Extra"})
        with self.assertRaises(AccessError):
            self.document.sudo(self.member).write({"allow_download": True})
        with self.assertRaises(AccessError):
            self.document.sudo(self.member).unlink()
        with self.assertRaises(AccessError):
            self.attachment.sudo(self.member).write({"datas": self.document.datas})
        with self.assertRaises(AccessError):
            self.attachment.sudo(self.member).unlink()
