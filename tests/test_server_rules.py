# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The rules hold on the server, whatever the client: each case below is a
call an adversary made over RPC against the demo server, which the views
alone did not stop."""
import hashlib
import json

from odoo import SUPERUSER_ID, api

from .rpc_case import RpcCase, RpcError


class TestBallotRules(RpcCase):

    def ballot(self, *fields):
        return self.rpc("secretary", "paperless.ballot", "read",
                        [self.ballot_id], list(fields))[0]

    def test_open_ballot_rules_cannot_change(self):
        for values in ({"secret": False}, {"pass_rule": "cast_majority"},
                       {"quorum": "two_thirds"}, {"member_count": 1},
                       {"kind": "election"}, {"allow_change": True},
                       {"name": "Another question"},
                       {"option_ids": [(0, 0, {"name": "Sneaked in"})]}):
            self.assertClearRefusal("secretary", "paperless.ballot", "write",
                                    [self.ballot_id], values)
        self.assertClearRefusal("secretary", "paperless.ballot.option", "write",
                                self.option_ids[:1], {"name": "Renamed"})
        self.assertClearRefusal("secretary", "paperless.ballot.option", "create",
                                {"ballot_id": self.ballot_id, "name": "Extra"})
        self.assertClearRefusal("secretary", "paperless.ballot.option", "unlink",
                                self.option_ids[:1])
        self.assertEqual(self.ballot("secret", "pass_rule", "kind"), {
            "id": self.ballot_id, "secret": True, "pass_rule": "members_majority",
            "kind": "motion"})
        # Votes after the attempt are still secret: no named row.
        self.rpc("member", "paperless.ballot", "cast_vote", [self.ballot_id],
                 self.option_ids[0])
        self.assertEqual(self.sql("SELECT count(*) FROM paperless_ballot_vote"
                                  " WHERE ballot_id = %s", (self.ballot_id,)),
                         [(0,)])

    def test_state_and_results_only_through_the_actions(self):
        self.rpc("member", "paperless.ballot", "cast_vote", [self.ballot_id],
                 self.option_ids[1])
        for values in ({"state": "closed"}, {"state": "draft"},
                       {"result": "passed"}, {"vote_total": 40},
                       {"date_close": "2026-12-01 00:00:00"}):
            self.assertClearRefusal("secretary", "paperless.ballot", "write",
                                    [self.ballot_id], values)
        self.rpc("leader", "paperless.ballot", "action_close", [self.ballot_id])
        closed = self.ballot("state", "result", "seal_id")
        self.assertEqual((closed["state"], closed["result"]), ("closed", "rejected"))
        # A 0-vote option marked carried under an intact seal, a seal
        # cleared, a closed ballot reopened: all refused.
        self.assertClearRefusal("secretary", "paperless.ballot.option", "write",
                                self.option_ids[:1], {"elected": True})
        self.assertClearRefusal("secretary", "paperless.ballot", "write",
                                [self.ballot_id], {"seal_id": False})
        self.assertClearRefusal("secretary", "paperless.ballot", "write",
                                [self.ballot_id], {"state": "open"})
        self.assertEqual(self.ballot("seal_id")["seal_id"], closed["seal_id"])
        self.assertEqual(self.sql(
            "SELECT bool_or(elected) FROM paperless_ballot_option"
            " WHERE ballot_id = %s", (self.ballot_id,)), [(False,)])
        # A new ballot cannot be created already open or closed.
        self.assertClearRefusal("secretary", "paperless.ballot", "create", {
            "name": "Born open", "meeting_id": self.meeting_id, "state": "open"})

    def test_meeting_ends_only_without_open_ballots(self):
        for method in ("action_done", "action_cancel"):
            self.assertClearRefusal("secretary", "paperless.meeting", method,
                                    [self.meeting_id])
        self.rpc("secretary", "paperless.ballot", "action_close", [self.ballot_id])
        self.assertTrue(self.rpc("secretary", "paperless.meeting", "action_done",
                                 [self.meeting_id]))
        # And no vote reaches a ballot of a meeting that is over, even one
        # forced open in the database.
        self.sql("UPDATE paperless_ballot SET state = 'open' WHERE id = %s",
                 (self.ballot_id,))
        error = self.assertClearRefusal("member2", "paperless.ballot", "cast_vote",
                                        [self.ballot_id], self.option_ids[0])
        self.assertEqual(error.name, "odoo.exceptions.UserError")

    def test_chatter_names_the_chair_not_the_superuser(self):
        self.rpc("leader", "paperless.ballot", "action_close", [self.ballot_id])
        authors = self.sql(
            "SELECT author_id FROM mail_message WHERE model = 'paperless.ballot'"
            " AND res_id = %s ORDER BY id DESC", (self.ballot_id,))
        partner_of = dict(self.sql(
            "SELECT id, partner_id FROM res_users WHERE id IN %s",
            (tuple([self.uids["leader"], self.uids["secretary"], SUPERUSER_ID]),)))
        self.assertEqual(authors[0][0], partner_of[self.uids["leader"]])
        self.assertIn((partner_of[self.uids["secretary"]],), authors)  # opened
        self.assertNotIn((partner_of[SUPERUSER_ID],), authors)


class TestMeetingRules(RpcCase):

    def test_state_moves_only_through_the_actions(self):
        for values in ({"state": "draft"}, {"state": "done"},
                       {"reference": "99"}, {"calendar_event_id": False}):
            self.assertClearRefusal("secretary", "paperless.meeting", "write",
                                    [self.meeting_id], values)
        self.rpc("secretary", "paperless.ballot", "action_close", [self.ballot_id])
        self.rpc("secretary", "paperless.meeting", "action_done", [self.meeting_id])
        # A done meeting cannot be reopened by a write.
        self.assertClearRefusal("secretary", "paperless.meeting", "write",
                                [self.meeting_id], {"state": "in_progress"})
        self.assertEqual(self.rpc("secretary", "paperless.meeting", "read",
                                  [self.meeting_id], ["state"])[0]["state"], "done")

    def test_online_link_is_a_web_address(self):
        for url in ("javascript:alert(1)", "data:text/html,x", "ftp://x"):
            self.assertClearRefusal("secretary", "paperless.meeting", "write",
                                    [self.meeting_id], {"online_url": url})
        self.assertTrue(self.rpc("secretary", "paperless.meeting", "write",
                                 [self.meeting_id],
                                 {"online_url": "https://meet.example.org/x"}))

    def test_after_the_meeting_notes_answers_attendance_are_frozen(self):
        note_id = self.rpc("member", "paperless.document.comment", "create", {
            "document_id": self.document_id, "body": "A remark",
            "visibility": "attendees"})
        self.rpc("secretary", "paperless.ballot", "action_close", [self.ballot_id])
        self.rpc("secretary", "paperless.meeting", "action_done", [self.meeting_id])
        self.assertClearRefusal("member", "paperless.document.comment", "write",
                                [note_id], {"body": "Rewritten after the fact"})
        self.assertClearRefusal("member", "paperless.document.comment", "unlink",
                                [note_id])
        self.assertClearRefusal("member", "paperless.document.comment", "create", {
            "document_id": self.document_id, "body": "Late"})
        attendee = [self.attendee_ids["member"]]
        self.assertClearRefusal("member", "paperless.meeting.attendee",
                                "action_decline", attendee, "Too late")
        for method in ("action_mark_absent", "action_mark_excused"):
            self.assertClearRefusal("secretary", "paperless.meeting.attendee",
                                    method, attendee)
        self.assertClearRefusal("secretary", "paperless.meeting.attendee", "write",
                                attendee, {"role": "guest"})
        self.assertEqual(self.sql(
            "SELECT attendance, role, response FROM paperless_meeting_attendee"
            " WHERE id = %s", tuple(attendee)), [("present", "member", "invited")])

    def test_note_stays_with_its_document_and_meeting(self):
        note_id = self.rpc("member", "paperless.document.comment", "create", {
            "document_id": self.document_id, "body": "Mine",
            "visibility": "attendees"})
        other_id = self.rpc("secretary", "paperless.meeting", "create", {
            "name": "Elsewhere", "date_start": "2026-12-02 01:00:00",
            "date_end": "2026-12-02 02:00:00"})
        for values in ({"meeting_id": other_id}, {"document_id": self.document_id},
                       {"author_id": self.uids["member2"]}):
            self.assertClearRefusal("member", "paperless.document.comment", "write",
                                    [note_id], values)
        # Created with a foreign meeting: the note still follows its document.
        sneaky = self.rpc("member", "paperless.document.comment", "create", {
            "document_id": self.document_id, "body": "Sneaky",
            "meeting_id": other_id})
        self.assertEqual(self.sql(
            "SELECT meeting_id FROM paperless_document_comment WHERE id IN %s",
            (tuple([note_id, sneaky]),)), [(self.meeting_id,)] * 2)

    def test_answers_and_attendance_only_through_the_actions(self):
        attendee = [self.attendee_ids["member"]]
        for values in ({"response": "accepted"}, {"attendance": "present"},
                       {"check_in_time": "2026-12-01 01:00:00"}):
            self.assertClearRefusal("member", "paperless.meeting.attendee", "write",
                                    attendee, values)
            self.assertClearRefusal("secretary", "paperless.meeting.attendee",
                                    "write", attendee, values)

    def test_member_marked_absent_cannot_check_in(self):
        attendee = [self.attendee_ids["member"]]
        self.rpc("secretary", "paperless.meeting.attendee", "action_mark_absent",
                 attendee)
        error = self.assertClearRefusal("member", "paperless.meeting.attendee",
                                        "action_check_in", attendee)
        self.assertEqual(error.name, "odoo.exceptions.UserError")
        self.assertEqual(self.sql("SELECT attendance FROM paperless_meeting_attendee"
                                  " WHERE id = %s", tuple(attendee)), [("absent",)])


class TestSecretCounts(RpcCase):
    """The running counts of a secret ballot are unreadable by every path
    until it closes, for every role (the voter rows say who voted when:
    with any running count they would link people to choices)."""

    def test_no_path_reads_running_counts(self):
        self.rpc("member", "paperless.ballot", "cast_vote", [self.ballot_id],
                 self.option_ids[1])
        self.rpc("member2", "paperless.ballot", "cast_vote", [self.ballot_id],
                 self.option_ids[1])
        domain = [("ballot_id", "=", self.ballot_id)]
        for role in ("member", "leader", "secretary"):
            groups = self.rpc(role, "paperless.ballot.option", "read_group",
                              domain, ["vote_count", "name"], ["name"])
            self.assertEqual({row["vote_count"] for row in groups}, {0}, role)
            self.assertEqual(self.rpc(
                role, "paperless.ballot.option", "search_count",
                domain + [("vote_count", ">", 0)]), 0, role)
            ordered = self.rpc(role, "paperless.ballot.option", "search", domain,
                               order="vote_count desc, id")
            self.assertEqual(ordered, sorted(self.option_ids), role)
            rows = self.rpc(role, "paperless.ballot.option", "read",
                            self.option_ids, ["vote_count", "result_count"])
            self.assertEqual({(row["vote_count"], row["result_count"])
                              for row in rows}, {(0, 0)}, role)
            self.assertEqual(self.rpc(role, "paperless.ballot", "live_data",
                                      [self.ballot_id])["options"], [], role)
        # Searching on the displayed count is refused, not a silent leak.
        self.assertClearRefusal("secretary", "paperless.ballot.option", "search",
                                domain + [("result_count", ">", 0)])
        # Once closed the counts are public to those who may read the ballot.
        self.rpc("secretary", "paperless.ballot", "action_close", [self.ballot_id])
        rows = self.rpc("member", "paperless.ballot.option", "read",
                        self.option_ids, ["result_count"])
        self.assertEqual([row["result_count"] for row in rows], [0, 2, 0])

    def test_live_data_needs_a_paperless_group(self):
        self.assertClearRefusal("nogroup", "paperless.ballot", "live_data",
                                [self.ballot_id])
        self.assertClearRefusal("nogroup", "paperless.ballot", "cast_vote",
                                [self.ballot_id], self.option_ids[0])


class TestSeal(RpcCase):

    def close(self):
        self.rpc("member", "paperless.ballot", "cast_vote", [self.ballot_id],
                 self.option_ids[0])
        self.rpc("secretary", "paperless.ballot", "action_close", [self.ballot_id])
        return self.sql("SELECT id, payload, previous_hash FROM paperless_ballot_seal"
                        " WHERE ballot_id = %s", (self.ballot_id,))[0]

    def test_rewriting_a_sealed_tally_in_the_database_is_detected(self):
        seal_id, payload, previous = self.close()
        self.assertTrue(self.rpc("secretary", "paperless.ballot",
                                 "action_verify_seal", [self.ballot_id]))
        intact = self.rpc("secretary", "paperless.ballot", "read", [self.ballot_id],
                          ["seal_check"])[0]["seal_check"]
        # Whoever rewrites the database can recompute a plain hash, but not
        # the keyed digest: the key is in the server configuration.
        forged = json.loads(payload)
        forged["options"][0][2] = 0
        forged["options"][1][2] = 1
        forged_payload = json.dumps(forged, sort_keys=True, ensure_ascii=False)
        self.sql("UPDATE paperless_ballot_seal SET payload = %s, hash = %s"
                 " WHERE id = %s ",
                 (forged_payload, hashlib.sha256(
                     ((previous or "") + forged_payload).encode()).hexdigest(),
                  seal_id))
        self.sql("UPDATE paperless_ballot_option SET vote_count = CASE WHEN id = %s"
                 " THEN 1 ELSE 0 END WHERE ballot_id = %s ",
                 (self.option_ids[1], self.ballot_id))
        error = self.assertClearRefusal("secretary", "paperless.ballot",
                                        "action_verify_seal", [self.ballot_id])
        self.assertEqual(error.name, "odoo.exceptions.UserError")
        check = self.rpc("secretary", "paperless.ballot", "read", [self.ballot_id],
                         ["seal_check"])[0]["seal_check"]
        self.assertNotEqual(check, intact)

    def test_verifying_is_the_office_s_and_names_no_ballot(self):
        self.close()
        self.assertClearRefusal("leader", "paperless.ballot", "action_verify_seal",
                                [self.ballot_id])
        self.sql("UPDATE paperless_ballot_seal SET payload = payload || ' '"
                 " WHERE ballot_id = %s ", (self.ballot_id,))
        error = self.assertClearRefusal("secretary", "paperless.ballot",
                                        "action_verify_seal", [self.ballot_id])
        self.assertNotIn("Adopt the plan", error.message)

    def test_tally_prints_the_chain_head(self):
        self.close()
        head = self.sql("SELECT sequence, hash FROM paperless_ballot_seal"
                        " ORDER BY sequence DESC LIMIT 1")[0]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env.clear()  # the server changed what setUp cached
            html = env.ref("paperless_meeting.report_ballot_result").render_qweb_html(
                [self.ballot_id])[0].decode()
        self.assertIn("Đầu chuỗi niêm phong khi in: số %d: %s" % head, html)


class TestJunkArguments(RpcCase):
    """Wrong types, missing or huge ids and several records where one is
    expected: a clear error each, never a traceback."""

    def test_cast_vote_with_junk(self):
        for option in (None, "abc", [1, 2], {"id": 1}, 10 ** 12, -1, 1.5, True):
            error = self.assertClearRefusal("member", "paperless.ballot",
                                            "cast_vote", [self.ballot_id], option)
            self.assertEqual(error.name, "odoo.exceptions.UserError", option)
        self.assertClearRefusal("member", "paperless.ballot", "cast_vote",
                                [self.ballot_id, self.ballot_id + 1],
                                self.option_ids[0])
        self.assertClearRefusal("member", "paperless.ballot", "cast_vote", [],
                                self.option_ids[0])
        self.assertEqual(self.sql("SELECT count(*) FROM paperless_ballot_voter"
                                  " WHERE ballot_id = %s", (self.ballot_id,)),
                         [(0,)])

    def test_answers_with_junk(self):
        attendee = [self.attendee_ids["member"]]
        for args in ((["a reason"],), ({"x": 1},), (12,)):
            self.assertClearRefusal("member", "paperless.meeting.attendee",
                                    "action_decline", attendee, *args)
        for kwargs in ({"delegate_id": "abc", "reason": "Away"},
                       {"delegate_id": [1], "reason": "Away"},
                       {"delegate_id": 10 ** 12, "reason": "Away"},
                       {"delegate_name": 5, "reason": "Away"},
                       {"reason": "x" * 20000, "delegate_name": "Someone"}):
            self.assertClearRefusal("member", "paperless.meeting.attendee",
                                    "action_delegate", attendee, **kwargs)
        for ids in ([], [self.meeting_id, self.meeting_id + 1]):
            self.assertClearRefusal("member", "paperless.meeting", "action_my_accept",
                                    ids)
        self.assertEqual(self.sql("SELECT response FROM paperless_meeting_attendee"
                                  " WHERE id = %s", tuple(attendee)), [("invited",)])

    def test_single_record_methods_on_empty_and_many(self):
        for model, method in (("paperless.ballot", "live_data"),
                              ("paperless.meeting", "action_my_accept"),
                              ("paperless.meeting", "action_my_check_in"),
                              ("paperless.meeting", "action_my_answer"),
                              ("paperless.meeting", "action_view_documents"),
                              ("paperless.document", "action_open_reader")):
            error = self.assertClearRefusal("secretary", model, method, [])
            self.assertEqual(error.name, "odoo.exceptions.UserError", method)
        self.assertClearRefusal("secretary", "paperless.ballot", "live_data",
                                [self.ballot_id, 10 ** 12])

    def test_missing_and_huge_ids(self):
        for ids in ([10 ** 12], [2 ** 31 - 1]):
            with self.assertRaises(RpcError) as caught:
                self.rpc("secretary", "paperless.ballot", "action_close", ids)
            self.assertIn(caught.exception.name, {
                "odoo.exceptions.MissingError", "odoo.exceptions.UserError",
                "odoo.exceptions.AccessError"})
