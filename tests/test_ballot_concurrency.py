# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Votes from many threads, each with its own cursor on committed data, with
serialization failures retried the way Odoo's RPC layer retries them."""
import time
import unittest

from odoo import SUPERUSER_ID

from .concurrency import CTX, create_users, delete_users, in_transaction, run_threads

VOTERS = 12


class TestBallotConcurrency(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def setup(env):
            users = create_users(env, "pm_conc", "Concurrent", VOTERS,
                                 "paperless_meeting.group_paperless_member")
            meeting = env["paperless.meeting"].with_context(**CTX).create({
                "name": "Concurrency", "date_start": "2026-12-01 01:30:00",
                "date_end": "2026-12-01 04:30:00", "chair_id": users[0].id,
                "attendee_ids": [(0, 0, {"user_id": user.id,
                                         "role": "chair" if user == users[0]
                                         else "member"})
                                 for user in users],
            })
            # A fixture, not a flow under test: states and attendance set
            # directly, as only the actions may.
            meeting._lock_write_system({"state": "in_progress"})
            meeting.attendee_ids._lock_write_system({"attendance": "present"})
            return users.ids, meeting.id

        cls.user_ids, cls.meeting_id = in_transaction(SUPERUSER_ID, setup)

    @classmethod
    def tearDownClass(cls):
        def cleanup(env):
            cr = env.cr
            cr.execute("SELECT id, seal_id FROM paperless_ballot WHERE meeting_id = %s",
                       (cls.meeting_id,))
            rows = cr.fetchall()
            ballot_ids = [row[0] for row in rows]
            seal_ids = [row[1] for row in rows if row[1]]
            if ballot_ids:
                cr.execute("UPDATE paperless_ballot SET seal_id = NULL WHERE id IN %s",
                           (tuple(ballot_ids),))
            if seal_ids:
                cr.execute("DELETE FROM paperless_ballot_seal WHERE id IN %s",
                           (tuple(seal_ids),))
            # The tallies' paper numbers (drawn at the close) go with them.
            cr.execute("DELETE FROM paperless_paper WHERE meeting_id = %s",
                       (cls.meeting_id,))
            cr.execute("DELETE FROM paperless_meeting WHERE id = %s", (cls.meeting_id,))
            cr.execute("DELETE FROM mail_message WHERE model IN "
                       "('paperless.meeting', 'paperless.ballot') AND res_id IN %s",
                       (tuple(ballot_ids + [cls.meeting_id]),))
            cr.execute("DELETE FROM bus_bus WHERE channel LIKE %s",
                       ('%"paperless.ballot.live"%',))
            delete_users(env, cls.user_ids)
        in_transaction(SUPERUSER_ID, cleanup)
        super().tearDownClass()

    def open_ballot(self, **values):
        def create(env):
            ballot = env["paperless.ballot"].create(dict(
                {"name": "Concurrent ballot", "meeting_id": self.meeting_id},
                **values))
            ballot.action_open()
            return ballot.id, ballot.option_ids.ids
        return in_transaction(SUPERUSER_ID, create)

    def vote(self, ballot_id, uid, option_id, tries=12):
        return lambda: in_transaction(
            uid, lambda env: env["paperless.ballot"].browse(ballot_id).cast_vote(
                option_id), tries=tries)

    def tally(self, ballot_id):
        def read(env):
            ballot = env["paperless.ballot"].browse(ballot_id)
            # Running counts live outside the ORM until the close.
            running = ballot._tally_counts()
            counts = [running[option.id] for option in ballot.option_ids] \
                if ballot.state == "open" else ballot.option_ids.mapped("vote_count")
            return ballot.state, ballot.vote_total, counts, len(ballot.voter_ids)
        return in_transaction(SUPERUSER_ID, read)

    def test_many_members_vote_at_once(self):
        ballot_id, option_ids = self.open_ballot(secret=True)
        choices = [option_ids[index % 3] for index in range(VOTERS)]
        results = run_threads([self.vote(ballot_id, uid, option)
                               for uid, option in zip(self.user_ids, choices)])
        self.assertEqual([result[0] for result in results], ["ok"] * VOTERS, results)
        total, counts, voters = self.tally(ballot_id)[1:]
        self.assertEqual((total, voters), (VOTERS, VOTERS))
        self.assertEqual(counts, [choices.count(option) for option in option_ids])

    def test_same_member_votes_many_times_at_once(self):
        ballot_id, option_ids = self.open_ballot()
        uid = self.user_ids[1]
        results = run_threads([self.vote(ballot_id, uid, option_ids[index % 3])
                               for index in range(8)])
        self.assertEqual(sorted(result[0] for result in results),
                         ["ok"] + ["refused"] * 7, results)
        self.assertTrue(all("already voted" in result[1]
                            for result in results if result[0] == "refused"))
        total, counts, voters = self.tally(ballot_id)[1:]
        self.assertEqual((total, sum(counts), voters), (1, 1, 1))

    def test_votes_racing_a_close_are_counted_exactly(self):
        ballot_id, option_ids = self.open_ballot()

        def close():
            time.sleep(0.05)
            return in_transaction(SUPERUSER_ID, lambda env: env[
                "paperless.ballot"].browse(ballot_id).action_close())

        targets = [self.vote(ballot_id, uid, option_ids[0])
                   for uid in self.user_ids]
        results = run_threads(targets + [close])
        self.assertEqual(results[-1][0], "ok", results)
        votes = results[:-1]
        accepted = [result for result in votes if result[0] == "ok"]
        self.assertTrue(all(result[0] in ("ok", "refused") for result in votes),
                        votes)
        self.assertTrue(all("not open" in result[1]
                            for result in votes if result[0] == "refused"))
        state, total, counts, voters = self.tally(ballot_id)
        self.assertEqual(state, "closed")
        self.assertEqual((total, counts[0], voters), (len(accepted),) * 3)

        def sealed(env):
            ballot = env["paperless.ballot"].browse(ballot_id)
            return '"votes": %d' % len(accepted) in ballot.seal_id.payload
        self.assertTrue(in_transaction(SUPERUSER_ID, sealed))

    # No queueing (issue #10): a vote runs in READ COMMITTED under a shared
    # lock on the ballot row, so votes wait on the counters' row locks for
    # each other and never fail to serialize; one try each is enough.

    def test_votes_never_fail_to_serialize_against_each_other(self):
        ballot_id, option_ids = self.open_ballot()
        choices = [option_ids[index % 2] for index in range(VOTERS)]
        results = run_threads([self.vote(ballot_id, uid, option, tries=1)
                               for uid, option in zip(self.user_ids, choices)])
        self.assertEqual([result[0] for result in results], ["ok"] * VOTERS, results)
        total, counts, voters = self.tally(ballot_id)[1:]
        self.assertEqual((total, voters), (VOTERS, VOTERS))
        self.assertEqual(counts, [choices.count(option) for option in option_ids])

    def test_close_racing_single_try_votes_is_exact(self):
        ballot_id, option_ids = self.open_ballot(secret=True)

        def close():
            time.sleep(0.03)
            return in_transaction(SUPERUSER_ID, lambda env: env[
                "paperless.ballot"].browse(ballot_id).action_close(), tries=1)

        results = run_threads([self.vote(ballot_id, uid, option_ids[1], tries=1)
                               for uid in self.user_ids] + [close])
        self.assertEqual(results[-1][0], "ok", results)
        votes = results[:-1]
        self.assertTrue(all(result[0] in ("ok", "refused") for result in votes),
                        votes)
        accepted = len([result for result in votes if result[0] == "ok"])
        state, total, counts, voters = self.tally(ballot_id)
        self.assertEqual(state, "closed")
        self.assertEqual((total, counts[1], voters), (accepted,) * 3)

    def test_election_ballots_at_once(self):
        def create(env):
            ballot = env["paperless.ballot"].create({
                "name": "Concurrent election", "meeting_id": self.meeting_id,
                "kind": "election", "seats": 2, "board_head_id": self.user_ids[0],
                "option_ids": [(0, 0, {"name": name}) for name in "ABC"]})
            ballot.action_open()
            return ballot.id, ballot.option_ids.ids
        ballot_id, option_ids = in_transaction(SUPERUSER_ID, create)
        kept = [option_ids[index % 3:index % 3 + 2] if index % 4 else []
                for index in range(VOTERS)]
        results = run_threads([self.vote(ballot_id, uid, names, tries=1)
                               for uid, names in zip(self.user_ids, kept)])
        self.assertEqual([result[0] for result in results], ["ok"] * VOTERS, results)
        total, counts, voters = self.tally(ballot_id)[1:]
        self.assertEqual((total, voters), (VOTERS, VOTERS))
        self.assertEqual(counts, [sum(option in names for names in kept)
                                  for option in option_ids])
