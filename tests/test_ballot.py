# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ballots through the ORM: workflow, refusals, pass rules and quorum,
access, secrecy by storage, seal chain and query budgets."""
import json

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import PaperlessCase, create_user, meeting_values


class BallotCase(PaperlessCase):
    """The common meeting, in progress, with five voting members: the chair
    (leader), member, member2, member3 present; member4 absent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.member3 = create_user(env, "pm_member3", "member")
        cls.member4 = create_user(env, "pm_member4", "member")
        Attendee = env["paperless.meeting.attendee"].sudo(cls.secretary)
        for user in (cls.member3, cls.member4):
            Attendee.create({"meeting_id": cls.meeting.id, "user_id": user.id,
                             "role": "member"})
        cls.schedule()
        cls.meeting.sudo(cls.secretary).with_context(
            paperless_start_confirmed=True).action_start()
        attendees = cls.meeting.attendee_ids
        attendees.filtered(lambda a: a.user_id in (
            cls.leader | cls.member | cls.member2 | cls.member3)
        ).sudo(cls.secretary).action_mark_present()
        attendees.filtered(lambda a: a.user_id == cls.member4).sudo(
            cls.secretary).action_mark_absent()
        cls.Ballot = env["paperless.ballot"]

    def new_ballot(self, **values):
        vals = {"name": "Adopt the resolution", "meeting_id": self.meeting.id,
                "agenda_item_id": self.meeting.agenda_item_ids[1].id}
        vals.update(values)
        return self.Ballot.sudo(self.secretary).create(vals)

    def vote(self, ballot, user, position):
        return ballot.sudo(user).cast_vote(ballot.option_ids[position].id)

    def counts(self, ballot):
        """The counts as stored: the running tally while the ballot is open
        (a table outside the ORM), the options' final counts once closed."""
        ballot.invalidate_cache()
        ballot = ballot.sudo()
        if ballot.state == "open":
            tally = ballot._tally_counts()
            return [tally.get(option.id, 0) for option in ballot.option_ids]
        return ballot.option_ids.mapped("vote_count")


