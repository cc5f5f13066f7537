"""Printing N invitations in one batch against N single prints.

Run inside an Odoo shell on a database with the addon (demo data), with a
server answering on report.url for the report styles:

    N=10 tools/odoo shell -c .odoo.conf -d pm_wt3 --no-http < bench/print_bench.py

Creates a meeting with N invitees, prints, and rolls everything back.
"""
import os
import time

from odoo.addons.paperless_meeting.tests.common import create_user, meeting_values

count = int(os.environ.get("N", "10"))
env = env(user=1)  # noqa: F821 (the shell's environment)
secretary = env.ref("paperless_meeting.user_secretary_demo")
leader = env.ref("paperless_meeting.user_leader_demo")
users = env["res.users"]
for number in range(count):
    users |= create_user(env, "bench_invitee_%d" % number, "member",
                         name="Nguyễn Văn Bench %d" % number)
# No chatter: the demo users have no e-mail address to post from.
meeting = env["paperless.meeting"].with_context(
    tracking_disable=True, mail_create_nolog=True, mail_notrack=True,
).create(meeting_values(
    env, leader, secretary, users, name="Bench meeting"))
meeting.write({"state": "scheduled", "reference": "BENCH"})
attendees = meeting.attendee_ids
report = env.ref("paperless_meeting.report_meeting_invitation").sudo(secretary)
report.render_qweb_pdf(attendees[:1].ids)  # warm assets and templates

start = time.perf_counter()
batch = report.render_qweb_pdf(attendees.ids)[0]
batch_s = time.perf_counter() - start
start = time.perf_counter()
singles = [report.render_qweb_pdf([attendee_id])[0] for attendee_id in attendees.ids]
singles_s = time.perf_counter() - start
print("invitations=%d" % len(attendees))
print("one batch   : %.2f s (%d KB)" % (batch_s, len(batch) // 1024))
print("single each : %.2f s (%d KB in total)"
      % (singles_s, sum(len(pdf) for pdf in singles) // 1024))
print("batch is %.1fx faster" % (singles_s / batch_s))
env.cr.rollback()
