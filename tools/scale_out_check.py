"""Two Odoo servers on one PostgreSQL serve the same meeting room.

Run by tools/test.sh on the installed test database (a copy is used):

    .venv/bin/python tools/scale_out_check.py DB

Both servers run deploy/odoo.conf (prefork workers, the bus on the
long-polling port, the addon loaded server-wide), with this checkout's
paths, ports and secrets, on the same database and the same data_dir
(filestore and sessions). Checked, over HTTP/JSON-RPC only:

* a session opened on one server is valid on the other (shared sessions);
* members vote at the same time, each through either server: the tally
  counts every vote exactly once;
* a live-result message of a vote taken by server A reaches the office
  long-polling on server B, and the final count too.

Prints "[scale-out] ok" or "[scale-out] FAILED: ..." and exits 0/1.
"""
import configparser
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(ROOT, ".data")
VOTERS = 14
# Votes per option index, in voter order: 0 for, 1 against, 2 abstain.
CHOICES = [index % 3 if index % 5 else 0 for index in range(VOTERS)]

SETUP = """
import json
from datetime import datetime, timedelta
from odoo import fields
members = env["res.users"]
Users = env["res.users"].with_context(no_reset_password=True)
member_group = env.ref("paperless_meeting.group_paperless_member")
for number in range(%(voters)d):
    login = "scale_member_%%02d" %% number
    members |= Users.create({
        "name": "Scale Member %%02d" %% number, "login": login, "password": login,
        "lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh",
        "groups_id": [(6, 0, [member_group.id])]})
leader = env.ref("paperless_meeting.user_leader_demo")
secretary = env.ref("paperless_meeting.user_secretary_demo")
now = datetime.utcnow()
start = fields.Datetime.to_string(now - timedelta(minutes=5))
end = fields.Datetime.to_string(now + timedelta(hours=2))
meeting = env["paperless.meeting"].with_context(
    paperless_start_confirmed=True).create({
    "name": "Scale-out check", "kind": "standing_committee",
    "date_start": start, "date_end": end, "location": "Room 1",
    "chair_id": leader.id, "secretary_id": secretary.id,
    "agenda_item_ids": [(0, 0, {"name": "Resolution", "sequence": 1})],
    "attendee_ids": [(0, 0, {"user_id": user.id, "role": "member"})
                     for user in members]})
meeting.action_schedule()
meeting.action_start()
meeting.attendee_ids.filtered(lambda a: a.user_id in members).action_mark_present()
ballot = env["paperless.ballot"].create({
    "name": "Scale-out resolution", "meeting_id": meeting.id,
    "agenda_item_id": meeting.agenda_item_ids[0].id})
ballot.action_open()
env.cr.commit()
print("SETUP " + json.dumps({"ballot": ballot.id,
                             "options": ballot.option_ids.sorted("sequence").ids}))
"""


class CheckFailed(Exception):
    pass


