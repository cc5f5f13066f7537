# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Petitions through the ORM: every clock of both regimes with fixed dates,
extensions within the law, letters not handled, duplicates, overdue, who
sees a petition and who sees its sender."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .test_incoming import IncomingCase


class PetitionCase(IncomingCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Petition = cls.env["paperless.petition"]
        cls.manager = cls.env["res.users"].with_context(
            no_reset_password=True).create({
                "name": "In_Manager", "login": "in_manager",
                "email": "in_manager@example.org",
                "company_id": cls.unit.id, "company_ids": [(6, 0, cls.unit.ids)],
                "groups_id": [(6, 0, [cls.env.ref(
                    "paperless_meeting.group_paperless_manager").id])]})

    def petition(self, **values):
        return self.Petition.sudo(self.clerk).create(dict({
            "name": "Đơn về đất đai", "company_id": self.unit.id,
            "received_date": "2026-03-02", "petition_type": "complaint",
            "regime": "state", "handler_id": self.handler.id,
            "petitioner_name": "Nguyễn Văn A", "petitioner_address": "Phường 1",
        }, **values))


class TestPetitionClocks(PetitionCase):

    def test_state_complaint(self):
        petition = self.petition()
        self.assertEqual(petition.acceptance_deadline, "2026-03-12")
        self.assertFalse(petition.resolution_deadline)
        petition.action_accept("2026-03-09")
        self.assertEqual(petition.resolution_deadline, "2026-04-08")
        petition.sudo(self.clerk).write({"complex_case": True})
        self.assertEqual(petition.resolution_deadline, "2026-04-23")
        with self.assertRaises(UserError):
            petition.action_extend(30, "Phức tạp")

    def test_state_denunciation_extended_once_or_twice(self):
        petition = self.petition(petition_type="denunciation")
        # Accepted within 7 working days of receipt (Mon 2 March 2026).
        self.assertEqual(petition.acceptance_deadline, "2026-03-11")
        petition.action_accept("2026-03-10")
        self.assertEqual(petition.resolution_deadline, "2026-04-09")
        petition.action_extend(reason="Cần xác minh thêm")
        self.assertEqual(petition.resolution_deadline, "2026-05-09")
        self.assertEqual(petition.extension_ids.mapped("days"), [30])
        Extension = self.env["paperless.petition.extension"]
        for user, seen in ((self.handler, 1), (self.clerk, 1), (self.stranger, 0),
                           (self.other_clerk, 0)):
            self.assertEqual(Extension.sudo(user).search_count(
                [("petition_id", "=", petition.id)]), seen, user.login)
        with self.assertRaises(AccessError):
            Extension.sudo(self.clerk).create({
                "petition_id": petition.id, "days": 300, "reason": "Tự ý"})
        with self.assertRaises(UserError):
            petition.action_extend(reason="Lần hai")
        petition.sudo(self.clerk).write({"especially_complex": True})
        petition.action_extend(reason="Đặc biệt phức tạp")
        self.assertEqual(petition.resolution_deadline, "2026-06-08")
        with self.assertRaises(UserError):
            petition.action_extend(reason="Lần ba")
        with self.assertRaises(UserError):
            petition.action_extend(reason="")

    def test_state_denunciation_checked_in_several_places(self):
        petition = self.petition(petition_type="denunciation",
                                 several_places=True)
        self.assertEqual(petition.acceptance_deadline, "2026-03-16")
        self.assertFalse(petition.resolution_deadline)

    def test_state_complaint_rounds_and_remote_areas(self):
        petition = self.petition()
        petition.action_accept("2026-03-09")
        expected = {  # (round, remote, complex) -> days after acceptance
            ("first", False, False): 30, ("first", False, True): 45,
            ("first", True, False): 45, ("first", True, True): 60,
            ("second", False, False): 45, ("second", False, True): 60,
            ("second", True, False): 60, ("second", True, True): 70,
        }
        accepted = fields.Date.from_string("2026-03-09")
        for (round_, remote, complex_), days in expected.items():
            petition.sudo(self.clerk).write({
                "complaint_round": round_, "remote_area": remote,
                "complex_case": complex_})
            self.assertEqual(petition.resolution_deadline, fields.Date.to_string(
                accepted + timedelta(days=days)), (round_, remote, complex_))

    def test_proposals_run_on_no_statutory_clock(self):
        for kind in ("proposal", "feedback"):
            for regime in ("state", "party"):
                petition = self.petition(petition_type=kind, regime=regime)
                self.assertEqual((petition.acceptance_deadline,
                                  petition.resolution_deadline), (False, False))
                self.assertFalse(petition.is_overdue)

    def test_party_denunciation_in_working_days(self):
        petition = self.petition(petition_type="denunciation", regime="party")
        # One clock, from the day the Party body received the letter.
        self.assertFalse(petition.acceptance_deadline)
        expected = self.unit._paperless_add_working_days("2026-03-02", 90)
        self.assertEqual(petition.resolution_deadline,
                         fields.Date.to_string(expected))
        # 90 working days: 18 weeks of the unit's five-day week.
        self.assertEqual(petition.resolution_deadline, "2026-07-06")
        petition.action_accept("2026-03-09")
        self.assertEqual(petition.resolution_deadline, "2026-07-06")
        for days in (0, 31, "10", None):
            with self.assertRaises(UserError):
                petition.action_extend(days, "Gia hạn")
        petition.action_extend(20, "Gia hạn")
        self.assertEqual(petition.resolution_deadline, fields.Date.to_string(
            self.unit._paperless_add_working_days("2026-03-02", 110)))
        with self.assertRaises(UserError):
            petition.action_extend(10, "Gia hạn lần hai")

    def test_party_limits_are_the_units(self):
        complaint = self.petition(regime="party")
        denunciation = self.petition(petition_type="denunciation", regime="party")
        self.assertEqual(complaint.resolution_deadline, "2026-07-06")
        self.unit.write({"paperless_party_denunciation_days": 120,
                         "paperless_party_complaint_days": 60,
                         "paperless_party_extension_days": 0})
        self.assertEqual(denunciation.resolution_deadline, fields.Date.to_string(
            self.unit._paperless_add_working_days("2026-03-02", 120)))
        self.assertEqual(complaint.resolution_deadline, fields.Date.to_string(
            self.unit._paperless_add_working_days("2026-03-02", 60)))
        denunciation.action_accept("2026-03-03")
        with self.assertRaises(UserError):
            denunciation.action_extend(1, "Không được gia hạn")
        self.assertFalse(denunciation.extension_ids)
        with self.assertRaises(Exception), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            self.unit.write({"paperless_party_denunciation_days": 0})

    def test_party_overdue_runs_from_receipt(self):
        today = self.Petition._today()
        late = self.petition(petition_type="denunciation", regime="party",
                             received_date=fields.Date.to_string(
                                 today - timedelta(days=200)))
        self.assertEqual(late.state, "received")
        self.assertTrue(late.is_overdue)
        self.assertIn(late, self.Petition.sudo(self.clerk).search(
            [("is_overdue", "=", True)]))
        self.assertNotIn(late, self.Petition.sudo(self.clerk).search(
            [("is_overdue", "=", False)]))

    def test_party_clock_skips_the_units_holidays(self):
        self.env["resource.calendar.leaves"].create({
            "name": "Ngày Giải phóng miền Nam",
            "calendar_id": self.unit.resource_calendar_id.id,
            "date_from": "2026-04-29 17:00:00", "date_to": "2026-04-30 16:59:59",
            "tz": "Asia/Ho_Chi_Minh"})
        petition = self.petition(petition_type="denunciation", regime="party")
        self.assertEqual(petition.resolution_deadline, "2026-07-07")

    def test_accept_checks(self):
        petition = self.petition()
        with self.assertRaises(UserError):
            petition.action_accept("2026-03-01")  # before it arrived
        with self.assertRaises(UserError):
            petition.action_accept("not a date")
        with self.assertRaises(AccessError):
            petition.sudo(self.stranger).action_accept()
        with self.assertRaises(UserError):
            petition.sudo(self.clerk).write({"accepted_date": "2026-03-05"})
        petition.sudo(self.handler).action_accept("2026-03-05")
        with self.assertRaises(UserError):
            petition.action_accept("2026-03-06")

    def test_overdue(self):
        today = self.Petition._today()
        late = self.petition(received_date=fields.Date.to_string(
            today - timedelta(days=11)))
        fresh = self.petition(received_date=fields.Date.to_string(today))
        self.assertTrue(late.is_overdue)
        self.assertFalse(fresh.is_overdue)
        both = late | fresh
        self.assertEqual(self.Petition.sudo(self.clerk).search(
            [("is_overdue", "=", True), ("id", "in", both.ids)]), late)
        self.assertEqual(self.Petition.sudo(self.clerk).search(
            [("is_overdue", "=", False), ("id", "in", both.ids)]), fresh)
        late.action_accept(fields.Date.to_string(today))
        self.assertFalse(late.is_overdue)


class TestPetitionOutcomes(PetitionCase):

    def test_not_handled_with_a_reason(self):
        anonymous = self.petition(petition_type="denunciation",
                                  petitioner_name=False, petitioner_address=False)
        with self.assertRaises(UserError):
            anonymous.action_not_handled("because")
        anonymous.action_not_handled("anonymous")
        self.assertEqual((anonymous.state, anonymous.not_handled_reason),
                         ("not_handled", "anonymous"))
        with self.assertRaises(UserError):
            anonymous.sudo(self.clerk).write({"content": "Sửa"})

    def test_duplicates_linked_and_repeats_not_handled(self):
        first = self.petition()
        second = self.petition(received_date="2026-05-04")
        third = self.petition(received_date="2026-06-01")
        with self.assertRaises(UserError):
            third.action_not_handled("repeat")  # no earlier petition linked
        second.action_link_duplicate(first.id)
        third.action_link_duplicate(second.id)
        self.assertEqual(third.duplicate_of_id, first)
        self.assertEqual(first.duplicate_ids, second | third)
        third.action_not_handled("repeat")
        for junk in (second.id, "x", 0, 2 ** 40):
            with self.assertRaises(UserError):
                second.action_link_duplicate(junk)
        other = self.Petition.sudo(self.other_clerk).create({
            "name": "Đơn khác", "company_id": self.other_unit.id})
        with self.assertRaises((UserError, AccessError)):
            second.sudo(self.clerk).action_link_duplicate(other.id)

    def test_resolve_needs_the_outcome(self):
        petition = self.petition()
        petition.action_accept("2026-03-03")
        with self.assertRaises(UserError):
            petition.sudo(self.handler).action_resolve()
        petition.sudo(self.handler).write({"outcome": "Đã giải quyết"})
        petition.sudo(self.handler).action_resolve()
        self.assertEqual(petition.state, "resolved")


class TestPetitionAccess(PetitionCase):

    def test_who_sees_the_petition(self):
        petition = self.petition()
        other = self.Petition.sudo(self.other_clerk).create({
            "name": "Đơn khác", "company_id": self.other_unit.id})
        both = petition | other
        found = {user.login: self.Petition.sudo(user).search([("id", "in", both.ids)])
                 for user in (self.clerk, self.handler, self.leader, self.stranger,
                              self.other_clerk, self.manager)}
        self.assertEqual(found["in_clerk"], petition)
        self.assertEqual(found["in_handler"], petition)
        self.assertEqual(found["in_manager"], petition)
        self.assertEqual(found["in_other_clerk"], other)
        self.assertFalse(found["in_leader"])
        self.assertFalse(found["in_stranger"])

    def test_denouncer_readable_by_handler_and_managers_only(self):
        denunciation = self.petition(petition_type="denunciation")
        complaint = self.petition()
        self.assertEqual(denunciation.sudo(self.handler).petitioner_name,
                         "Nguyễn Văn A")
        self.assertEqual(denunciation.sudo(self.manager).petitioner_name,
                         "Nguyễn Văn A")
        as_clerk = denunciation.sudo(self.clerk)
        self.assertFalse(as_clerk.petitioner_name)
        self.assertTrue(as_clerk.identity_hidden)
        self.assertEqual(complaint.sudo(self.clerk).petitioner_name, "Nguyễn Văn A")
        # The clerk cannot overwrite what they may not read.
        with self.assertRaises(AccessError):
            as_clerk.write({"petitioner_name": "Người khác"})
        Identity = self.env["paperless.petition.identity"]
        self.assertEqual(len(Identity.sudo(self.clerk).search(
            [("petition_id", "in", (denunciation | complaint).ids)])), 1)
        for user in (self.leader, self.stranger):
            self.assertFalse(Identity.sudo(user).search(
                [("petition_id", "=", denunciation.id)]))
        self.assertFalse(Identity.sudo(self.other_clerk).search(
            [("petition_id", "=", denunciation.id)]))
