# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RESPONSES = [
    ("invited", "Invited"),
    ("accepted", "Attending"),
    ("declined", "Absent with Reason"),
    ("delegated", "Sending a Substitute"),
]
# Written only by the answer and attendance actions, which check who calls.
ANSWER_FIELDS = ("response", "delegate_id", "delegate_name", "response_reason",
                 "response_date", "attendance", "check_in_time")
OPEN_STATES = ("scheduled", "in_progress")
# calendar.attendee states mirroring our responses.
CALENDAR_STATE = {"invited": "needsAction", "accepted": "accepted",
                  "declined": "declined", "delegated": "declined"}


class PaperlessMeetingAttendee(models.Model):
    _name = "paperless.meeting.attendee"
    _inherit = ["paperless.lock.mixin"]
    _description = "Meeting Attendee"
    _order = "meeting_id, role_sequence, id"
    _rec_name = "user_id"
    _lock_parent_field = "meeting_id"
    _lock_system_fields = ANSWER_FIELDS

    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Delegate", required=True, ondelete="restrict",
        index=True,
    )
    partner_id = fields.Many2one(
        related="user_id.partner_id", string="Contact", readonly=True, store=True,
    )
    role = fields.Selection(
        [
            ("chair", "Chair"),
            ("member", "Member"),
            ("secretary", "Secretary"),
            ("guest", "Guest"),
        ],
        required=True, default="member",
    )
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    response = fields.Selection(
        [
            ("invited", "Invited"),
            ("accepted", "Attending"),
            ("declined", "Absent with Reason"),
            ("delegated", "Sending a Substitute"),
        ],
        required=True, default="invited", readonly=True,
        copy=False,
    )
    delegate_id = fields.Many2one(
        "res.partner", string="Substitute", readonly=True, copy=False,
    )
    delegate_name = fields.Char(
        string="Substitute Name", readonly=True, copy=False,
        help="Name of the substitute when they are not in the address book "
        "(given by the invitee from the member page).",
    )
    response_reason = fields.Text(string="Reason", readonly=True, copy=False)
    response_date = fields.Datetime(string="Answered On", readonly=True, copy=False)
    attendance = fields.Selection(
        [
            ("unknown", "Not Recorded"),
            ("present", "Present"),
            ("absent", "Absent"),
            ("excused", "Excused"),
            # The invitee sent a substitute, who came: the invitee is not
            # present (no vote, no quorum), their seat is filled.
            ("substitute", "Substitute Present"),
        ],
        required=True, default="unknown", readonly=True, copy=False,
    )
    check_in_time = fields.Datetime(string="Checked In At", readonly=True, copy=False)
    meeting_state = fields.Selection(
        related="meeting_id.state", string="Meeting Status", readonly=True,
    )

    _sql_constraints = [
        ("meeting_user_unique", "unique(meeting_id, user_id)",
         "A person can be invited only once to the same meeting."),
    ]

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {"chair": 1, "secretary": 2, "member": 3, "guest": 4}
        for attendee in self:
            attendee.role_sequence = order.get(attendee.role, 5)

    @api.constrains("response", "response_reason", "delegate_id", "delegate_name")
    def _check_response(self):
        for attendee in self:
            if attendee.response in ("declined", "delegated") \
                    and not (attendee.response_reason or "").strip():
                raise ValidationError(_(
                    "Please give a reason when you do not attend in person."))
            if attendee.response == "delegated" and not attendee.delegate_id \
                    and not (attendee.delegate_name or "").strip():
                raise ValidationError(_(
                    "Please name the person who attends in your place."))

    # ------------------------------------------------------------------
    # CRUD: the office manages invitations; an invitee only answers theirs.
    # ------------------------------------------------------------------
    @api.model
    def _is_office(self):
        return self.env.user.has_group("paperless_meeting.group_paperless_secretary")

    @api.multi
    def _lock_message(self):
        return _("The invitations of a meeting that is done or cancelled can no "
                 "longer be changed.")

    @api.model
    def create(self, vals):
        meeting = self.env["paperless.meeting"].browse(vals.get("meeting_id"))
        attendee = super().create(vals)
        if meeting.state in OPEN_STATES and not self.env.context.get(
                "paperless_calendar_sync_later"):
            meeting._sync_calendar_event()
        return attendee

    @api.multi
    def write(self, vals):
        if not self._is_office() and not self._lock_is_system_write():
            raise AccessError(_(
                "You can only answer your own invitation; the office manages "
                "the list of attendees."))
        result = super().write(vals)
        if "user_id" in vals and not self.env.context.get(
                "paperless_calendar_sync_later"):
            self.mapped("meeting_id").filtered(
                lambda meeting: meeting.state in OPEN_STATES)._sync_calendar_event()
        if "response" in vals:
            self._sync_calendar_response()
        return result

    @api.multi
    def unlink(self):
        meetings = self.mapped("meeting_id")
        result = super().unlink()
        if not self.env.context.get("paperless_calendar_sync_later"):
            meetings.filtered(
                lambda meeting: meeting.state in OPEN_STATES)._sync_calendar_event()
        return result

    # ------------------------------------------------------------------
    # Answers by the invitee
    # ------------------------------------------------------------------
    @api.multi
    def _check_answerable(self):
        for attendee in self:
            if attendee.user_id != self.env.user:
                raise AccessError(_("You can only answer your own invitation."))
            if attendee.meeting_id.state not in OPEN_STATES:
                raise UserError(_(
                    "The meeting \"%(name)s\" is not open for answers.")
                    % {"name": attendee.meeting_id.name})

    @api.multi
    def _answer(self, response, reason=False, delegate_id=False, delegate_name=False):
        self._ensure_one_action()
        reason = self._arg_text(reason, _("Reason"))
        delegate = self._arg_record("res.partner", delegate_id, _("Substitute"))
        delegate_name = self._arg_text(delegate_name, _("Substitute Name"), 200)
        self._check_answerable()
        # Whose row it is was checked above (and by the record rules).
        self._lock_write_system({
            "response": response,
            "response_reason": reason or False,
            "delegate_id": delegate.id,
            "delegate_name": (delegate_name or "").strip() or False,
            "response_date": fields.Datetime.now(),
        })
        return True

    @api.multi
    def action_accept(self):
        return self._answer("accepted")

    @api.multi
    def action_decline(self, reason=False):
        return self._answer("declined", reason=reason)

    @api.multi
    def action_delegate(self, delegate_id=False, reason=False, delegate_name=False):
        return self._answer("delegated", reason=reason, delegate_id=delegate_id,
                            delegate_name=delegate_name)

    @api.multi
    def action_check_in(self):
        """The invitee checks in on their device while the meeting runs."""
        for attendee in self:
            if attendee.user_id != self.env.user:
                raise AccessError(_("You can only check yourself in."))
            if attendee.meeting_id.state != "in_progress":
                raise UserError(_(
                    "You can check in only while the meeting is in progress."))
            if attendee.attendance in ("absent", "excused"):
                raise UserError(_(
                    "The office has recorded you as absent; please ask the "
                    "secretary of the meeting to correct it."))
        # Attendance is the office's field; the checks above are the invitee's
        # whole right to set it on their own row.
        self.sudo()._lock_write_system({"attendance": "present",
                                        "check_in_time": fields.Datetime.now()})
        return True

    # ------------------------------------------------------------------
    # Attendance, recorded by the office
    # ------------------------------------------------------------------
    @api.multi
    def _record_attendance(self, attendance):
        """Record ``attendance`` for the invitees; "present" for an invitee
        who sent a substitute records the substitute as present."""
        if not self._is_office():
            raise AccessError(_("Only the office records attendance."))
        for attendee in self:
            if attendee.meeting_id.state not in OPEN_STATES:
                raise UserError(_(
                    "Attendance can be recorded only for a scheduled meeting or "
                    "one in progress."))
        groups = [(attendance, self)]
        if attendance == "present":
            delegated = self.filtered(
                lambda attendee: attendee.response == "delegated")
            groups = [("present", self - delegated), ("substitute", delegated)]
        for value, attendees in groups:
            if value in ("present", "substitute"):
                attendees.filtered(lambda attendee: not attendee.check_in_time) \
                    ._lock_write_system({"attendance": value,
                                         "check_in_time": fields.Datetime.now()})
            attendees._lock_write_system({"attendance": value})
        return True

    @api.multi
    def action_mark_present(self):
        return self._record_attendance("present")

    @api.multi
    def action_mark_absent(self):
        return self._record_attendance("absent")

    @api.multi
    def action_mark_excused(self):
        return self._record_attendance("excused")

    @api.multi
    def _sync_calendar_response(self):
        """Mirror the answer on the meeting's calendar invitation."""
        for attendee in self:
            event = attendee.meeting_id.calendar_event_id
            if not event:
                continue
            # The invitee's calendar.attendee row belongs to an event owned by
            # the office; the write is limited to their own row and state.
            calendar_attendee = event.sudo().attendee_ids.filtered(
                lambda row: row.partner_id == attendee.partner_id)
            calendar_attendee.write({"state": CALENDAR_STATE[attendee.response]})
