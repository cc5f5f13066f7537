# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz
from babel.dates import format_date

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext

from .paperless_lock_mixin import CHATTER_FIELDS
from .paperless_meeting_attendee import RESPONSES
from .paperless_paper import CONFIDENTIALITY, URGENCY

LOCKED_STATES = ("done", "cancelled")
# The official papers are Vietnamese administrative documents whatever the
# reader's language: their fixed wording is not translated.
REPORT_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu",
                   "Thứ Bảy", "Chủ nhật")
REPORT_LABELS = {
    "role": {"chair": "Chủ trì", "member": "Thành viên", "secretary": "Thư ký",
             "guest": "Khách mời"},
    "response": {"invited": "Chưa trả lời", "accepted": "Dự",
                 "declined": "Vắng có lý do", "delegated": "Cử người dự thay"},
    "attendance": {"unknown": "Chưa điểm danh", "present": "Có mặt",
                   "absent": "Vắng", "excused": "Vắng có lý do",
                   "substitute": "Người dự thay có mặt"},
}
# Fields whose change must reach the calendar event of a scheduled meeting.
CALENDAR_FIELDS = {
    "name", "date_start", "date_end", "location", "online_url",
    "description", "attendee_ids", "chair_id", "secretary_id",
}
# Starting a meeting more than this many hours before its planned start is
# most likely a slip of the finger: action_start asks for a confirmation.
START_EARLY_HOURS = 2


