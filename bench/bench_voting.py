#!/usr/bin/env python3
# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load test of cast_vote against a running server, over XML-RPC.

Creates N voter users, a meeting in progress with all of them present and an
open ballot (as admin), then every voter authenticates and votes from a
thread pool at once. Prints latency percentiles, errors, lost votes (votes
accepted by the server but missing from the counters: must be 0) and the
median cost of a vote divided by the median cost of a trivial
res.partner.write measured in the same run. Cleans up afterwards.

    .venv/bin/python bench/bench_voting.py --url http://127.0.0.1:8069 \\
        --db paperless_demo --voters 500 --threads 64

Not part of the test suite.
"""
import argparse
import statistics
import threading
import time
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor

RETRYABLE = ("could not serialize", "concurrent update", "deadlock detected")


def percentile(values, fraction):
    values = sorted(values)
    if not values:
        return float("nan")
    index = min(len(values) - 1, int(round(fraction * (len(values) - 1))))
    return values[index]


class Client:
    def __init__(self, url, db):
        self.url, self.db = url, db
        self.local = threading.local()

    def proxy(self, service):
        key = "proxy_" + service
        if not hasattr(self.local, key):
            setattr(self.local, key, xmlrpc.client.ServerProxy(
                "%s/xmlrpc/2/%s" % (self.url, service), allow_none=True))
        return getattr(self.local, key)

    def login(self, login, password):
        return self.proxy("common").authenticate(self.db, login, password, {})

    def call(self, uid, password, model, method, *args, **kwargs):
        return self.proxy("object").execute_kw(
            self.db, uid, password, model, method, list(args), kwargs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="paperless_demo")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--voters", type=int, default=500)
    parser.add_argument("--threads", type=int, default=64)
    parser.add_argument("--secret", action="store_true", help="secret ballot")
    parser.add_argument("--spread", type=float, default=0.0,
                        help="arrivals spread evenly over this many seconds "
                        "(0: all at once)")
    parser.add_argument("--warm", type=int, default=1,
                        help="rounds of a trivial call per voter before the "
                        "waves, so that no measured call pays the password "
                        "check (cached per process: use more with --workers)")
    parser.add_argument("--server-log", help="the server's log file: its "
                        "serialization retries are counted")
    args = parser.parse_args()
    client = Client(args.url, args.db)
    admin = client.login(args.login, args.password)
    assert admin, "admin login failed"
    # The voters are kept between runs (creating 500 users takes minutes):
    # run against a copy of the demo database.
    tag = "benchvoter"
    member_group = client.call(admin, args.password, "ir.model.data", "xmlid_to_res_id",
                               "paperless_meeting.group_paperless_member")
    existing = {row["login"]: row["id"] for row in client.call(
        admin, args.password, "res.users", "search_read",
        [("login", "=like", tag + "_%")], ["login"])}
    print("voters: %d to create ..." % (args.voters - len(existing)))
    user_ids = []
    for index in range(args.voters):
        login = "%s_%d" % (tag, index)
        user_ids.append(existing.get(login) or client.call(
            admin, args.password, "res.users", "create", {
                "name": "Bench voter %d" % index, "login": login,
                "password": login, "groups_id": [(6, 0, [member_group])],
            }, context={"no_reset_password": True}))
    ctx = {"tracking_disable": True, "mail_create_nolog": True}
    meeting_id = client.call(admin, args.password, "paperless.meeting", "create", {
        "name": "Bench %d" % time.time(), "date_start": "2026-12-01 01:30:00",
        "date_end": "2026-12-01 04:30:00", "chair_id": user_ids[0],
        "location": "Bench room", "agenda_item_ids": [(0, 0, {"name": "Bench"})],
        "attendee_ids": [(0, 0, {"user_id": uid,
                                 "role": "chair" if uid == user_ids[0] else "member"})
                         for uid in user_ids],
    }, context=ctx)
    # Through the workflow, as the office would: schedule, start, check in.
    client.call(admin, args.password, "paperless.meeting", "action_schedule",
                [meeting_id], context=ctx)
    client.call(admin, args.password, "paperless.meeting", "action_start",
                [meeting_id], context=dict(ctx, paperless_start_confirmed=True))
    attendee_ids = client.call(admin, args.password, "paperless.meeting.attendee",
                               "search", [("meeting_id", "=", meeting_id)])
    client.call(admin, args.password, "paperless.meeting.attendee",
                "action_mark_present", attendee_ids, context=ctx)
    ballot_id = client.call(admin, args.password, "paperless.ballot", "create", {
        "name": "Bench ballot", "meeting_id": meeting_id, "secret": args.secret})
    client.call(admin, args.password, "paperless.ballot", "action_open", [ballot_id])
    option_ids = client.call(admin, args.password, "paperless.ballot.option", "search",
                             [("ballot_id", "=", ballot_id)])
    partner_ids = client.call(admin, args.password, "res.users", "read", user_ids,
                              ["partner_id"])
    partner_ids = [row["partner_id"][0] for row in partner_ids]

    print("authenticating ...")
    with ThreadPoolExecutor(args.threads) as pool:
        uids = list(pool.map(lambda index: client.login(
            "%s_%d" % (tag, index), "%s_%d" % (tag, index)), range(args.voters)))
    assert all(uids), "a voter could not log in"
    # Each server process checks a password once (pbkdf2) and caches it: the
    # baseline (admin) never pays it, so the voters pay it here, unmeasured.
    with ThreadPoolExecutor(args.threads) as pool:
        list(pool.map(lambda index: client.call(
            uids[index], "%s_%d" % (tag, index), "res.users", "context_get"),
            [index for _round in range(args.warm) for index in range(args.voters)]))

    def timed(function):
        retries = 0
        while True:
            start = time.perf_counter()
            try:
                function()
                return time.perf_counter() - start, retries, None
            except xmlrpc.client.Fault as fault:
                if any(text in fault.faultString for text in RETRYABLE) and retries < 5:
                    retries += 1
                    continue
                return time.perf_counter() - start, retries, fault.faultString[-200:]

    def arrive(index, start):
        # With --spread, voter ``index`` arrives at its own moment.
        if args.spread:
            delay = start + index * args.spread / args.voters - time.perf_counter()
            if delay > 0:
                time.sleep(delay)

    def write_partner(index, start):
        arrive(index, start)
        password = "%s_%d" % (tag, index)
        return timed(lambda: client.call(admin, args.password, "res.partner",
                                         "write", [partner_ids[index]],
                                         {"comment": password}))

    def vote(index, start):
        arrive(index, start)
        password = "%s_%d" % (tag, index)
        option = option_ids[index % len(option_ids)]
        return timed(lambda: client.call(uids[index], password, "paperless.ballot",
                                         "cast_vote", [ballot_id], option))

    def wave(function):
        threads = args.voters if args.spread else args.threads
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            rows = list(pool.map(lambda index: function(index, started),
                                 range(args.voters)))
        return rows, time.perf_counter() - started

    log_before = server_retries(args.server_log)
    print("baseline: %d res.partner.write (each voter its own partner) ..."
          % args.voters)
    baseline, base_elapsed = wave(write_partner)
    print("voting: %d cast_vote ..." % args.voters)
    votes, elapsed = wave(vote)
    retries_server = server_retries(args.server_log) - log_before

    accepted = [row for row in votes if row[2] is None]
    errors = [row[2] for row in votes if row[2] is not None]
    # Close first: the running counts become the options' final counts.
    client.call(admin, args.password, "paperless.ballot", "action_close", [ballot_id])
    state = client.call(admin, args.password, "paperless.ballot", "read", [ballot_id],
                        ["vote_total"])[0]
    counts = client.call(admin, args.password, "paperless.ballot.option", "read",
                         option_ids, ["vote_count"])
    counted = sum(row["vote_count"] for row in counts)
    voters = client.call(admin, args.password, "paperless.ballot.voter", "search_count",
                         [("ballot_id", "=", ballot_id)])
    lost = len(accepted) - counted
    latencies = [row[0] * 1000 for row in votes]
    base = [row[0] * 1000 for row in baseline]
    print("\n== %d voters, %s, %s ballot ==" % (
        args.voters, "arrivals over %.0f s" % args.spread if args.spread
        else "%d client threads at once" % args.threads,
        "secret" if args.secret else "named"))
    print("wave: votes %.2f s, partner writes %.2f s, ratio %.2f" % (
        elapsed, base_elapsed, elapsed / base_elapsed))
    print("cast_vote ms      p50 %.0f  p95 %.0f  p99 %.0f  max %.0f" % (
        percentile(latencies, .5), percentile(latencies, .95),
        percentile(latencies, .99), max(latencies)))
    print("partner.write ms  p50 %.0f  p95 %.0f  p99 %.0f" % (
        percentile(base, .5), percentile(base, .95), percentile(base, .99)))
    print("accepted %d, errors %d, client retries %d, server retries %s, "
          "counted %d, vote_total %d, voter rows %d" % (
              len(accepted), len(errors), sum(row[1] for row in votes),
              retries_server if args.server_log else "n/a", counted,
              state["vote_total"], voters))
    print("LOST VOTES: %d (counted but answered with an error: %d)" % (
        max(lost, 0), max(-lost, 0)))
    print("median vote / median partner.write: %.2f" % (
        statistics.median(latencies) / statistics.median(base)))
    for error in errors[:3]:
        print("error:", error)

    print("cleaning up ...")
    cleanup(args, meeting_id)
    return 1 if lost or errors else 0


def server_retries(path):
    """Serialization retries Odoo's RPC layer logged so far."""
    if not path:
        return 0
    with open(path, errors="replace") as log:
        return sum(", retry " in line for line in log)


def cleanup(args, meeting_id):
    """Remove the run's meeting, straight in the database (the seal chain
    is append-only, so the bench's own seal is removed with its ballot);
    the voters stay for the next run."""
    import subprocess
    sql = """
        BEGIN;
        UPDATE paperless_ballot SET seal_id = NULL WHERE meeting_id = {m};
        DELETE FROM paperless_ballot_seal WHERE ballot_id IN
            (SELECT id FROM paperless_ballot WHERE meeting_id = {m});
        DELETE FROM paperless_paper WHERE meeting_id = {m};
        DELETE FROM paperless_meeting WHERE id = {m};
        DELETE FROM mail_message WHERE model = 'paperless.ballot'
            AND res_id NOT IN (SELECT id FROM paperless_ballot);
        DELETE FROM bus_bus WHERE channel LIKE '%"paperless.ballot.live"%';
        COMMIT;
    """.format(m=int(meeting_id))
    subprocess.run(["psql", "-q", "-d", args.db, "-c", sql], check=True)


if __name__ == "__main__":
    raise SystemExit(main())
