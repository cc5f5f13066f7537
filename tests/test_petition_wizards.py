# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The petition's dialogs as the office, the handler and a member: they
only carry the input to the petition's actions, whose rules answer."""
from odoo.exceptions import AccessError, UserError

from .test_petition import PetitionCase


class TestPetitionWizards(PetitionCase):

    def dialog(self, model, user, petition, **values):
        """The dialog as the form's button opens it (active_id), in the
        user's language."""
        return self.env[model].sudo(user).with_context(
            lang="vi_VN", active_model="paperless.petition",
            active_id=petition.id).create(values)

    def test_extend_as_office_and_handler(self):
        party = self.petition(petition_type="denunciation", regime="party")
        party.action_accept("2026-03-02")
        before = party.resolution_deadline
        extend = self.dialog("paperless.petition.extend", self.clerk, party,
                             days=20, reason="Cần xác minh thêm")
        self.assertEqual(extend.petition_id, party)
        self.assertEqual(extend.action_confirm()["type"],
                         "ir.actions.act_window_close")
        self.assertEqual(party.extension_ids.mapped("days"), [20])
        self.assertEqual(party.extension_ids.user_id, self.clerk)
        self.assertGreater(party.resolution_deadline, before)
        # The State's extension is the law's: the days asked are not used.
        state = self.petition(petition_type="denunciation")
        state.action_accept("2026-03-10")
        self.dialog("paperless.petition.extend", self.handler, state,
                    days=5, reason="Phức tạp").action_confirm()
        self.assertEqual(state.extension_ids.mapped("days"), [30])
        self.assertEqual(state.extension_ids.user_id, self.handler)

    def test_extend_bad_input_gets_the_models_error(self):
        party = self.petition(petition_type="denunciation", regime="party")
        party.action_accept("2026-03-02")
        for values in ({"days": 0, "reason": "Gia hạn"},
                       {"days": 10, "reason": ""},
                       {"days": 10}):
            with self.assertRaises(UserError):
                self.dialog("paperless.petition.extend", self.clerk, party,
                            **values).action_confirm()
        complaint = self.petition()
        complaint.action_accept("2026-03-03")
        with self.assertRaises(UserError):
            self.dialog("paperless.petition.extend", self.handler, complaint,
                        reason="Khiếu nại").action_confirm()
        self.assertFalse((party | complaint).mapped("extension_ids"))

    def test_not_handled_as_office_and_handler(self):
        anonymous = self.petition(petition_type="denunciation",
                                  petitioner_name=False, petitioner_address=False)
        self.dialog("paperless.petition.not.handled", self.clerk, anonymous,
                    reason="anonymous").action_confirm()
        self.assertEqual((anonymous.state, anonymous.not_handled_reason),
                         ("not_handled", "anonymous"))
        withdrawn = self.petition()
        withdrawn.action_accept("2026-03-03")
        self.dialog("paperless.petition.not.handled", self.handler, withdrawn,
                    reason="withdrawn").action_confirm()
        self.assertEqual(withdrawn.not_handled_reason, "withdrawn")
        fresh = self.petition()
        with self.assertRaises(UserError):
            self.dialog("paperless.petition.not.handled", self.clerk,
                        fresh).action_confirm()
        self.assertEqual(fresh.state, "received")

    def test_repeat_needs_the_link_first(self):
        first = self.petition()
        second = self.petition(received_date="2026-05-04")
        with self.assertRaises(UserError) as refused:
            self.dialog("paperless.petition.not.handled", self.handler, second,
                        reason="repeat").action_confirm()
        self.assertIn("liên kết đơn trước đó", refused.exception.name)
        self.dialog("paperless.petition.link.duplicate", self.handler, second,
                    original_id=first.id).action_confirm()
        self.assertEqual(second.duplicate_of_id, first)
        not_handled = self.dialog("paperless.petition.not.handled", self.clerk,
                                  second, reason="repeat")
        self.assertEqual(not_handled.duplicate_of_id, first)
        not_handled.action_confirm()
        self.assertEqual((second.state, second.not_handled_reason),
                         ("not_handled", "repeat"))

    def test_link_checks(self):
        first = self.petition()
        second = self.petition(received_date="2026-05-04")
        for original in (second, self.Petition):
            with self.assertRaises(UserError):
                self.dialog("paperless.petition.link.duplicate", self.clerk, second,
                            original_id=original.id).action_confirm()
        other = self.Petition.sudo(self.other_clerk).create({
            "name": "Đơn khác", "company_id": self.other_unit.id})
        with self.assertRaises((UserError, AccessError)):
            self.dialog("paperless.petition.link.duplicate", self.clerk, second,
                        original_id=other.id).action_confirm()
        self.dialog("paperless.petition.link.duplicate", self.clerk, second,
                    original_id=first.id).action_confirm()
        self.assertEqual(first.duplicate_ids, second)

    def test_a_member_is_refused(self):
        petition = self.petition(petition_type="denunciation")
        petition.action_accept("2026-03-10")
        earlier = self.petition()
        for model, values in (
                ("paperless.petition.extend", {"reason": "Tự ý"}),
                ("paperless.petition.not.handled", {"reason": "withdrawn"}),
                ("paperless.petition.link.duplicate", {"original_id": earlier.id})):
            for user in (self.stranger, self.leader, self.other_clerk):
                with self.assertRaises(AccessError, msg="%s %s" % (model, user.login)):
                    self.dialog(model, user, petition, **values).action_confirm()
        self.assertEqual(petition.state, "accepted")
        self.assertFalse(petition.extension_ids or petition.duplicate_of_id)

    def test_the_dialogs_open_from_the_form(self):
        """The form's buttons open the dialogs, in Vietnamese."""
        Petition = self.Petition.sudo(self.clerk).with_context(lang="vi_VN")
        arch = Petition.fields_view_get(view_type="form")["arch"]
        for xmlid in ("paperless_petition_extend_action",
                      "paperless_petition_not_handled_action",
                      "paperless_petition_link_duplicate_action"):
            action = self.env.ref("paperless_meeting.%s" % xmlid)
            self.assertIn('name="%d"' % action.id, arch)
            view = self.env[action.res_model].sudo(self.clerk).with_context(
                lang="vi_VN").fields_view_get(view_type="form")
            self.assertIn("Hủy", view["arch"])
        self.assertIn("Gia hạn", arch)
