# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PaperlessCase


class TestDocumentComment(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()
        Comment = cls.env["paperless.document.comment"].sudo(cls.member)
        cls.notes = {
            visibility: Comment.create({
                "document_id": cls.document.id,
                "body": "%s note" % visibility,
                "visibility": visibility,
            })
            for visibility in ("private", "secretary", "attendees")
        }

    def readable_notes(self, user):
        return set(self.env["paperless.document.comment"].sudo(user).search([
            ("document_id", "=", self.document.id)]).mapped("visibility"))

    def test_author_reads_all_of_their_notes(self):
        self.assertEqual(self.readable_notes(self.member),
                         {"private", "secretary", "attendees"})
        self.assertEqual(self.notes["private"].author_id, self.member)

    def test_other_invitees_read_only_notes_shared_with_attendees(self):
        self.assertEqual(self.readable_notes(self.member2), {"attendees"})
        with self.assertRaises(AccessError):
            self.notes["private"].sudo(self.member2).read(["body"])
        with self.assertRaises(AccessError):
            self.notes["secretary"].sudo(self.member2).read(["body"])

    def test_chair_and_office_read_shared_notes_but_not_private_ones(self):
        for user in (self.leader, self.secretary, self.manager):
            self.assertEqual(self.readable_notes(user), {"secretary", "attendees"},
                             user.login)
            with self.assertRaises(AccessError):
                self.notes["private"].sudo(user).read(["body"])

    def test_uninvited_member_reads_no_note_and_cannot_annotate(self):
        self.assertEqual(self.readable_notes(self.outsider), set())
        with self.assertRaises(AccessError):
            self.env["paperless.document.comment"].sudo(self.outsider).create({
                "document_id": self.document.id, "body": "Let me in"})

    def test_only_the_author_edits_or_deletes_a_note(self):
        shared = self.notes["attendees"]
        for user in (self.member2, self.secretary):
            with self.assertRaises(AccessError):
                shared.sudo(user).write({"body": "changed"})
            with self.assertRaises(AccessError):
                shared.sudo(user).unlink()
        shared.sudo(self.member).write({"body": "Reworded"})
        self.assertEqual(shared.body, "Reworded")
        with self.assertRaises(AccessError):
            shared.sudo(self.member).write({"author_id": self.member2.id})

    def test_note_is_written_in_the_authors_name(self):
        note = self.env["paperless.document.comment"].sudo(self.member2).create({
            "document_id": self.document.id, "body": "Mine",
            "author_id": self.member.id, "visibility": "attendees"})
        self.assertEqual(note.author_id, self.member2)

    def test_empty_note_and_notes_after_the_meeting_are_refused(self):
        Comment = self.env["paperless.document.comment"].sudo(self.member)
        with self.assertRaises(ValidationError):
            Comment.create({"document_id": self.document.id, "body": "  "})
        # Two days before its planned start: confirmed, as the wizard does.
        self.meeting.sudo(self.secretary).with_context(
            paperless_start_confirmed=True).action_start()
        self.meeting.sudo(self.secretary).action_done()
        with self.assertRaisesRegex(UserError, "Cuộc họp đã kết thúc"):
            Comment.create({"document_id": self.document.id, "body": "Too late"})
