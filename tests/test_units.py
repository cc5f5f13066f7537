# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Many units on one deployment: each unit is an Odoo company. An office
sees and acts on its own units' records only; an invitation crosses units;
a person working for two units sees both."""
from odoo.exceptions import AccessError, UserError

from .common import PDF_B64, PaperlessCase, create_user, meeting_values


class TestUnits(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.unit_a = cls.meeting.company_id
        # A district committee under the province, as Odoo's companies nest:
        # the province's office can then invite the district's people.
        cls.unit_b = env["res.company"].create({
            "name": "Huyện ủy Phú Giáo", "parent_id": cls.unit_a.id})
        cls.secretary_b = create_user(env, "pm_secretary_b", "secretary")
        cls.member_b = create_user(env, "pm_member_b", "member")
        (cls.secretary_b | cls.member_b).write({
            "company_ids": [(6, 0, cls.unit_b.ids)], "company_id": cls.unit_b.id})
        cls.both = create_user(env, "pm_secretary_ab", "secretary")
        cls.both.write({"company_ids": [(6, 0, (cls.unit_a | cls.unit_b).ids)]})

    def test_records_carry_their_unit(self):
        self.assertEqual(self.unit_a, self.secretary.company_id)
        self.schedule()
        meeting = self.meeting
        for rows in (meeting.agenda_item_ids, meeting.attendee_ids,
                     meeting.document_ids):
            self.assertEqual(rows.mapped("company_id"), self.unit_a, rows)
        meeting_b = self.Meeting.sudo(self.secretary_b).create(meeting_values(
            self.env, self.leader, self.secretary_b, self.member_b))
        self.assertEqual(meeting_b.company_id, self.unit_b)
        ballot = self.env["paperless.ballot"].sudo(self.secretary_b).create({
            "name": "B's motion", "meeting_id": meeting_b.id})
        self.assertEqual(ballot.company_id, self.unit_b)
        self.assertEqual(ballot.option_ids.mapped("company_id"), self.unit_b)

    def test_rows_pointing_at_a_record_carry_its_unit(self):
        """Followers, activities and queued e-mails of a meeting belong to
        the meeting's unit, whoever reads them; of a record without a unit,
        to none."""
        meeting_b = self.Meeting.sudo(self.secretary_b).create(meeting_values(
            self.env, self.leader, self.secretary_b, self.member_b))
        followers = self.env["mail.followers"].search(
            [("res_model", "=", "paperless.meeting"),
             ("res_id", "in", (self.meeting | meeting_b).ids)])
        self.assertEqual({(f.res_id, f.company_id) for f in followers},
                         {(self.meeting.id, self.unit_a), (meeting_b.id, self.unit_b)})
        activity = self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get("paperless.meeting").id,
            "res_id": meeting_b.id, "user_id": self.secretary_b.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_todo").id})
        self.assertEqual(activity.sudo(self.secretary_b).company_id, self.unit_b)
        mail = self.env["mail.mail"].create({
            "subject": "Giấy mời", "model": "paperless.meeting",
            "res_id": self.meeting.id})
        self.assertEqual(mail.company_id, self.unit_a)
        other = self.env["mail.mail"].create({"subject": "Khác"})
        self.assertFalse(other.company_id)

    def test_office_sees_and_acts_on_its_units_only(self):
        self.schedule()
        as_b = self.Meeting.sudo(self.secretary_b)
        self.assertFalse(as_b.search([("id", "=", self.meeting.id)]))
        self.assertFalse(self.env["paperless.document"].sudo(self.secretary_b).search(
            [("meeting_id", "=", self.meeting.id)]))
        with self.assertRefused(AccessError):
            self.meeting.sudo(self.secretary_b).read(["name"])
        with self.assertRefused(AccessError):
            self.meeting.sudo(self.secretary_b).action_start()
        with self.assertRefused(AccessError):
            self.meeting.attendee_ids.sudo(self.secretary_b).action_mark_present()
        with self.assertRefused(AccessError):
            self.env["paperless.document"].sudo(self.secretary_b).create({
                "name": "Planted", "meeting_id": self.meeting.id,
                "datas": PDF_B64, "datas_fname": "x.pdf"})
        # Someone who works for both units sees both.
        meeting_b = self.Meeting.sudo(self.secretary_b).create(meeting_values(
            self.env, self.leader, self.secretary_b, self.member_b))
        both = self.Meeting.sudo(self.both).search([
            ("id", "in", (self.meeting | meeting_b).ids)])
        self.assertEqual(both, self.meeting | meeting_b)

    def test_an_invitation_crosses_units(self):
        self.meeting.sudo(self.secretary).write({"attendee_ids": [
            (0, 0, {"user_id": self.member_b.id, "role": "member"})]})
        self.schedule()
        mine = self.Meeting.sudo(self.member_b).search([])
        self.assertEqual(mine, self.meeting)
        self.assertTrue(self.meeting.document_ids.sudo(self.member_b).read(["name"]))
        attendee = self.attendee_of(self.member_b)
        self.assertTrue(attendee.sudo(self.member_b).action_accept())

    def test_unit_of_a_row_follows_its_parent(self):
        attendee = self.attendee_of(self.member)
        with self.assertRefused(UserError):
            attendee.sudo(self.secretary).write({"company_id": self.unit_b.id})
        with self.assertRefused(UserError):
            self.document.sudo(self.secretary).write({"company_id": self.unit_b.id})
        self.assertEqual(attendee.company_id, self.unit_a)