def note(message):
    print("[scale-out] %s" % message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_environment():
    """tools/env.sh's environment: wkhtmltopdf and lessc found, no PG*."""
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    env["PATH"] = os.path.join(ROOT, ".tools", "wkhtmltox", "bin") + ":" + env["PATH"]
    for name in ("HOST", "PORT", "PGHOST", "PGPORT"):
        env.pop(name, None)
    return env


def run(*args, **kwargs):
    return subprocess.run(args, check=True, cwd=ROOT, **kwargs)


class Server:
    """One Odoo server from deploy/odoo.conf, on its own ports."""

    def __init__(self, name, db, dev_conf, work):
        self.name, self.db = name, db
        self.http_port, self.poll_port = free_port(), free_port()
        self.log = os.path.join(work, "odoo-%s.log" % name)
        self.conf = os.path.join(work, "odoo-%s.conf" % name)
        sample = configparser.RawConfigParser()
        sample.read(os.path.join(ROOT, "deploy", "odoo.conf"))
        options = sample["options"]
        dev = dev_conf["options"]
        for key in ("addons_path", "data_dir", "db_host", "db_port", "db_user",
                    "db_password", "admin_passwd", "paperless_seal_key"):
            options[key] = dev.get(key, "False")
        options.update({
            "db_name": db, "dbfilter": "^%s$" % db, "db_sslmode": "disable",
            "http_port": str(self.http_port),
            "longpolling_port": str(self.poll_port), "logfile": self.log,
            # Two servers on a 2-core test machine; the office's is bigger.
            "workers": "2", "max_cron_threads": "0",
            # Plain HTTP here: a Secure cookie would never come back.
            "paperless_cookie_secure": "False",
        })
        with open(self.conf, "w") as handle:
            sample.write(handle)
        # Prefork spawns its long-polling process as ``sys.argv[0] gevent``:
        # Odoo must be started from a script file (as odoo-bin), not with
        # ``python -c`` as tools/odoo does.
        self.launcher = os.path.join(work, "odoo-bin")
        with open(self.launcher, "w") as handle:
            handle.write("import sys\nimport odoo.cli\nsys.exit(odoo.cli.main())\n")
        self.process = None
        self.base = "http://127.0.0.1:%d" % self.http_port
        self.poll_base = "http://127.0.0.1:%d" % self.poll_port

    def start(self):
        self.process = subprocess.Popen(
            [os.path.join(ROOT, ".venv", "bin", "python"), self.launcher,
             "-c", self.conf], cwd=ROOT, env=odoo_environment(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)

    def wait_ready(self, timeout=120):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise CheckFailed("server %s exited (see %s)" % (self.name, self.log))
            try:
                if requests.get(self.base + "/web/login", timeout=30).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        raise CheckFailed("server %s did not answer in %d s" % (self.name, timeout))

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def errors(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8", errors="replace") as handle:
            return [line.rstrip() for line in handle
                    if " ERROR " in line or " CRITICAL " in line]


def rpc(session, url, params, timeout=60):
    reply = session.post(url, json={"jsonrpc": "2.0", "method": "call",
                                    "params": params}, timeout=timeout).json()
    if "error" in reply:
        raise CheckFailed("%s: %s" % (url, reply["error"].get("data", reply["error"])
                                      .get("message", reply["error"])))
    return reply["result"]


def login(server, db, user):
    session = requests.Session()
    uid = rpc(session, server.base + "/web/session/authenticate",
              {"db": db, "login": user, "password": user})["uid"]
    if not uid:
        raise CheckFailed("%s could not log in on %s" % (user, server.name))
    return session


def call(server, session, method, args):
    return rpc(session, server.base + "/web/dataset/call_kw", {
        "model": "paperless.ballot", "method": method, "args": args,
        "kwargs": {"context": {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}}})


class LivePoller:
    """The office long-polling one server's bus for a ballot's live channel,
    as the ballot's live panel does."""

    def __init__(self, server, session, ballot_id):
        self.server, self.session, self.ballot_id = server, session, ballot_id
        self.last = 0
        self.seen = []

    def wait_for(self, predicate, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            for payload in self.seen:
                if predicate(payload):
                    return payload
            messages = rpc(self.session, self.server.poll_base + "/longpolling/poll",
                           {"channels": [], "last": self.last, "options": {}},
                           timeout=70)
            for message in messages:
                self.last = max(self.last, message["id"])
                payload = message["message"]
                if (isinstance(payload, dict)
                        and payload.get("type") == "paperless.ballot.live"
                        and payload.get("ballot_id") == self.ballot_id):
                    self.seen.append(payload)
        raise CheckFailed("no live message on %s in %d s (seen: %s)"
                          % (self.server.name, timeout, self.seen))


def counts(payload):
    return [option["count"] for option in payload["options"]]


def check(db, work):
    dev_conf = configparser.RawConfigParser()
    dev_conf.read(os.path.join(ROOT, ".odoo.conf"))
    note("setting up a meeting in progress with %d voters and an open ballot" % VOTERS)
    out = subprocess.run(
        [os.path.join(ROOT, "tools", "odoo"), "shell", "-c",
         os.path.join(ROOT, ".odoo.conf"), "-d", db, "--no-http",
         "--log-level=warn"], input=(SETUP % {"voters": VOTERS}).encode(),
        stdout=subprocess.PIPE, check=True, cwd=ROOT).stdout.decode()
    setup = json.loads(next(line[6:] for line in out.splitlines()
                            if line.startswith("SETUP ")))
    ballot_id, options = setup["ballot"], setup["options"]
    servers = [Server("a", db, dev_conf, work), Server("b", db, dev_conf, work)]
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        a, b = servers
        note("servers a (%s) and b (%s) up on %s" % (a.base, b.base, db))

        # The office follows the ballot live on server b.
        office = login(b, db, "secretary")
        poller = LivePoller(b, office, ballot_id)

        # Voter 0 logs in on b and votes through a: one session store.
        first = login(b, db, "scale_member_00")
        call(a, first, "cast_vote", [[ballot_id], options[CHOICES[0]]])
        payload = poller.wait_for(lambda p: p["vote_total"] >= 1)
        if payload["vote_total"] != 1:
            raise CheckFailed("live message on b: %s" % payload)
        note("a vote taken by a reached the office polling b: %s" % counts(payload))

        def vote(index):
            entry, through = servers[index % 2], servers[(index // 2) % 2]
            session = login(entry, db, "scale_member_%02d" % index)
            return call(through, session, "cast_vote",
                        [[ballot_id], options[CHOICES[index]]])

        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(vote, range(1, VOTERS)))
        expected = [CHOICES.count(index) for index in range(len(options))]
        for server in servers:
            data = call(server, login(server, db, "secretary"), "live_data",
                        [[ballot_id]])
            if counts(data) != expected or data["vote_total"] != VOTERS:
                raise CheckFailed("tally on %s: %s (total %s), expected %s (total %d)"
                                  % (server.name, counts(data), data["vote_total"],
                                     expected, VOTERS))
        note("%d votes through both servers at once, tally exact on both: %s"
             % (VOTERS, expected))
        payload = poller.wait_for(lambda p: p["vote_total"] == VOTERS)
        if counts(payload) != expected:
            raise CheckFailed("last live message on b: %s" % payload)
        note("the final count reached the office on b live: %s" % counts(payload))
    finally:
        for server in servers:
            server.stop()
    errors = [line for server in servers for line in server.errors()]
    if errors:
        raise CheckFailed("ERROR/CRITICAL in the servers' logs:\n" + "\n".join(errors))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    source = sys.argv[1]
    db = "pm_scale_%d" % os.getpid()
    work = tempfile.mkdtemp(prefix="pm-scale-")
    started = time.time()
    try:
        run("createdb", "-T", source, db)
        filestore = os.path.join(DATA_DIR, "filestore")
        if os.path.isdir(os.path.join(filestore, source)):
            run("cp", "-a", os.path.join(filestore, source),
                os.path.join(filestore, db))
        check(db, work)
    except (CheckFailed, subprocess.CalledProcessError,
            requests.RequestException) as error:
        for name in sorted(os.listdir(work)):
            if name.endswith(".log"):
                with open(os.path.join(work, name), errors="replace") as handle:
                    note("last lines of %s:\n%s" % (name, "".join(
                        handle.readlines()[-25:])))
        note("FAILED: %s" % error)
        return 1
    finally:
        subprocess.run(["dropdb", "--if-exists", db], cwd=ROOT, check=False)
        subprocess.run(["rm", "-rf", os.path.join(DATA_DIR, "filestore", db), work],
                       check=False)
    note("ok (%d s)" % (time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