class TestBallotWorkflow(BallotCase):

    def test_default_options_in_order(self):
        ballot = self.new_ballot()
        # Party wording; the first option approves, by its flag.
        self.assertEqual(ballot.option_ids.mapped("name"),
                         ["Đồng ý", "Không đồng ý", "Không biểu quyết"])
        self.assertEqual(ballot.option_ids.mapped("is_approval"),
                         [True, False, False])
        two = self.new_ballot(name="No abstention", abstain_option=False)
        self.assertEqual(two.option_ids.mapped("name"), ["Đồng ý", "Không đồng ý"])
        candidates = self.new_ballot(kind="election", option_ids=[
            (0, 0, {"name": "Candidate A"}), (0, 0, {"name": "Candidate B"})])
        self.assertEqual(candidates.option_ids.mapped("name"),
                         ["Candidate A", "Candidate B"])
        # Elections are secret by rule: by default, and refused otherwise.
        self.assertTrue(candidates.secret)
        with self.assertRefused(ValidationError, "bỏ phiếu kín"):
            self.new_ballot(kind="election", secret=False)

    def test_named_ballot_end_to_end_by_the_chair(self):
        ballot = self.new_ballot()
        ballot.sudo(self.leader).action_open()
        self.assertEqual(ballot.state, "open")
        self.assertEqual((ballot.member_count, ballot.present_count), (5, 4))
        self.vote(ballot, self.leader, 0)
        self.vote(ballot, self.member, 0)
        self.vote(ballot, self.member2, 1)
        self.vote(ballot, self.member3, 0)
        self.assertTrue(ballot.sudo(self.member).my_voted)
        self.assertEqual(ballot.sudo(self.member2).my_option_id,
                         ballot.option_ids[1])
        ballot.sudo(self.leader).action_close()
        self.assertEqual(ballot.state, "closed")
        self.assertEqual(ballot.vote_total, 4)
        self.assertEqual(self.counts(ballot), [3, 1, 0])
        # 3 of 5 voting members: more than half of all members.
        self.assertEqual(ballot.result, "passed")
        self.assertEqual(ballot.option_ids.mapped("elected"), [True, False, False])
        lines = ballot.sudo(self.member)._result_lines()
        self.assertEqual(lines[0]["names"], sorted(
            (self.leader | self.member | self.member3).mapped("name")))
        self.assertEqual(lines[1]["names"], [self.member2.name])
        self.assertTrue(ballot.seal_id.hash)

    def test_refusals(self):
        ballot = self.new_ballot()
        with self.assertRefused(UserError, "không mở"):
            self.vote(ballot, self.member, 0)
        with self.assertRefused(AccessError, "Chỉ chủ trì cuộc họp hoặc Văn phòng"):
            ballot.sudo(self.member).action_open()
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        with self.assertRefused(UserError, "đã biểu quyết"):
            self.vote(ballot, self.member, 1)
        with self.assertRefused(UserError, "có mặt"):
            self.vote(ballot, self.member4, 0)
        with self.assertRefused(AccessError, "Chỉ chủ trì và thành viên"):
            self.vote(ballot, self.secretary, 0)
        with self.assertRefused(AccessError, "Chỉ chủ trì và thành viên"):
            self.vote(ballot, self.outsider, 0)
        other = self.new_ballot(name="Other")
        with self.assertRefused(UserError, "không thuộc"):
            ballot.sudo(self.member2).cast_vote(other.option_ids[0].id)
        with self.assertRefused(UserError, "đã mở"):
            ballot.option_ids[0].sudo(self.secretary).write({"name": "Yes"})
        ballot.sudo(self.secretary).action_close()
        with self.assertRefused(UserError, "không mở"):
            self.vote(ballot, self.member2, 0)
        with self.assertRefused(UserError, "chưa mở"):
            ballot.sudo(self.secretary).action_close()
        with self.assertRefused(UserError, "dự thảo"):
            ballot.sudo(self.secretary).unlink()
        self.assertEqual(self.counts(ballot), [1, 0, 0])

    def test_one_vote_is_a_database_constraint(self):
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        with mute_logger("odoo.sql_db"), self.assertRefused(Exception,
                                                            "ballot_user_unique"):
            self.env["paperless.ballot.voter"].sudo().create({
                "ballot_id": ballot.id, "user_id": self.member.id})

    def test_vote_change_only_when_allowed(self):
        ballot = self.new_ballot(allow_change=True)
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        self.vote(ballot, self.member, 2)
        self.assertEqual(self.counts(ballot), [0, 0, 1])
        self.assertEqual(ballot.vote_total, 1)
        with self.assertRefused(Exception, "change_named_only"), \
                mute_logger("odoo.sql_db"):
            self.new_ballot(secret=True, allow_change=True)

    def test_quorum_gate(self):
        ballot = self.new_ballot(quorum="two_thirds")
        # 4 of 5 present: more than half, and 4*3 >= 5*2 two thirds.
        ballot.sudo(self.secretary).action_open()
        self.attendee_of(self.member3).sudo(self.secretary).action_mark_absent()
        # Now 3 of 5: more than half, but not two thirds.
        half = self.new_ballot(quorum="majority")
        half.sudo(self.secretary).action_open()
        third = self.new_ballot(quorum="two_thirds")
        with self.assertRefused(UserError, "Không đủ số lượng: 3 / 5"):
            third.sudo(self.secretary).action_open()
        self.attendee_of(self.member2).sudo(self.secretary).action_mark_absent()
        # 2 of 5: no quorum at all.
        with self.assertRefused(UserError, "Không đủ số lượng: 2 / 5"):
            self.new_ballot(name="Late").sudo(self.secretary).action_open()

    def test_open_needs_meeting_in_progress(self):
        self.meeting.sudo(self.secretary).action_done()
        with self.assertRefused(UserError, "đã kết thúc hoặc đã hủy"):
            self.new_ballot()


