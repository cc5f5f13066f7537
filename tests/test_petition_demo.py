# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo's incoming documents and petitions (`make test` installs the
demo): each in the state its actions gave it, so a broken demo fails."""
from odoo import fields
from odoo.tests.common import TransactionCase


class TestPetitionDemo(TransactionCase):

    def ref(self, name):
        return self.env.ref("paperless_meeting.%s" % name)

    def test_incoming_documents(self):
        today = fields.Date.to_string(
            self.env["paperless.incoming.document"]._today())
        expected = {
            "incoming_registered_demo": "registered",
            "incoming_presented_demo": "submitted",
            "incoming_directed_demo": "directed",
            "incoming_overdue_demo": "directed",
            "incoming_secret_demo": "registered",
        }
        for name, state in expected.items():
            document = self.ref(name)
            self.assertEqual(document.state, state, name)
            self.assertTrue(document.registry_number, name)
        self.assertEqual(self.ref("incoming_presented_demo").urgency, "urgent")
        directed = self.ref("incoming_directed_demo")
        self.assertEqual(directed.assignee_id, self.ref("user_member1_demo"))
        self.assertGreater(directed.deadline, today)
        self.assertFalse(directed.is_overdue)
        self.assertTrue(self.ref("incoming_overdue_demo").is_overdue)
        secret = self.ref("incoming_secret_demo")
        self.assertEqual(secret.register_kind, "incoming_secret")
        self.assertFalse(secret.file_ids)

    def test_petitions(self):
        expected = {
            "petition_denunciation_demo": ("denunciation", "party", "accepted"),
            "petition_complaint_demo": ("complaint", "state", "accepted"),
            "petition_anonymous_demo": ("denunciation", "party", "not_handled"),
            "petition_original_demo": ("proposal", "state", "received"),
            "petition_duplicate_demo": ("proposal", "state", "received"),
            "petition_extended_demo": ("denunciation", "state", "accepted"),
            "petition_feedback_demo": ("feedback", "state", "resolved"),
            "petition_overdue_demo": ("complaint", "state", "received"),
            "petition_district_demo": ("denunciation", "party", "received"),
        }
        for name, values in expected.items():
            petition = self.ref(name)
            self.assertEqual((petition.petition_type, petition.regime,
                              petition.state), values, name)
        self.assertEqual(self.ref("petition_anonymous_demo").not_handled_reason,
                         "anonymous")
        self.assertEqual(self.ref("petition_duplicate_demo").duplicate_of_id,
                         self.ref("petition_original_demo"))
        extended = self.ref("petition_extended_demo")
        self.assertEqual(len(extended.extension_ids), 1)
        self.assertEqual(extended.extension_ids.user_id,
                         self.ref("user_member1_demo"))
        self.assertTrue(self.ref("petition_overdue_demo").is_overdue)
        self.assertEqual(self.ref("petition_district_demo").company_id,
                         self.ref("company_district_demo"))

    def test_the_denouncer_is_protected(self):
        denunciation = self.ref("petition_denunciation_demo")
        handler = self.ref("user_member1_demo")
        self.assertEqual(denunciation.handler_id, handler)
        self.assertEqual(denunciation.sudo(handler).petitioner_name,
                         "Hoàng Văn Tuấn")
        for user in (self.ref("user_secretary_demo"), self.ref("user_leader_demo")):
            as_user = denunciation.sudo(user)
            if as_user.search_count([("id", "=", denunciation.id)]):
                self.assertFalse(as_user.petitioner_name)
                self.assertTrue(as_user.identity_hidden)
        self.assertEqual(self.ref("petition_complaint_demo").sudo(
            self.ref("user_secretary_demo")).petitioner_name, "Trần Thị Lan")
