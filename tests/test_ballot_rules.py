# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Party's voting rules (issue #10): the body's roster as the base,
quorum at opening and closing, the approval option, elections with seats,
blank ballots, ties and the counting board; constant-cost ballot reads."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import create_user
from .test_ballot import BallotCase


class TestBodyBase(BallotCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.away1 = create_user(env, "pm_body_away1", "member")
        cls.away2 = create_user(env, "pm_body_away2", "member")
        # Sitting: the four present, two members not invited; member4 left
        # the body last year (invited all the same, and present).
        sitting = cls.leader | cls.member | cls.member2 | cls.member3 \
            | cls.away1 | cls.away2
        cls.body = env["paperless.body"].sudo(cls.secretary).create({
            "name": "Ban Thường vụ", "quorum": "two_thirds",
            "pass_rule": "members_majority",
            "member_ids": [(0, 0, {"user_id": user.id}) for user in sitting] + [
                (0, 0, {"user_id": cls.member4.id, "date_from": "2020-01-01",
                        "date_to": "2025-12-31"})],
        })
        cls.meeting.sudo(cls.secretary).write({"body_id": cls.body.id})
        cls.meeting.attendee_ids.filtered(
            lambda row: row.user_id == cls.member4).sudo(
                cls.secretary).action_mark_present()

    def test_base_is_the_roster_not_the_invitation(self):
        ballot = self.new_ballot()
        ballot.sudo(self.leader).action_open()
        # 6 sitting members (2 not invited), 4 of them present; member4,
        # present but no longer sitting, counts in neither.
        self.assertEqual((ballot.member_count, ballot.present_open_count), (6, 4))
        with self.assertRefused(AccessError):
            self.vote(ballot, self.member4, 0)
        for user in (self.leader, self.member, self.member2):
            self.vote(ballot, user, 0)
        self.vote(ballot, self.member3, 1)
        ballot.sudo(self.leader).action_close()
        # 3 of 6 is not more than half of all members (of 5 invitees it was).
        self.assertEqual(ballot.result, "rejected")
        self.assertEqual(ballot.vote_total, 4)

    def test_body_rules_are_the_defaults(self):
        self.body.write({"quorum": "majority", "pass_rule": "cast_majority"})
        ballot = self.new_ballot()
        self.assertEqual((ballot.quorum, ballot.pass_rule),
                         ("majority", "cast_majority"))

    def test_proposes_the_sitting_members_as_invitees(self):
        meeting = self.Meeting.sudo(self.secretary).new({
            "name": "Body", "body_id": self.body.id, "chair_id": self.leader.id,
            "date_start": "2026-12-01 01:30:00", "date_end": "2026-12-01 03:30:00"})
        meeting._onchange_body_id()
        self.assertEqual(set(meeting.attendee_ids.mapped("user_id").ids), set((
            self.leader | self.member | self.member2 | self.member3 | self.away1
            | self.away2).ids))
        chair = meeting.attendee_ids.filtered(lambda row: row.user_id == self.leader)
        self.assertEqual(chair.role, "chair")

    def test_a_seat_cannot_end_before_it_starts(self):
        with self.assertRefused(ValidationError):
            self.body.member_ids[0].write({"date_from": "2026-01-01",
                                           "date_to": "2025-01-01"})


class TestQuorumAndApproval(BallotCase):

    def test_quorum_checked_again_at_close(self):
        ballot = self.new_ballot(quorum="two_thirds")
        ballot.sudo(self.secretary).action_open()
        for user in (self.leader, self.member, self.member2, self.member3):
            self.vote(ballot, user, 0)
        # Two leave before the close: 2 of 5 present.
        for user in (self.member2, self.member3):
            self.attendee_of(user).sudo(self.secretary).action_mark_absent()
        ballot.sudo(self.secretary).action_close()
        self.assertEqual((ballot.present_open_count, ballot.present_count), (4, 2))
        self.assertEqual(ballot.result, "no_quorum")
        self.assertFalse(ballot.option_ids.filtered("elected"))
        self.assertIn('"present_open": 4', ballot.seal_id.payload)

    def test_the_approval_option_carries_not_the_first(self):
        ballot = self.new_ballot(option_ids=[
            (0, 0, {"name": "Không đồng ý", "sequence": 1}),
            (0, 0, {"name": "Đồng ý", "sequence": 2, "is_approval": True})])
        ballot.sudo(self.secretary).action_open()
        for user in (self.leader, self.member, self.member2):
            self.vote(ballot, user, 1)
        self.vote(ballot, self.member3, 0)
        ballot.sudo(self.secretary).action_close()
        self.assertEqual(ballot.result, "passed")
        self.assertEqual(ballot.option_ids.mapped("elected"), [False, True])

    def test_a_resolution_needs_one_approval_option(self):
        ballot = self.new_ballot(option_ids=[
            (0, 0, {"name": "Có"}), (0, 0, {"name": "Không"})])
        with self.assertRefused(UserError, "phương án đồng ý"):
            ballot.sudo(self.secretary).action_open()


class TestElection(BallotCase):

    def election(self, seats, names, **values):
        return self.new_ballot(**dict({
            "name": "Bầu Ủy ban Kiểm tra", "kind": "election", "seats": seats,
            "board_head_id": self.member3.id, "option_ids": [
                (0, 0, {"name": name, "sequence": index})
                for index, name in enumerate(names)]}, **values))

    def keep(self, ballot, user, positions):
        return ballot.sudo(user).cast_vote(
            [ballot.option_ids[index].id for index in positions])

    def test_seats_blank_ballots_and_too_many_names(self):
        ballot = self.election(2, ["A", "B", "C"])
        ballot.sudo(self.secretary).action_open()
        with self.assertRefused(UserError, "tối đa 2"):
            self.keep(ballot, self.leader, [0, 1, 2])
        with self.assertRefused(UserError, "một lần"):
            self.keep(ballot, self.leader, [0, 0])
        self.keep(ballot, self.leader, [0, 1])
        self.keep(ballot, self.member, [0, 1])
        self.keep(ballot, self.member2, [0, 2])
        self.keep(ballot, self.member3, [])     # a blank ballot is valid
        with self.assertRefused(UserError, "đã biểu quyết"):
            self.keep(ballot, self.member3, [0])
        self.assertEqual(self.counts(ballot), [3, 2, 1])
        ballot.sudo(self.secretary).action_close()
        self.assertEqual(ballot.vote_total, 4)
        self.assertEqual(ballot.ballots_issued, 4)
        # 3 of 5 members: elected; 2 of 5 is not more than half.
        self.assertEqual(ballot.option_ids.mapped("elected"), [True, False, False])
        self.assertEqual(ballot.result, "passed")
        lines = ballot.sudo(self.member)._result_lines()
        self.assertEqual([line["share"] for line in lines], [60.0, 40.0, 20.0])

    def test_tie_at_the_last_seat_is_not_decided(self):
        self.attendee_of(self.member4).sudo(self.secretary).action_mark_present()
        ballot = self.election(2, ["A", "B", "C"])
        ballot.sudo(self.secretary).action_open()
        for user, kept in ((self.leader, [0, 1]), (self.member, [0, 2]),
                           (self.member2, [0, 1]), (self.member3, [1, 2]),
                           (self.member4, [2, 0])):
            self.keep(ballot, user, kept)
        ballot.sudo(self.secretary).action_close()
        # A 4, B 3, C 3 of 5 members: A elected, B and C tied for seat 2.
        self.assertEqual(ballot.result, "tie")
        self.assertEqual(ballot.option_ids.mapped("elected"), [True, False, False])
        self.assertEqual(ballot.option_ids.mapped("tied"), [False, True, True])

    def test_tally_report_is_signed_by_the_board(self):
        ballot = self.election(1, ["Nguyễn Văn An", "Trần Thị Bình"],
                               board_member_ids=[(6, 0, [self.member2.id])])
        ballot.sudo(self.secretary).action_open()
        self.keep(ballot, self.leader, [0])
        self.keep(ballot, self.member, [0])
        self.keep(ballot, self.member2, [0])
        self.keep(ballot, self.member3, [])
        ballot.sudo(self.secretary).action_close()
        html = self.env.ref("paperless_meeting.report_ballot_result").sudo(
            self.secretary).render_qweb_html(ballot.ids)[0].decode()
        for text in ("Số phiếu phát ra", "Số phiếu thu vào", "Số phiếu hợp lệ",
                     "Số phiếu không hợp lệ", "TRƯỞNG BAN KIỂM PHIẾU",
                     self.member3.name, self.member2.name, "Trúng cử",
                     "Không trúng cử", "60,00 %", "khi mở biểu quyết"):
            self.assertIn(text, html)

    def test_counting_board_and_arguments(self):
        with self.assertRefused(ValidationError, "ứng cử"):
            self.election(1, ["A"]).option_ids[0].write(
                {"candidate_user_id": self.member3.id})
        absent = self.election(1, ["A", "B"], board_head_id=self.member4.id)
        with self.assertRefused(UserError, "người có mặt"):
            absent.sudo(self.secretary).action_open()
        nobody = self.election(1, ["A", "B"], board_head_id=False)
        with self.assertRefused(UserError, "ban kiểm phiếu"):
            nobody.sudo(self.secretary).action_open()
        motion = self.new_ballot()
        motion.sudo(self.secretary).action_open()
        with self.assertRefused(UserError, "đúng một phương án"):
            motion.sudo(self.member).cast_vote(motion.option_ids[:1].ids)


class TestBallotReadCost(BallotCase):

    def test_reading_a_ballot_costs_the_same_whatever_the_chain(self):
        fields = ["name", "state", "vote_total", "result", "seal_check",
                  "my_voted", "can_vote", "member_count"]

        def close_one(name):
            ballot = self.new_ballot(name=name)
            ballot.sudo(self.secretary).action_open()
            self.vote(ballot, self.member, 0)
            ballot.sudo(self.secretary).action_close()
            return ballot

        first = close_one("First")
        first.sudo(self.secretary).read(fields)     # warms the caches
        costs = []
        for more in (0, 6):
            for index in range(more):
                close_one("More %d" % index)
            self.env.cache.invalidate()
            before = self.cr.sql_log_count
            first.sudo(self.secretary).read(fields)
            costs.append(self.cr.sql_log_count - before)
        self.assertEqual(costs[0], costs[1])
