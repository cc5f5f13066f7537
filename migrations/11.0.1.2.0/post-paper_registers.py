# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Papers get their numbers from the units' registers.

The letterhead kept in system parameters before becomes the settings of the
units that had none, and the papers of meetings and ballots made before get
their register lines, in the order they were issued, dated the day they
were: a meeting's invitation and agenda on the day it was last written
before the upgrade at the latest, its minutes on its end day, a tally on its
closing day."""
import pytz

from odoo import SUPERUSER_ID, api, fields

PARAMS = {
    "paperless_parent_body": "paperless_meeting.report_parent_body",
    "paperless_symbol": "paperless_meeting.report_body_code",
    "paperless_place": "paperless_meeting.report_place",
}


def _local_day(value, tz):
    moment = pytz.utc.localize(fields.Datetime.from_string(value))
    return fields.Date.to_string(moment.astimezone(tz).date())


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    params = env["ir.config_parameter"]
    for company in env["res.company"].search([]):
        values = {}
        for field, key in PARAMS.items():
            value = params.get_param(key)
            if value and not company[field]:
                values[field] = value
        if values:
            company.write(values)
    tz = pytz.timezone("Asia/Ho_Chi_Minh")
    meetings = env["paperless.meeting"].search(
        [("state", "in", ("scheduled", "in_progress", "done"))],
        order="create_date, id")
    for meeting in meetings:
        scheduled = _local_day(meeting.create_date, tz)
        meeting._paper_issue("invitation", date=scheduled)
        meeting._paper_issue("agenda", date=scheduled)
    for meeting in meetings.filtered(lambda meeting: meeting.state == "done") \
            .sorted(lambda meeting: (meeting.date_end, meeting.id)):
        day = _local_day(meeting.date_end, tz)
        meeting._paper_issue("minutes", date=day)
        meeting._paper_issue("conclusion", date=day)
    ballots = env["paperless.ballot"].search(
        [("state", "=", "closed")], order="date_close, id")
    for ballot in ballots:
        ballot._paper_issue("tally", date=_local_day(
            ballot.date_close or ballot.write_date, tz))