class PaperlessMeeting(models.Model):
    _name = "paperless.meeting"
    _description = "Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "paperless.lock.mixin",
                "paperless.paper.mixin"]
    _order = "date_start desc, id desc"
    _lock_states = LOCKED_STATES
    _lock_exempt_fields = CHATTER_FIELDS + ("color",)
    _lock_system_fields = ("state", "reference", "calendar_event_id")

    name = fields.Char(
        string="Title", required=True, track_visibility="onchange",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]},
    )
    reference = fields.Char(
        readonly=True, copy=False, index=True,
        help="The meeting's own reference, drawn when it is scheduled. Each "
        "official paper draws its number from the unit's register.",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY, string="Secrecy", required=True, default="normal",
        track_visibility="onchange",
        help="Printed as a mark (Mật, Tối mật…) on the meeting's papers.",
    )
    urgency = fields.Selection(
        URGENCY, required=True, default="normal", track_visibility="onchange",
        help="Printed as a mark (Khẩn, Thượng khẩn…) on the meeting's papers.",
    )
    # The registers are the office's: members never read them.
    paper_ids = fields.One2many(
        "paperless.paper", "meeting_id", string="Issued Papers", readonly=True,
        groups="paperless_meeting.group_paperless_secretary",
    )
    kind = fields.Selection(
        [
            ("executive_committee", "Executive Committee Conference"),
            ("standing_committee", "Standing Committee Meeting"),
            ("standing_board", "Standing Board Meeting"),
            ("unit", "Unit Meeting"),
            ("other", "Other"),
        ],
        required=True, default="standing_committee",
    )
    date_start = fields.Datetime(
        string="Start", required=True, track_visibility="onchange",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]},
    )
    date_end = fields.Datetime(
        string="End", required=True, track_visibility="onchange",
        states={"done": [("readonly", True)], "cancelled": [("readonly", True)]},
    )
    location = fields.Char(string="Room", track_visibility="onchange")
    online_url = fields.Char(string="Online Link")
    chair_id = fields.Many2one(
        "res.users", track_visibility="onchange",
        ondelete="restrict", index=True,
    )
    secretary_id = fields.Many2one(
        "res.users", track_visibility="onchange",
        ondelete="restrict", index=True,
        default=lambda self: self._default_secretary_id(),
    )
    unit_id = fields.Many2one(
        "res.partner", string="Organising Unit",
        domain=[("is_company", "=", True)],
    )
    # The unit (an Odoo company) that holds the meeting: its office manages it.
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id,
    )
    description = fields.Html()
    agenda_item_ids = fields.One2many(
        "paperless.agenda.item", "meeting_id", string="Agenda", copy=True,
    )
    attendee_ids = fields.One2many(
        "paperless.meeting.attendee", "meeting_id", copy=True,
    )
    document_ids = fields.One2many(
        "paperless.document", "meeting_id", )
    ballot_ids = fields.One2many(
        "paperless.ballot", "meeting_id", string="Ballots", )
    # Voting (issue #10): the body whose roster is the base of the ballots.
    body_id = fields.Many2one(
        "paperless.body", string="Leadership Body", ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="The body meeting: its sitting members on the day a ballot opens "
        "are the base of \"all members\", whoever is invited.",
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", readonly=True, copy=False,
        ondelete="set null",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("scheduled", "Scheduled"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status", required=True, readonly=True, copy=False,
        default="draft", index=True, track_visibility="onchange",
        group_expand="_expand_states",
    )
    attendee_count = fields.Integer(compute="_compute_counts", string="Invitees")
    present_count = fields.Integer(compute="_compute_counts", string="Present")
    document_count = fields.Integer(compute="_compute_counts")
    my_attendee_id = fields.Many2one(
        "paperless.meeting.attendee", compute="_compute_my_attendee_id",
        string="My Invitation",
    )
    my_response = fields.Selection(
        RESPONSES, compute="_compute_my_attendee_id",
    )
    color = fields.Integer(string="Color Index")

    # Back office display (see "Back office display" below).
    date_display = fields.Char(
        string="When", compute="_compute_date_display",
        help="Weekday, date and hours in the reader's language and time zone, "
        "e.g. \"Thứ Bảy, 19/12/2026, 08:00–10:00\".",
    )

    @api.model
    def _default_secretary_id(self):
        if self.env.user.has_group("paperless_meeting.group_paperless_secretary"):
            return self.env.user
        return False

    @api.depends("attendee_ids.attendance", "document_ids")
    def _compute_counts(self):
        for meeting in self:
            meeting.attendee_count = len(meeting.attendee_ids)
            meeting.present_count = len(meeting.attendee_ids.filtered(
                lambda attendee: attendee.attendance == "present"))
            meeting.document_count = len(meeting.document_ids)

    @api.depends("attendee_ids.user_id", "attendee_ids.response")
    def _compute_my_attendee_id(self):
        for meeting in self:
            mine = meeting.attendee_ids.filtered(
                lambda attendee: attendee.user_id == self.env.user)[:1]
            meeting.my_attendee_id = mine
            meeting.my_response = mine.response

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for meeting in self:
            if meeting.date_start and meeting.date_end \
                    and meeting.date_end <= meeting.date_start:
                raise ValidationError(_(
                    "The meeting \"%(name)s\" must end after it starts.")
                    % {"name": meeting.name})

    @api.constrains("online_url")
    def _check_online_url(self):
        for meeting in self:
            url = (meeting.online_url or "").strip().lower()
            if url and not url.startswith(("https://", "http://")):
                raise ValidationError(_(
                    "The online link of \"%(name)s\" must be a web address "
                    "starting with https:// or http://.") % {"name": meeting.name})

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start and (not self.date_end or self.date_end <= self.date_start):
            start = fields.Datetime.from_string(self.date_start)
            self.date_end = fields.Datetime.to_string(
                start + timedelta(hours=2))

    @api.onchange("body_id")
    def _onchange_body_id(self):
        """Propose the body's sitting members as invitees (voting members)."""
        if not self.body_id:
            return
        day = (self.date_start or fields.Datetime.now())[:10]
        invited = self.attendee_ids.mapped("user_id")
        for user in self.body_id._sitting_users(day) - invited:
            self.attendee_ids |= self.attendee_ids.new({
                "user_id": user.id,
                "role": "chair" if user == self.chair_id else "member"})

    @api.multi
    def _lock_message(self):
        return _("The meeting \"%(name)s\" is done or cancelled and can no longer "
                 "be changed.") % {"name": self.name}

    @api.multi
    def write(self, vals):
        # Attendee lines written through the meeting sync the calendar once,
        # below, rather than once each.
        result = super(PaperlessMeeting, self.with_context(
            paperless_calendar_sync_later=True)).write(vals)
        if CALENDAR_FIELDS & set(vals):
            self.filtered(
                lambda meeting: meeting.state in ("scheduled", "in_progress")
            )._sync_calendar_event()
        return result

    @api.multi
    def unlink(self):
        if self.filtered(lambda meeting: meeting.state != "draft"):
            raise UserError(_(
                "Only draft meetings can be deleted; cancel the meeting instead."))
        # The database deletes the agenda with the meeting: tell the
        # incoming documents on it first.
        self.mapped("agenda_item_ids")._incoming_left_open("removed")
        return super().unlink()

    @api.multi
    def copy(self, default=None):
        default = dict(default or {})
        default.setdefault("name", _("%(name)s (copy)") % {"name": self.name})
        return super().copy(default)

    # ------------------------------------------------------------------
    # Back office display
    # ------------------------------------------------------------------
    @api.depends("date_start", "date_end")
    def _compute_date_display(self):
        """"Thứ Bảy, 19/12/2026, 08:00–10:00": the weekday in the reader's
        language, the date in their language's format, hours without
        seconds, in their time zone (the office's by default)."""
        lang = self.env["res.lang"]._lang_get(self.env.lang or "en_US")
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz
                           or "Asia/Ho_Chi_Minh")

        def local(value):
            return pytz.utc.localize(
                fields.Datetime.from_string(value)).astimezone(tz)

        def day(moment):
            return "%s, %s" % (
                format_date(moment.date(), "EEEE", locale=lang.code),
                moment.strftime(lang.date_format))

        for meeting in self:
            if not meeting.date_start:
                meeting.date_display = False
                continue
            start = local(meeting.date_start)
            end = local(meeting.date_end or meeting.date_start)
            if end.date() == start.date():
                meeting.date_display = "%s, %s\u2013%s" % (
                    day(start), start.strftime("%H:%M"), end.strftime("%H:%M"))
            else:
                meeting.date_display = "%s, %s \u2013 %s, %s" % (
                    day(start), start.strftime("%H:%M"),
                    day(end), end.strftime("%H:%M"))

    @api.model
    def _expand_states(self, states, domain, order):
        """Kanban columns in the order of the flow. Only the states shown: an
        empty first column would be a member's first tab on a phone."""
        return [key for key, _label in self._fields["state"].selection
                if key in states]

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        """Done and cancelled columns come folded in the kanban."""
        first = [groupby] if isinstance(groupby, str) else list(groupby or [])
        by_state = lazy and first[:1] == ["state"]
        if by_state:
            # The columns' order is the flow's (_expand_states); the kanban's
            # default_order sorts the cards, not the columns.
            orderby = False
        groups = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
        if by_state:
            for group in groups:
                group["__fold"] = group.get("state") in LOCKED_STATES
        return groups

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    @api.multi
    def _check_office(self):
        """Workflow buttons are for the office (secretaries and managers)."""
        if not self.env.user.has_group("paperless_meeting.group_paperless_secretary"):
            raise AccessError(_(
                "Only the office (secretaries and managers) can change the "
                "status of a meeting."))

    @api.multi
    def _check_state(self, allowed, message):
        """Refuse the transition with ``message`` unless every meeting is in
        one of the ``allowed`` states."""
        for meeting in self:
            if meeting.state not in allowed:
                raise UserError(message % {"name": meeting.name})

    @api.multi
    def _check_ready_to_schedule(self):
        """Refuse with every missing part, each named precisely, so the office
        fixes them all at once."""
        for meeting in self:
            problems = []
            if not meeting.chair_id:
                problems.append(_("Choose the chair."))
            if not meeting.agenda_item_ids:
                problems.append(_("Add at least one agenda item (Agenda tab)."))
            if not meeting.attendee_ids:
                problems.append(_("Invite at least one attendee (Attendees tab)."))
            if not (meeting.location or meeting.online_url):
                problems.append(_("Give a room or an online link."))
            if problems:
                raise UserError(_(
                    "The meeting \"%(name)s\" cannot be scheduled yet:\n"
                    "%(problems)s") % {
                        "name": meeting.name,
                        "problems": "\n".join("- " + problem
                                              for problem in problems)})

    @api.multi
    def _ensure_officers_invited(self):
        """The chair and the meeting secretary always sit in the meeting."""
        attendee_model = self.env["paperless.meeting.attendee"]
        for meeting in self:
            invited = meeting.attendee_ids.mapped("user_id")
            for user, role in ((meeting.chair_id, "chair"),
                               (meeting.secretary_id, "secretary")):
                if user and user not in invited:
                    attendee_model.create({
                        "meeting_id": meeting.id, "user_id": user.id, "role": role,
                    })
                    invited |= user

    @api.multi
    def _calendar_event_values(self):
        self.ensure_one()
        description = self.location or ""
        if self.online_url:
            description = "%s %s" % (description, self.online_url)
        return {
            "name": self.name,
            "start": self.date_start,
            "stop": self.date_end,
            "allday": False,
            "location": description.strip(),
            "description": html2plaintext(self.description or ""),
            "user_id": (self.secretary_id or self.chair_id or self.env.user).id,
            "partner_ids": [(6, 0, self.attendee_ids.mapped("user_id.partner_id").ids)],
            "privacy": "confidential",
            "paperless_meeting_id": self.id,
        }

    @api.multi
    def _sync_calendar_event(self):
        """Create or update the calendar event; Odoo's calendar sends the
        invitation e-mails to partners that are new on the event."""
        # Secretaries have no rights of their own on other people's calendar
        # events; the event mirrors this meeting, whose access was checked.
        # calendar_attendee.py: the invitation files go with their e-mails.
        meetings = self.with_context(paperless_own_invitation_files=True)
        event_model = meetings.env["calendar.event"].sudo()
        for meeting in meetings:
            values = meeting._calendar_event_values()
            if meeting.calendar_event_id:
                meeting.calendar_event_id.sudo().write(values)
            else:
                meeting._lock_write_system(
                    {"calendar_event_id": event_model.create(values).id})
        return True

    @api.multi
    def action_schedule(self):
        self._check_office()
        self._check_state(("draft",), _(
            "The meeting \"%(name)s\" can only be scheduled from draft."))
        self._check_ready_to_schedule()
        self._ensure_officers_invited()
        for meeting in self.filtered(lambda meeting: not meeting.reference):
            meeting._lock_write_system({
                "reference": self.env["ir.sequence"].next_by_code(
                    "paperless.meeting")})
        self._lock_write_system({"state": "scheduled"})
        # The invitation and the agenda are dated the day the meeting is
        # scheduled (and keep their numbers if it is scheduled again).
        self._paper_issue("invitation")
        self._paper_issue("agenda")
        self._sync_calendar_event()
        for meeting in self:
            meeting.message_subscribe(
                partner_ids=meeting.attendee_ids.mapped("user_id.partner_id").ids)
            meeting.message_post(
                body=_("Invitations sent to %(count)d attendees.") % {
                    "count": len(meeting.attendee_ids)},
                subtype="mail.mt_note")
        return True

    @api.multi
    def action_start(self):
        """Start the meetings. More than START_EARLY_HOURS before the planned
        start this needs a confirmation: the start confirmation wizard sets
        ``paperless_start_confirmed``; the form's button
        (``paperless_start_ask``) opens that wizard instead of refusing."""
        self._check_office()
        self._check_state(("scheduled",), _(
            "The meeting \"%(name)s\" can only be started once scheduled."))
        limit = fields.Datetime.to_string(fields.Datetime.from_string(
            fields.Datetime.now()) + timedelta(hours=START_EARLY_HOURS))
        early = self.filtered(lambda meeting: meeting.date_start > limit)
        if early and not self.env.context.get("paperless_start_confirmed"):
            if self.env.context.get("paperless_start_ask") and len(self) == 1:
                action = self.env.ref(
                    "paperless_meeting.paperless_meeting_start_confirm_action"
                ).read()[0]
                action["context"] = {"default_meeting_id": self.id}
                return action
            raise UserError(_(
                "The meeting \"%(name)s\" is planned for %(when)s, more than "
                "%(hours)d hours from now. Confirm to start it early.") % {
                    "name": early[0].name, "when": early[0].date_display,
                    "hours": START_EARLY_HOURS})
        return self._lock_write_system({"state": "in_progress"})

    @api.multi
    def action_done(self):
        self._check_office()
        self._check_state(("in_progress",), _(
            "The meeting \"%(name)s\" can only be closed while in progress."))
        self._check_no_open_ballot()
        self._check_conclusions()
        self._lock_write_system({"state": "done"})
        self._paper_issue("minutes")
        self._paper_issue("conclusion")
        self.mapped("agenda_item_ids")._incoming_meeting_done()
        return True

    @api.multi
    def action_cancel(self):
        self._check_office()
        self._check_state(("draft", "scheduled", "in_progress"), _(
            "The meeting \"%(name)s\" is already done or cancelled."))
        self._check_no_open_ballot()
        events = self.mapped("calendar_event_id")
        self._lock_write_system({"state": "cancelled"})
        # See _sync_calendar_event: the event belongs to this meeting.
        events.sudo().write({"active": False})
        self.mapped("agenda_item_ids")._incoming_left_open("cancelled")
        return True

    @api.multi
    def action_draft(self):
        self._check_office()
        self._check_state(("cancelled",), _(
            "Only a cancelled meeting can be reset to draft."))
        return self._lock_write_system({"state": "draft"})

    @api.multi
    def _check_no_open_ballot(self):
        """No vote may outlive its meeting: the office closes open ballots
        (and so seals their tallies) before the meeting ends."""
        # Technical read: the office may end a meeting whose ballots it sees.
        open_ballots = self.sudo().mapped("ballot_ids").filtered(
            lambda ballot: ballot.state == "open")
        if open_ballots:
            raise UserError(_(
                "Close the open ballots first: %(names)s.") % {
                    "names": ", ".join(open_ballots.mapped("name"))})

    @api.multi
    def _check_conclusions(self):
        """The minutes record a conclusion for every agenda item, or that the
        office recorded there is none."""
        missing = self.mapped("agenda_item_ids").filtered(
            lambda item: not item.no_conclusion
            and not html2plaintext(item.conclusion or "").strip())
        if missing:
            raise UserError(_(
                "Record the conclusion of each agenda item before closing the "
                "meeting, or mark that there is none: %(items)s.") % {
                    "items": ", ".join(missing.mapped("name"))})

    # ------------------------------------------------------------------
    # The signed-in invitee answers from the meeting itself
    # ------------------------------------------------------------------
    @api.multi
    def _my_attendee(self):
        self._ensure_one_action()
        if not self.my_attendee_id:
            raise UserError(_("You are not invited to the meeting \"%(name)s\".")
                            % {"name": self.name})
        return self.my_attendee_id

    @api.multi
    def action_my_accept(self):
        return self._my_attendee().action_accept()

    @api.multi
    def action_my_check_in(self):
        return self._my_attendee().action_check_in()

    @api.multi
    def action_my_answer(self):
        """Open the decline / substitute dialog on the user's invitation."""
        attendee = self._my_attendee()
        action = self.env.ref(
            "paperless_meeting.paperless_attendee_answer_action").read()[0]
        action["context"] = {"default_attendee_id": attendee.id}
        return action

    @api.multi
    def action_view_documents(self):
        self._ensure_one_action()
        action = self.env.ref("paperless_meeting.paperless_document_action").read()[0]
        action["domain"] = [("meeting_id", "=", self.id)]
        action["context"] = {"default_meeting_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Member pages and official papers
    # ------------------------------------------------------------------
    @api.model
    def _member_meetings(self, now=None):
        """The current user's meetings for ``/my/meetings``, upcoming first
        (soonest first), then the past ones (latest first), each with the
        user's own invitation. Read with the user's rights, in a fixed number
        of queries whatever the number of meetings."""
        user = self.env.user
        attendees = self.env["paperless.meeting.attendee"].search([
            ("user_id", "=", user.id), ("meeting_id.state", "!=", "draft"),
        ])
        # Prefetch what the page shows in batches.
        attendees.mapped("response")
        meetings = attendees.mapped("meeting_id")
        meetings.read(["name", "state", "date_start", "date_end", "location",
                       "online_url", "reference"])
        now = now or fields.Datetime.now()
        rows = [{"meeting": attendee.meeting_id, "attendee": attendee,
                 "upcoming": attendee.meeting_id.date_end >= now
                 and attendee.meeting_id.state in ("scheduled", "in_progress")}
                for attendee in attendees]
        upcoming = sorted((row for row in rows if row["upcoming"]),
                          key=lambda row: (row["meeting"].date_start,
                                           row["meeting"].id))
        past = sorted((row for row in rows if not row["upcoming"]),
                      key=lambda row: (row["meeting"].date_start, row["meeting"].id),
                      reverse=True)
        return upcoming + past

    # Official papers (paperless.paper.mixin)
    @api.multi
    def _paper_meeting(self):
        return self

    @api.multi
    def _paper_default_signer(self, kind):
        # On behalf of the body (T/M): its chair; for the office: the
        # meeting's secretary.
        setting = self._paper_setting(kind)
        if (setting.authority or "").startswith("T/M"):
            return self.chair_id
        return self.secretary_id

    @api.multi
    def action_new_resolution(self):
        """A new resolution drafted from a motion this meeting passed."""
        self._ensure_one_action()._check_office()
        passed = self.ballot_ids.filtered(
            lambda ballot: ballot.state == "closed" and ballot.result == "passed")
        if not passed:
            raise UserError(_(
                "A resolution is drawn from a motion the meeting passed; "
                "\"%(name)s\" has none.") % {"name": self.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": "paperless.resolution",
            "view_mode": "form",
            "target": "current",
            "context": {"default_meeting_id": self.id,
                        "default_ballot_id": passed[:1].id,
                        "default_name": passed[:1].name},
        }

    @api.multi
    def _paper_minutes_signers(self):
        """Minutes are signed by the meeting's secretary and its chair."""
        self.ensure_one()
        return [
            {"authority": ["THƯ KÝ"], "title": False,
             "name": self.secretary_id.name or "", "user": self.secretary_id},
            {"authority": ["CHỦ TRÌ"], "title": False,
             "name": self.chair_id.name or "", "user": self.chair_id},
        ]

    @api.multi
    def _paper_invitees(self):
        """The invitations to print: never one addressed to its signer."""
        self.ensure_one()
        signer = self._paper_signer("invitation")["user"]
        return self.attendee_ids.filtered(lambda attendee: attendee.user_id != signer)

    @api.model
    def _report_label(self, kind, value):
        return REPORT_LABELS[kind].get(value, value or "")

    @api.multi
    def _report_local(self, value):
        """A UTC datetime string in the office's time zone, not the printing
        user's."""
        self.ensure_one()
        tz = pytz.timezone(self.sudo().secretary_id.tz or self.env.user.tz
                           or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(tz)

    @api.multi
    def _report_when(self, value=None):
        """"08 giờ 30, Thứ Ba, ngày 01/12/2026" in the office's time zone."""
        moment = self._report_local(value or self.date_start)
        return "%02d giờ %02d, %s, ngày %02d/%02d/%d" % (
            moment.hour, moment.minute, REPORT_WEEKDAYS[moment.weekday()],
            moment.day, moment.month, moment.year)

    @api.multi
    def action_print_invitations(self):
        """All the invitations of the meeting in one PDF, one page each."""
        report = self.env.ref("paperless_meeting.report_meeting_invitation")
        return report.report_action(self.mapped("attendee_ids"))
