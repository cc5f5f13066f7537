# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Petitions (đơn thư): complaints, denunciations, proposals and feedback,
on the clocks of their regime, with the denouncer's identity kept apart.

State regime (Luật Khiếu nại 2011, Luật Tố cáo 2018): a complaint is
accepted within 10 days of receipt and decided within 30 days of
acceptance (45 if complex; 45/60 in remote areas; a second complaint
45/60, 60/70 in remote areas), calendar days; a denunciation is accepted
within 7 working days of receipt (10 when it must be checked in several
places) and decided within 30 days of acceptance, extendable once by 30
days (twice if especially complex).
Party regime (Quy định 296-QĐ/TW, 2025): counted in working days of the
unit's calendar from the day the competent Party body received the letter
(there is no separate acceptance clock); the limits of the unit's level are
its own settings (``res.company.paperless_party_*_days``: 90 days and one
extension of up to 30 at grassroots level), so a unit of another level, or
the next regulation, changes data, not code.

Who sent a denunciation is readable only by its handler and the managers:
the identity lives in ``paperless.petition.identity``, a table of its own
with strict record rules, and the petitioner fields here are computed (not
stored) with the reader's own rights, so search, read_group, order and
export find nothing to leak."""
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

PETITION_TYPES = [
    ("complaint", "Complaint"),
    ("denunciation", "Denunciation"),
    ("proposal", "Proposal"),
    ("feedback", "Feedback"),
]
REGIMES = [
    ("state", "State (Complaints 2011, Denunciations 2018)"),
    ("party", "Party (Regulation 296-QĐ/TW)"),
]
STATES = [
    ("received", "Received"),
    ("accepted", "Accepted"),
    ("resolved", "Resolved"),
    ("not_handled", "Not Handled"),
]
NOT_HANDLED_REASONS = [
    ("anonymous", "Anonymous"),
    ("false_name", "Under a false name"),
    ("repeat", "Repeated without new evidence"),
    ("withdrawn", "Withdrawn"),
]
IDENTITY_FIELDS = ("petitioner_name", "petitioner_address", "petitioner_contact")

COMPLAINT_ROUNDS = [("first", "First Complaint"), ("second", "Second Complaint")]

# The State's clocks (calendar days unless said otherwise).
STATE_ACCEPT_DAYS = 10
STATE_DENUNCIATION_ACCEPT_WORKING_DAYS = 7
STATE_DENUNCIATION_ACCEPT_SEVERAL_PLACES_WORKING_DAYS = 10
# Complaint decision, from acceptance: (round, remote area) -> (normal, complex).
STATE_COMPLAINT_DAYS = {
    ("first", False): (30, 45), ("first", True): (45, 60),
    ("second", False): (45, 60), ("second", True): (60, 70),
}
STATE_DENUNCIATION_DAYS, STATE_EXTENSION_DAYS = 30, 30


class PaperlessPetition(models.Model):
    _name = "paperless.petition"
    _description = "Petition"
    _inherit = ["mail.thread", "mail.activity.mixin", "paperless.lock.mixin"]
    _order = "received_date desc, id desc"

    _lock_states = ("resolved", "not_handled")
    _lock_system_fields = ("state", "accepted_date", "not_handled_reason",
                           "duplicate_of_id")

    name = fields.Char(string="Subject", required=True, track_visibility="onchange")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    petition_type = fields.Selection(PETITION_TYPES, string="Type", required=True,
                                     default="complaint",
                                     track_visibility="onchange")
    regime = fields.Selection(REGIMES, required=True, default="state",
                              track_visibility="onchange")
    content = fields.Text()
    concerned = fields.Char(string="Person or Body Concerned")
    received_date = fields.Date(string="Received On", required=True,
                                default=fields.Date.context_today)
    accepted_date = fields.Date(string="Accepted On", readonly=True, copy=False,
                                track_visibility="onchange")
    handler_id = fields.Many2one("res.users", index=True,
                                 track_visibility="onchange")
    state = fields.Selection(STATES, default="received", required=True,
                             copy=False, track_visibility="onchange")
    outcome = fields.Text()
    complex_case = fields.Boolean(string="Complex")
    especially_complex = fields.Boolean()
    complaint_round = fields.Selection(
        COMPLAINT_ROUNDS, default="first", required=True,
        help="A second complaint, against the first decision, has longer "
        "limits (Luật Khiếu nại 2011, Điều 37).")
    remote_area = fields.Boolean(
        help="Remote, hard-to-reach areas have longer limits for complaints "
        "(Luật Khiếu nại 2011, Điều 28 and 37).")
    several_places = fields.Boolean(
        string="Checked in Several Places",
        help="A denunciation that must be checked in several places may be "
        "accepted within 10 working days instead of 7 (Luật Tố cáo 2018, "
        "Điều 24).")
    not_handled_reason = fields.Selection(NOT_HANDLED_REASONS, readonly=True,
                                          copy=False, track_visibility="onchange")
    duplicate_of_id = fields.Many2one("paperless.petition",
                                      readonly=True, copy=False, index=True,
                                      ondelete="restrict")
    duplicate_ids = fields.One2many("paperless.petition", "duplicate_of_id",
                                    string="Duplicates")
    extension_ids = fields.One2many("paperless.petition.extension", "petition_id",
                                    string="Extensions", readonly=True)
    acceptance_deadline = fields.Date(compute="_compute_deadlines", store=True)
    resolution_deadline = fields.Date(compute="_compute_deadlines", store=True)
    is_overdue = fields.Boolean(compute="_compute_is_overdue",
                                search="_search_is_overdue", string="Overdue")
    # The identity: computed with the reader's rights, never stored here.
    petitioner_name = fields.Char(
        compute="_compute_identity", inverse="_inverse_identity")
    petitioner_address = fields.Char(
        compute="_compute_identity", inverse="_inverse_identity")
    petitioner_contact = fields.Char(
        compute="_compute_identity", inverse="_inverse_identity")
    identity_hidden = fields.Boolean(compute="_compute_identity")

    # ------------------------------------------------------------------
    # Clocks
    # ------------------------------------------------------------------
    @api.depends("regime", "petition_type", "received_date", "accepted_date",
                 "complex_case", "complaint_round", "remote_area",
                 "several_places", "extension_ids.days", "company_id",
                 "company_id.paperless_party_denunciation_days",
                 "company_id.paperless_party_complaint_days")
    def _compute_deadlines(self):
        for petition in self:
            petition.acceptance_deadline, petition.resolution_deadline = (
                fields.Date.to_string(day) if day else False
                for day in petition._deadlines())

    @api.multi
    def _deadlines(self):
        """(acceptance deadline, resolution deadline) as dates or False:
        only complaints and denunciations run on statutory clocks."""
        self.ensure_one()
        if self.petition_type not in ("complaint", "denunciation") \
                or not self.received_date:
            return False, False
        unit = self.company_id
        received = fields.Date.from_string(self.received_date)
        extra = sum(self.extension_ids.mapped("days"))
        if self.regime == "party":
            days = unit.paperless_party_denunciation_days \
                if self.petition_type == "denunciation" \
                else unit.paperless_party_complaint_days
            return False, unit._paperless_add_working_days(received, days + extra)
        if self.petition_type == "complaint":
            accept = received + timedelta(days=STATE_ACCEPT_DAYS)
        else:
            accept = unit._paperless_add_working_days(
                received, STATE_DENUNCIATION_ACCEPT_SEVERAL_PLACES_WORKING_DAYS
                if self.several_places
                else STATE_DENUNCIATION_ACCEPT_WORKING_DAYS)
        if not self.accepted_date:
            return accept, False
        accepted = fields.Date.from_string(self.accepted_date)
        if self.petition_type == "complaint":
            normal, complex_ = STATE_COMPLAINT_DAYS[
                (self.complaint_round, bool(self.remote_area))]
            days = complex_ if self.complex_case else normal
        else:
            days = STATE_DENUNCIATION_DAYS + extra
        return accept, accepted + timedelta(days=days)

    @api.depends("acceptance_deadline", "resolution_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.to_string(self._today())
        for petition in self:
            deadline = petition._open_deadline()
            petition.is_overdue = bool(deadline) and deadline < today

    @api.multi
    def _open_deadline(self):
        """The deadline the petition runs on now: acceptance while received
        (the Party regime has none: its one clock runs from receipt), then
        the resolution."""
        self.ensure_one()
        if self.state not in ("received", "accepted"):
            return False
        if self.state == "received" and self.regime == "state":
            return self.acceptance_deadline
        return self.resolution_deadline

    @api.model
    def _search_is_overdue(self, operator, value):
        today = fields.Date.to_string(self._today())
        late_acceptance = ["&", ("acceptance_deadline", "!=", False),
                           ("acceptance_deadline", "<", today)]
        late_resolution = ["&", ("resolution_deadline", "!=", False),
                           ("resolution_deadline", "<", today)]
        overdue = ["|", "|",
                   "&", "&", ("state", "=", "received"), ("regime", "=", "state")]
        overdue += late_acceptance
        overdue += ["&", "&", ("state", "=", "received"), ("regime", "=", "party")]
        overdue += late_resolution
        overdue += ["&", ("state", "=", "accepted")] + late_resolution
        if (operator == "=") == bool(value):
            return overdue
        return ["!"] + overdue

    @api.model
    def _today(self):
        return fields.Date.from_string(self.env["paperless.paper"]._local_today())

    # ------------------------------------------------------------------
    # The identity
    # ------------------------------------------------------------------
    @api.multi
    def _identities(self):
        """The identity rows of ``self`` the user may read (record rules)."""
        Identity = self.env["paperless.petition.identity"]
        if not Identity.check_access_rights("read", raise_exception=False):
            return Identity
        return Identity.search([("petition_id", "in", self.ids)])

    def _compute_identity(self):
        by_petition = {row.petition_id.id: row for row in self._identities()}
        for petition in self:
            row = by_petition.get(petition.id)
            for name in IDENTITY_FIELDS:
                petition[name] = row[name] if row else False
            petition.identity_hidden = not row \
                and petition.petition_type == "denunciation"

    def _inverse_identity(self):
        """Written once per record by create() and write() (an inverse is
        called field by field, and the second call could no longer read
        the row the first wrote)."""

    @api.multi
    def _write_identity(self, values):
        for petition in self:
            row = petition._identities()
            if row:
                row.write(values)
                continue
            # sudo: only whether a hidden identity exists, to refuse
            # overwriting what the user may not read.
            if self.env["paperless.petition.identity"].sudo().search_count(
                    [("petition_id", "=", petition.id)]):
                raise AccessError(_("Only the handler and the managers can "
                                    "change who sent this denunciation."))
            if any(values.values()):
                # sudo: whoever records the letter writes who sent it, even
                # when the rules then hide it from them (a denunciation's
                # identity is for its handler and the managers only).
                self.env["paperless.petition.identity"].sudo().create(
                    dict(values, petition_id=petition.id))

    @api.model
    def create(self, vals):
        vals = dict(vals)
        identity = {name: vals.pop(name) for name in IDENTITY_FIELDS
                    if name in vals}
        petition = super().create(vals)
        if identity:
            petition._write_identity(identity)
        return petition

    @api.multi
    def write(self, vals):
        vals = dict(vals)
        identity = {name: vals.pop(name) for name in IDENTITY_FIELDS
                    if name in vals}
        result = super().write(vals) if vals or not identity else True
        if identity:
            self._lock_check()
            self._write_identity(identity)
        return result

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------
    @api.constrains("company_id", "handler_id")
    def _check_handler_unit(self):
        for petition in self:
            if petition.handler_id \
                    and petition.company_id not in petition.handler_id.company_ids:
                raise ValidationError(_("%(user)s does not work for %(unit)s.") % {
                    "user": petition.handler_id.name,
                    "unit": petition.company_id.name})

    @api.multi
    def _check_state(self, *states):
        if self.state not in states:
            raise UserError(_("This petition is %(state)s: this action is not "
                              "possible now.") % {"state": dict(
                                  self._fields["state"]._description_selection(
                                      self.env))[self.state]})

    @api.multi
    def _check_office_or_handler(self):
        user = self.env.user
        if self.handler_id == user:
            return
        if user.has_group("paperless_meeting.group_paperless_secretary") \
                and self.company_id in user.company_ids:
            return
        raise AccessError(_("Only the office of the unit or the handler can do "
                            "this."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def action_accept(self, accepted_date=None):
        """Accept the petition for handling (thụ lý), today or on the day
        given: its resolution clock starts."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office_or_handler()
        self._check_state("received")
        day = self._arg_text(accepted_date, _("Accepted On"), 10) \
            or fields.Date.to_string(self._today())
        try:
            fields.Date.from_string(day)
        except ValueError:
            raise UserError(_("Accepted On: please give a date."))
        if day < self.received_date:
            raise UserError(_("A petition cannot be accepted before it arrived."))
        self._lock_write_system({"state": "accepted", "accepted_date": day})
        return True

    @api.multi
    def action_extend(self, days=None, reason=None):
        """Extend the resolution deadline (recorded, within the law's
        limits)."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office_or_handler()
        self._check_state("accepted")
        reason = self._arg_text(reason, _("Reason"), 2000)
        if not (reason or "").strip():
            raise UserError(_("Please give the reason of the extension."))
        if self.petition_type != "denunciation":
            raise UserError(_("Only a denunciation's deadline can be extended."))
        count = len(self.extension_ids)
        if self.regime == "party":
            most = self.company_id.paperless_party_extension_days
            if isinstance(days, bool) or not isinstance(days, int) \
                    or not 0 < days <= most:
                raise UserError(_("An extension is of 1 to %(max)d working "
                                  "days.") % {"max": most})
            allowed = 1 if most else 0
        else:
            days = STATE_EXTENSION_DAYS
            allowed = 2 if self.especially_complex else 1
        if count >= allowed:
            raise UserError(_("This petition's deadline was already extended as "
                              "far as the law allows."))
        # sudo: extensions are written only here, after the checks above.
        self.env["paperless.petition.extension"].sudo().create({
            "petition_id": self.id, "days": days, "reason": reason,
            "user_id": self.env.uid})
        return True

    @api.multi
    def action_resolve(self):
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office_or_handler()
        self._check_state("accepted")
        if not (self.outcome or "").strip():
            raise UserError(_("Please write the outcome before closing."))
        self._lock_write_system({"state": "resolved"})
        return True

    @api.multi
    def action_not_handled(self, reason=None):
        """Record the letter as not handled: anonymous, under a false name,
        repeated without new evidence, or withdrawn."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office_or_handler()
        self._check_state("received", "accepted")
        if not isinstance(reason, str) or reason not in dict(NOT_HANDLED_REASONS):
            raise UserError(_("Please choose why the petition is not handled."))
        if reason == "repeat" and not self.duplicate_of_id:
            raise UserError(_("Link the earlier petition first (Duplicate Of)."))
        self._lock_write_system({"state": "not_handled",
                                 "not_handled_reason": reason})
        return True

    @api.multi
    def action_link_duplicate(self, original_id=None):
        """Link this petition to the earlier one on the same matter."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office_or_handler()
        original = self._arg_record(self._name, original_id, _("Duplicate Of"))
        if not original or original == self:
            raise UserError(_("Please choose the earlier petition."))
        self._check_can_read(original)
        if original.company_id != self.company_id:
            raise UserError(_("The earlier petition must belong to the same unit."))
        if original.duplicate_of_id:
            original = original.duplicate_of_id
        self._lock_write_system({"duplicate_of_id": original.id})
        return True