class TestPassRules(BallotCase):
    """Every rule with ties and abstentions, on 5 voting members, 4 present."""

    def closed(self, votes, **values):
        ballot = self.new_ballot(**values)
        ballot.sudo(self.secretary).action_open()
        for user, position in zip(
                (self.leader, self.member, self.member2, self.member3), votes):
            self.vote(ballot, user, position)
        ballot.sudo(self.secretary).action_close()
        return ballot

    def test_members_majority(self):
        # 2 yes of 5 members, though 2 of 3 votes cast: rejected.
        self.assertEqual(self.closed([0, 0, 1], pass_rule="members_majority").result,
                         "rejected")
        self.assertEqual(self.closed([0, 0, 0, 1], name="B").result, "passed")

    def test_present_majority_tie(self):
        # 2 yes of 4 present is a tie: rejected; 3 of 4 passes.
        self.assertEqual(self.closed([0, 0, 1, 2], pass_rule="present_majority")
                         .result, "rejected")
        self.assertEqual(self.closed([0, 0, 0], pass_rule="present_majority",
                                     name="B").result, "passed")

    def test_cast_majority_counts_abstentions(self):
        # 2 yes, 1 no: passes; 2 yes, 1 no, 1 abstention is a tie of 4 cast.
        self.assertEqual(self.closed([0, 0, 1], pass_rule="cast_majority").result,
                         "passed")
        self.assertEqual(self.closed([0, 0, 1, 2], pass_rule="cast_majority",
                                     name="B").result, "rejected")

    def test_two_thirds_members(self):
        # 3 of 5 is less than two thirds; 4 of 5 is enough.
        self.assertEqual(self.closed([0, 0, 0, 2], pass_rule="two_thirds_members")
                         .result, "rejected")
        self.assertEqual(self.closed([0, 0, 0, 0], pass_rule="two_thirds_members",
                                     name="B").result, "passed")

    def test_personnel_ballot_elects_each_candidate_on_its_own(self):
        ballot = self.closed([0, 0, 0, 1], kind="election", seats=2,
                             board_head_id=self.member3.id, option_ids=[
                                 (0, 0, {"name": "Candidate A", "sequence": 1}),
                                 (0, 0, {"name": "Candidate B", "sequence": 2})])
        self.assertEqual(ballot.option_ids.mapped("elected"), [True, False])
        self.assertEqual(ballot.result, "passed")

    def test_rule_arithmetic(self):
        ballot = self.new_ballot()
        ballot.sudo()._lock_write_system(
            {"member_count": 6, "present_count": 5})
        self.assertFalse(ballot._meets_rule(3))      # 3 of 6 is only half
        self.assertTrue(ballot._meets_rule(4))
        ballot.sudo().write({"pass_rule": "two_thirds_members"})
        self.assertTrue(ballot._meets_rule(4))       # 4*3 >= 6*2
        self.assertFalse(ballot._meets_rule(3))
        # Votes cast are the voter rows: the base is given here.
        ballot.sudo().write({"pass_rule": "cast_majority"})
        self.assertTrue(ballot._meets_rule(3, 4))
        self.assertFalse(ballot._meets_rule(2, 4))
        self.assertFalse(ballot._meets_rule(0, 4))


class TestBallotAccess(BallotCase):

    def test_members_never_read_votes_and_see_secret_results_after_close(self):
        ballot = self.new_ballot(secret=True)
        draft = self.new_ballot(name="Draft")
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        self.assertEqual(self.Ballot.sudo(self.member).search(
            [("meeting_id", "=", self.meeting.id)]), ballot)
        self.assertNotIn(draft, self.Ballot.sudo(self.member).search([]))
        with self.assertRefused(AccessError):
            self.env["paperless.ballot.vote"].sudo(self.member).search([])
        with self.assertRefused(AccessError):
            ballot.sudo(self.outsider).read(["name"])
        # The running count is not an ORM field: the options' stored count
        # stays zero until the close.
        self.assertEqual(ballot.option_ids.sudo(self.secretary).mapped("vote_count"),
                         [0, 0, 0])
        # Running results of a secret ballot are hidden from everyone.
        self.assertEqual(ballot.sudo(self.leader).option_ids.mapped("result_count"),
                         [0, 0, 0])
        self.assertEqual(ballot.sudo(self.secretary).live_data()["options"], [])
        self.assertIsNone(ballot.sudo(self.secretary)._result_lines()[0]["count"])
        # Members see their own voter row only.
        voters = self.env["paperless.ballot.voter"]
        self.assertEqual(voters.sudo(self.member).search([]).mapped("user_id"),
                         self.member)
        self.assertFalse(voters.sudo(self.member2).search([]))
        ballot.sudo(self.secretary).action_close()
        ballot.invalidate_cache()
        self.assertEqual(ballot.sudo(self.member2).option_ids.mapped("result_count"),
                         [1, 0, 0])
        self.assertEqual(ballot.sudo(self.member2)._result_lines()[0]["names"], [])

    def test_office_reads_named_votes_only_after_close(self):
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 1)
        Vote = self.env["paperless.ballot.vote"].sudo(self.secretary)
        self.assertFalse(Vote.search([("ballot_id", "=", ballot.id)]))
        ballot.sudo(self.leader).action_close()
        self.assertEqual(Vote.search([("ballot_id", "=", ballot.id)]).mapped(
            "voter_user_id"), self.member)


