# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The leaders' work calendar (lịch công tác): one read-only row per meeting
(scheduled, running or done) and per calendar event organised by a leader
that is not a meeting's own invitation. Record rules decide who sees which
row: a member their invitations and the leaders' public events of their
units, a leader also what they chair or organise, the office its units."""
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools


class PaperlessWorkCalendarEntry(models.Model):
    _name = "paperless.work.calendar.entry"
    _description = "Work Calendar Entry"
    _auto = False
    _order = "date_start, id"

    kind = fields.Selection([("meeting", "Meeting"), ("event", "Event")],
                            readonly=True)
    name = fields.Char(string="Subject", readonly=True)
    date_start = fields.Datetime(string="Start", readonly=True)
    date_stop = fields.Datetime(string="End", readonly=True)
    allday = fields.Boolean(string="All Day", readonly=True)
    location = fields.Char(readonly=True)
    leader_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", string="Unit", readonly=True)
    meeting_id = fields.Many2one("paperless.meeting", readonly=True)
    event_id = fields.Many2one("calendar.event", readonly=True)
    privacy = fields.Selection([("public", "Everyone"),
                                ("confidential", "Only internal users")],
                               readonly=True)

    @api.model_cr
    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Leaders are the users in the leader group (managers hold it too:
        # Odoo stores implied groups on the user). Private events stay with
        # their attendees; a meeting's own event is the meeting's row.
        self.env.cr.execute("""
            CREATE VIEW paperless_work_calendar_entry AS (
                SELECT m.id * 2 AS id, 'meeting' AS kind, m.name,
                       m.date_start, coalesce(m.date_end, m.date_start) AS date_stop,
                       false AS allday, m.location, m.chair_id AS leader_id,
                       m.company_id, m.id AS meeting_id, NULL::integer AS event_id,
                       NULL::varchar AS privacy
                FROM paperless_meeting m
                WHERE m.state IN ('scheduled', 'in_progress', 'done')
                UNION ALL
                SELECT e.id * 2 + 1, 'event', e.name, e.start, e.stop, e.allday,
                       e.location, e.user_id, u.company_id, NULL, e.id, e.privacy
                FROM calendar_event e
                JOIN res_users u ON u.id = e.user_id
                WHERE e.active AND e.paperless_meeting_id IS NULL
                  AND coalesce(e.privacy, 'public') != 'private'
                  AND NOT EXISTS (SELECT 1 FROM paperless_meeting pm
                                  WHERE pm.calendar_event_id = e.id)
                  AND EXISTS (
                      SELECT 1 FROM res_groups_users_rel r
                      JOIN ir_model_data d ON d.model = 'res.groups'
                           AND d.res_id = r.gid
                      WHERE r.uid = e.user_id AND d.module = 'paperless_meeting'
                        AND d.name = 'group_paperless_leader')
            )""")

    @api.model
    def _week_start(self, day=None):
        """The Monday of the week of ``day`` (a date or ``YYYY-MM-DD``; today
        in the user's time zone by default)."""
        if not day:
            day = fields.Date.context_today(self)
        if isinstance(day, str):
            day = fields.Date.from_string(day)
        return day - timedelta(days=day.weekday())

    @api.model
    def _week_days(self, week_start, domain=None):
        """The seven days of the week starting ``week_start`` (a Monday), each
        ``{"date": date, "entries": recordset}``, read with the user's own
        rules (and ``domain``), in the user's time zone (Vietnam's by
        default)."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz
                           or "Asia/Ho_Chi_Minh")
        start = tz.localize(datetime.combine(week_start, time.min))
        end = start + timedelta(days=7)
        entries = self.search(list(domain or []) + [
            ("date_start", "<", fields.Datetime.to_string(
                end.astimezone(pytz.utc).replace(tzinfo=None))),
            ("date_stop", ">=", fields.Datetime.to_string(
                start.astimezone(pytz.utc).replace(tzinfo=None))),
        ], order="date_start, id")
        days = [{"date": week_start + timedelta(days=offset),
                 "entries": self.browse()} for offset in range(7)]
        for entry in entries:
            local = pytz.utc.localize(fields.Datetime.from_string(
                entry.date_start)).astimezone(tz)
            index = (local.date() - week_start).days
            days[max(0, min(index, 6))]["entries"] |= entry
        return days

    @api.multi
    def _local_time(self, value):
        """``HH:MM`` of a UTC datetime string in the user's time zone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz
                           or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(fields.Datetime.from_string(value)) \
            .astimezone(tz).strftime("%H:%M")
