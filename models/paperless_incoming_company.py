# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


class ResCompany(models.Model):
    """A unit's working days (its ``resource.calendar``: weekdays and
    public holidays), the e-mail address its incoming documents arrive at,
    and the limits of its level for petitions in the Party regime."""

    _inherit = "res.company"

    paperless_incoming_alias_id = fields.Many2one(
        "mail.alias", string="Incoming Documents Alias", ondelete="restrict",
        readonly=True, copy=False)
    paperless_incoming_alias_name = fields.Char(
        string="Incoming Documents E-mail",
        compute="_compute_paperless_incoming_alias_name",
        inverse="_inverse_paperless_incoming_alias_name",
        help="The part before @ of the address where documents sent to this "
        "unit arrive: each e-mail becomes a draft incoming document with its "
        "attachments.")

    # Quy định 296-QĐ/TW sets the limits per level of the Party body; the
    # defaults are the grassroots level's (90 working days, one extension
    # of up to 30).
    paperless_party_denunciation_days = fields.Integer(
        string="Party Regime: Days to Decide a Denunciation", default=90,
        help="Working days from receipt, as Quy định 296-QĐ/TW sets them "
        "for this unit's level.")
    paperless_party_complaint_days = fields.Integer(
        string="Party Regime: Days to Decide a Complaint", default=90,
        help="Working days from receipt for a complaint about Party "
        "discipline, as Quy định 296-QĐ/TW sets them for this unit's level.")
    paperless_party_extension_days = fields.Integer(
        string="Party Regime: Longest Extension", default=30,
        help="Working days one extension may add (0: no extension).")

    _sql_constraints = [
        ("paperless_party_days_positive",
         "CHECK(paperless_party_denunciation_days > 0 "
         "AND paperless_party_complaint_days > 0 "
         "AND paperless_party_extension_days >= 0)",
         "The limits of the Party regime are positive numbers of days."),
    ]

    @api.depends("paperless_incoming_alias_id.alias_name")
    def _compute_paperless_incoming_alias_name(self):
        for company in self:
            # sudo: the alias is technical; its name is the unit's setting.
            company.paperless_incoming_alias_name = \
                company.sudo().paperless_incoming_alias_id.alias_name

    def _inverse_paperless_incoming_alias_name(self):
        model = self.env["ir.model"]._get("paperless.incoming.document")
        for company in self:
            name = (company.paperless_incoming_alias_name or "").strip() or False
            # sudo: only who may write the unit gets here; aliases are
            # technical records of the mail gateway.
            alias = company.sudo().paperless_incoming_alias_id
            if alias:
                alias.write({"alias_name": name})
            elif name:
                # sudo: the unit's alias is technical (mail.alias); the
                # administrator sets its name on the unit's form.
                alias = self.env["mail.alias"].sudo().create({
                    "alias_name": name, "alias_model_id": model.id,
                    "alias_defaults": repr({"company_id": company.id}),
                    "alias_contact": "everyone"})
                # sudo: linking the unit's alias created just above.
                company.sudo().write({"paperless_incoming_alias_id": alias.id})

    @api.multi
    def _paperless_holidays(self, start, end):
        """The dates from ``start`` to ``end`` on which the unit's calendar
        has a leave for everyone (public holidays, the Tết break)."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar:
            return set()
        # sudo: the unit's calendar, read to count days, not shown.
        leaves = self.env["resource.calendar.leaves"].sudo().search([
            ("calendar_id", "=", calendar.id), ("resource_id", "=", False),
            ("date_from", "<=", fields.Datetime.to_string(
                datetime.combine(end, datetime.max.time()))),
            ("date_to", ">=", fields.Datetime.to_string(
                datetime.combine(start, datetime.min.time()) - timedelta(days=1))),
        ])
        days = set()
        for leave in leaves:
            tz = pytz.timezone(leave.tz or DEFAULT_TZ)
            first, last = (
                pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(
                    tz).date() for value in (leave.date_from, leave.date_to))
            while first <= last:
                days.add(first)
                first += timedelta(days=1)
        return days

    @api.multi
    def _paperless_add_working_days(self, start, days):
        """The date ``days`` working days after ``start`` (a date or its
        string): the count starts the day after, skipping the weekdays the
        unit's calendar does not work and its public holidays."""
        self.ensure_one()
        if isinstance(start, str):
            start = fields.Date.from_string(start)
        calendar = self.resource_calendar_id
        weekdays = set(calendar._get_weekdays()) if calendar \
            and calendar.attendance_ids else {0, 1, 2, 3, 4}
        # Enough room for weekends and the longest holidays.
        holidays = self._paperless_holidays(start, start + timedelta(
            days=days * 2 + 30))
        day, counted = start, 0
        while counted < days:
            day += timedelta(days=1)
            if day.weekday() in weekdays and day not in holidays:
                counted += 1
        return day

    @api.multi
    def _paperless_working_days_between(self, start, end):
        """Working days after ``start`` up to ``end`` included."""
        self.ensure_one()
        start, end = (fields.Date.from_string(value) if isinstance(value, str)
                      else value for value in (start, end))
        calendar = self.resource_calendar_id
        weekdays = set(calendar._get_weekdays()) if calendar \
            and calendar.attendance_ids else {0, 1, 2, 3, 4}
        holidays = self._paperless_holidays(start, end)
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if day.weekday() in weekdays and day not in holidays:
                count += 1
        return count