class TestBallotSecrecy(BallotCase):
    """What is stored for a secret ballot, read as the superuser in SQL."""

    def test_secret_ballot_table_holds_nothing_linking_a_person(self):
        cr = self.env.cr
        cr.execute("SELECT column_name FROM information_schema.columns "
                   "WHERE table_name = 'paperless_ballot_vote' ORDER BY column_name")
        columns = [row[0] for row in cr.fetchall()]
        self.assertEqual(columns, ["ballot_id", "company_id", "id", "option_id",
                                   "voter_user_id"])
        for column in ("create_uid", "create_date", "write_uid", "write_date"):
            self.assertNotIn(column, columns)
        cr.execute("SELECT column_name FROM information_schema.columns "
                   "WHERE table_name = 'paperless_ballot_option'")
        option_columns = {row[0] for row in cr.fetchall()}
        self.assertFalse({"voter_user_id", "user_id"} & option_columns)

        ballot = self.new_ballot(secret=True)
        ballot.sudo(self.leader).action_open()
        cr.execute("SELECT id, xmin::text FROM paperless_ballot_option "
                   "WHERE ballot_id = %s ORDER BY id", (ballot.id,))
        for user, position in ((self.member, 1), (self.member2, 0),
                               (self.member3, 2), (self.leader, 0)):
            self.vote(ballot, user, position)
        # No vote row at all, so no id, order or timestamp to match.
        cr.execute("SELECT count(*) FROM paperless_ballot_vote WHERE ballot_id = %s",
                   (ballot.id,))
        self.assertEqual(cr.fetchone()[0], 0)
        # Every vote rewrites the running counts of all options: their
        # system columns are alike.
        cr.execute("SELECT count(DISTINCT xmin::text) FROM paperless_ballot_tally "
                   "WHERE ballot_id = %s", (ballot.id,))
        self.assertEqual(cr.fetchone()[0], 1)
        # Who voted is known, not what: the voter table has no option column.
        cr.execute("SELECT column_name FROM information_schema.columns "
                   "WHERE table_name = 'paperless_ballot_voter'")
        self.assertNotIn("option_id", {row[0] for row in cr.fetchall()})
        cr.execute("SELECT count(*) FROM paperless_ballot_voter WHERE ballot_id = %s",
                   (ballot.id,))
        self.assertEqual(cr.fetchone()[0], 4)
        # No chatter message or tracking mentions a choice.
        messages = self.env["mail.message"].search([
            ("model", "=", "paperless.ballot"), ("res_id", "=", ballot.id)])
        self.assertLessEqual(set(messages.mapped("tracking_value_ids.field")),
                             {"state", "meeting_state", "result"})
        # Nor can a vote row be created for a secret ballot.
        with self.assertRefused(ValidationError, "secret ballot keeps no record"):
            self.env["paperless.ballot.vote"].create({
                "ballot_id": ballot.id, "option_id": ballot.option_ids[0].id,
                "voter_user_id": self.member.id})
        ballot.sudo(self.leader).action_close()
        self.assertEqual(self.counts(ballot), [2, 1, 1])


class TestBallotSeal(BallotCase):

    def close_one(self, name):
        ballot = self.new_ballot(name=name)
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        ballot.sudo(self.secretary).action_close()
        return ballot

    def test_chain_links_and_reports_tampering(self):
        Seal = self.env["paperless.ballot.seal"]
        first, second, third = (self.close_one(name) for name in "ABC")
        self.assertEqual(second.seal_id.previous_hash, first.seal_id.hash)
        self.assertEqual(third.seal_id.sequence, second.seal_id.sequence + 1)
        self.assertEqual(Seal._verify_chain(), [])
        self.assertEqual(first.seal_check, "Kết quả kiểm phiếu khớp với niêm phong.")
        self.assertTrue(first.sudo(self.secretary).action_verify_seal())
        # A counter changed behind the application's back.
        self.env.cr.execute("UPDATE paperless_ballot_option SET vote_count = 5 "
                            "WHERE id = %s", (second.option_ids[0].id,))
        self.env.cache.invalidate()
        problems = Seal._verify_chain()
        self.assertEqual(len(problems), 1)
        self.assertIn("no longer matches", problems[0])
        with self.assertRaises(UserError):
            first.action_verify_seal()
        # A link removed.
        seal_id = second.seal_id.id
        self.env.cr.execute("UPDATE paperless_ballot SET seal_id = NULL WHERE id = %s",
                            (second.id,))
        self.env.cr.execute("DELETE FROM paperless_ballot_seal WHERE id = %s",
                            (seal_id,))
        self.env.cache.invalidate()
        self.assertTrue(any("is missing" in problem
                            for problem in Seal._verify_chain()))


class TestBallotQueries(BallotCase):

    def test_cast_vote_query_budget_and_constant_tally(self):
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.leader, 0)    # warms the caches
        ballot.invalidate_cache()
        for user in (self.member, self.member2):
            as_voter = ballot.sudo(user)
            option_id = ballot.option_ids[1].id
            before = self.cr.sql_log_count
            as_voter.cast_vote(option_id)
            self.assertLessEqual(self.cr.sql_log_count - before, 15)
        # The tally reads counters: its cost does not grow with the votes.
        costs = []
        for count in (3, 4):
            if count == 4:
                self.vote(ballot, self.member3, 2)
            self.assertEqual(ballot.vote_total, count)
            self.env.cache.invalidate()
            before = self.cr.sql_log_count
            ballot.sudo(self.secretary).live_data()
            costs.append(self.cr.sql_log_count - before)
        self.assertEqual(costs[0], costs[1])


class TestBallotLivePush(BallotCase):
    """The live panel is fed through the bus, on a channel the server
    subscribes the office and the chairs of open ballots to."""

    def pushed(self, ballot):
        rows = self.env["bus.bus"].sudo().search([
            ("channel", "=", json.dumps(
                [self.env.cr.dbname, "paperless.ballot.live", ballot.id],
                separators=(",", ":")))],
            order="id desc", limit=1)
        return json.loads(rows.message) if rows else None

    def test_each_vote_is_pushed_without_the_secret_choice(self):
        ballot = self.new_ballot(secret=True)
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        message = self.pushed(ballot)
        self.assertEqual(message["type"], "paperless.ballot.live")
        self.assertEqual(message["ballot_id"], ballot.id)
        self.assertEqual(message["vote_total"], 1)
        self.assertEqual(message["options"], [])  # secret until closed
        ballot.sudo(self.leader).action_close()
        closed = self.pushed(ballot)
        self.assertEqual(closed["state"], "closed")
        self.assertEqual([option["count"] for option in closed["options"]],
                         [1, 0, 0])

    def test_who_follows_the_live_channel(self):
        """One channel per open ballot: the office follows every open ballot,
        a chair only those of the meetings they chair, a member none."""
        Ballot = self.env["paperless.ballot"]
        for user in (self.secretary, self.manager, self.leader, self.member):
            self.assertEqual(Ballot.sudo(user)._live_channels_followed(), [],
                             user.login)
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        other_meeting = self.Meeting.sudo(self.secretary).create(meeting_values(
            self.env, self.manager, self.secretary, self.member | self.leader))
        self.schedule(other_meeting)
        other_meeting.sudo(self.secretary).with_context(
            paperless_start_confirmed=True).action_start()
        other_meeting.attendee_ids.sudo(self.secretary).action_mark_present()
        other = self.new_ballot(meeting_id=other_meeting.id, agenda_item_id=False)
        other.sudo(self.secretary).action_open()
        channel = ballot._live_channel()
        self.assertEqual(channel[2], ballot.id)
        self.assertEqual(set(map(tuple, Ballot.sudo(self.secretary)
                                 ._live_channels_followed())),
                         {channel, other._live_channel()})
        # The leader chairs the first meeting only, though invited to both.
        self.assertEqual(Ballot.sudo(self.leader)._live_channels_followed(),
                         [channel])
        self.assertEqual(Ballot.sudo(self.member)._live_channels_followed(), [])
