# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register of incoming documents (sổ đăng ký văn bản đến; Nghị định
30/2020/NĐ-CP, Điều 20–24; Quy định 693-QĐ/VPTW): the office registers what
arrives, presents it to a leader, the leader writes a direction and assigns
it, the assignee acts before the deadline. The direction may put the
document on the agenda of a meeting of the unit: the meeting's conclusion
then closes it (issue #12, see "Meeting agenda" below).

Who writes what, on the server: the office (its unit) the register's
metadata until the document is presented; the leader it is presented to,
and only them, the direction; the assignee the outcome. States and numbers
change only through the actions."""
import base64
import logging
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import html2plaintext, html_escape

from .paperless_paper import (
    CONFIDENTIALITY, CONFIDENTIALITY_MARKS, URGENCY, URGENCY_MARKS,
)

STATES = [
    ("draft", "Draft"),
    ("registered", "Registered"),
    ("submitted", "Presented"),
    ("directed", "Directed"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
]
_logger = logging.getLogger(__name__)

# Fields the presented leader writes, and only while it is presented.
DIRECTION_FIELDS = ("direction", "assignee_id", "co_assignee_ids", "deadline",
                    "deadline_days", "meeting_id")
# Reminded this many working days before the deadline.
REMIND_WORKING_DAYS = 2
# Fields the assignee writes while handling the document.
OUTCOME_FIELDS = ("outcome",)
# The register's metadata, frozen for the office once presented.
OFFICE_STATES = ("draft", "registered")
# Setting of the deployment: an independent, air-gapped LAN may hold the
# files of secret documents (Luật Bảo vệ bí mật nhà nước, 117/2025/QH15).
INDEPENDENT_LAN_PARAM = "paperless_meeting.incoming_independent_lan"


class PaperlessIncomingDocument(models.Model):
    _name = "paperless.incoming.document"
    _description = "Incoming Document"
    _inherit = ["mail.thread", "mail.activity.mixin", "paperless.lock.mixin"]
    _order = "received_date desc, registry_year desc, registry_number desc, id desc"

    _lock_states = ("done",)
    _lock_system_fields = ("state", "registry_number", "registry_year",
                           "register_kind", "reminded", "agenda_item_id",
                           "meeting_conclusion", "conclusion_notice")

    name = fields.Char(compute="_compute_name", store=True, string="Reference No.")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id,
        track_visibility="onchange",
    )
    state = fields.Selection(STATES, default="draft", required=True, index=True,
                             copy=False, track_visibility="onchange")
    register_kind = fields.Selection(
        [("incoming", "Incoming Documents"),
         ("incoming_secret", "Secret Incoming Documents")],
        string="Register", readonly=True, copy=False,
        help="Secret documents are numbered in a register of their own.")
    registry_number = fields.Integer(string="Arrival Number", readonly=True,
                                     copy=False, group_operator=False)
    registry_year = fields.Integer(string="Register Year", readonly=True,
                                   copy=False, group_operator=False)
    received_date = fields.Date(
        string="Received On", required=True, default=fields.Date.context_today,
        track_visibility="onchange")
    sender = fields.Char(required=True,
                         help="The issuing body (tác giả, cơ quan ban hành).")
    reference = fields.Char(string="Number and Symbol",
                            help="As printed on the document, e.g. 125-CV/TU.")
    document_date = fields.Date()
    document_type = fields.Char(
                                help="E.g. Công văn, Quyết định, Báo cáo.")
    summary = fields.Text(required=True,
                          help="Trích yếu nội dung.")
    urgency = fields.Selection(URGENCY, default="normal", required=True,
                               track_visibility="onchange")
    confidentiality = fields.Selection(CONFIDENTIALITY, default="normal",
                                       required=True, track_visibility="onchange")
    is_secret = fields.Boolean(compute="_compute_is_secret", store=True,
                               string="Secret")
    leader_id = fields.Many2one(
        "res.users", string="Presented To", index=True,
        track_visibility="onchange",
        domain=lambda self: [("groups_id", "in", self.env.ref(
            "paperless_meeting.group_paperless_leader").id)])
    direction = fields.Text(track_visibility="onchange",
                            help="Ý kiến chỉ đạo (bút phê) of the leader.")
    assignee_id = fields.Many2one("res.users", string="Lead Handler", index=True,
                                  track_visibility="onchange")
    co_assignee_ids = fields.Many2many(
        "res.users", "paperless_incoming_co_assignee_rel", "incoming_id",
        "user_id", string="Co-handlers")
    deadline = fields.Date(track_visibility="onchange")
    deadline_days = fields.Integer(
        string="Working Days",
        help="Instead of a date: the deadline is this many working days after "
        "the direction, in the unit's calendar (weekends and public holidays "
        "not counted).")
    is_overdue = fields.Boolean(compute="_compute_is_overdue",
                                search="_search_is_overdue", string="Overdue")
    reminded = fields.Boolean(readonly=True, copy=False,
                              help="The handler was reminded of the deadline.")
    outcome = fields.Text()
    notes = fields.Text()
    file_ids = fields.One2many("paperless.document", "incoming_id", string="Files")
    # Issue #12: the direction may put the document on a meeting's agenda;
    # the meeting's conclusion closes it.
    meeting_id = fields.Many2one(
        "paperless.meeting", string="Put on the Agenda of", index=True,
        copy=False, ondelete="set null", track_visibility="onchange",
        domain="[('company_id', '=', company_id), ('state', '=', 'draft')]",
        help="A meeting of the unit still in preparation: directing puts the "
        "document on its agenda, and the meeting's conclusion closes it.")
    agenda_item_id = fields.Many2one(
        "paperless.agenda.item", readonly=True, copy=False, index=True,
        ondelete="set null")
    meeting_conclusion = fields.Text(readonly=True, copy=False,
                                     help="The meeting's conclusion on it.")
    conclusion_notice = fields.Char(
        string="Conclusion Notice No.", readonly=True, copy=False,
        help="The number of the meeting's conclusion notice.")

    _sql_constraints = [
        ("register_number_unique",
         "unique(company_id, register_kind, registry_year, registry_number)",
         "This arrival number is already in the unit's register."),
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("registry_number", "registry_year", "register_kind")
    def _compute_name(self):
        for document in self:
            if not document.registry_number:
                document.name = _("Not registered")
                continue
            # The secret register's numbers restart at 1 too: marked "M"
            # (mật) so that two documents never read the same.
            document.name = "%d/%d%s" % (
                document.registry_number, document.registry_year,
                "-M" if document.register_kind == "incoming_secret" else "")

    @api.model
    def _today(self):
        """Today in the office's time zone, as a date."""
        return fields.Date.from_string(self.env["paperless.paper"]._local_today())

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.to_string(self._today())
        for document in self:
            document.is_overdue = bool(document.deadline) \
                and document.state != "done" and document.deadline < today

    @api.model
    def _search_is_overdue(self, operator, value):
        today = fields.Date.to_string(self._today())
        overdue = ["&", "&", ("deadline", "!=", False),
                   ("deadline", "<", today), ("state", "!=", "done")]
        if (operator == "=") == bool(value):
            return overdue
        return ["|", "|", ("deadline", "=", False),
                ("deadline", ">=", today), ("state", "=", "done")]

    @api.onchange("deadline_days")
    def _onchange_deadline_days(self):
        if self.deadline_days > 0:
            self.deadline = fields.Date.to_string(
                self.company_id._paperless_add_working_days(
                    self._today(), self.deadline_days))

    @api.depends("confidentiality")
    def _compute_is_secret(self):
        for document in self:
            document.is_secret = document.confidentiality != "normal"

    @api.constrains("company_id", "leader_id", "assignee_id", "co_assignee_ids")
    def _check_people_unit(self):
        for document in self:
            people = document.leader_id | document.assignee_id \
                | document.co_assignee_ids
            strangers = people.filtered(
                lambda user: document.company_id not in user.company_ids)
            if strangers:
                raise ValidationError(_(
                    "%(user)s does not work for %(unit)s.") % {
                        "user": strangers[0].name, "unit": document.company_id.name})

    @api.constrains("received_date", "deadline", "document_date")
    def _check_dates(self):
        for document in self:
            if document.deadline and document.deadline < document.received_date:
                raise ValidationError(_(
                    "The deadline cannot be before the day the document arrived."))
            if document.document_date \
                    and document.document_date > document.received_date:
                raise ValidationError(_(
                    "The document cannot be dated after the day it arrived."))

    @api.constrains("confidentiality")
    def _check_secret_files(self):
        for document in self:
            if document.is_secret and document.file_ids \
                    and not self._independent_lan():
                raise ValidationError(self._secret_file_message())

    @api.model
    def _independent_lan(self):
        # sudo: reading one of the addon's settings; the office may not read
        # ir.config_parameter.
        value = self.env["ir.config_parameter"].sudo().get_param(
            INDEPENDENT_LAN_PARAM, "")
        return value.strip().lower() in ("1", "true", "yes")

    @api.model
    def _secret_file_message(self):
        return _("Secret documents (confidential and above) are registered "
                 "without their file: this system is not an independent LAN "
                 "approved for state secrets. Keep the paper and register its "
                 "details only.")

    # ------------------------------------------------------------------
    # Who writes what
    # ------------------------------------------------------------------
    @api.multi
    def _is_office(self):
        """The user works in the office of every unit of ``self``."""
        user = self.env.user
        return user.has_group("paperless_meeting.group_paperless_secretary") \
            and all(document.company_id in user.company_ids for document in self)

    @api.multi
    def write(self, vals):
        if self and not self._lock_is_system_write() \
                and not self.env.user._is_superuser():
            self._check_write_fields(vals)
        if self and vals.get("meeting_id") and not self._lock_is_system_write():
            meeting = self._arg_record(
                "paperless.meeting", vals["meeting_id"],
                self._fields["meeting_id"].get_description(self.env)["string"])
            for document in self:
                document._check_agenda_meeting(meeting)
        result = super().write(vals)
        if set(vals) & {"state", "leader_id", "assignee_id", "co_assignee_ids"}:
            self._sync_file_readers()
        return result

    @api.multi
    def _sync_file_readers(self):
        """Keep on each file who may read it besides the office: the leader
        once presented, the handlers once directed."""
        for document in self:
            readers = self.env["res.users"]
            if document.state not in ("draft", "registered"):
                readers = document.leader_id
            if document.state in ("directed", "in_progress", "done"):
                readers |= document.assignee_id | document.co_assignee_ids
            key = "|%s|" % "|".join(str(uid) for uid in sorted(readers.ids)) \
                if readers else False
            # sudo: a technical key of the files, written by the system for
            # the record rule; the user may not write the files themselves.
            files = document.sudo().file_ids
            if files:
                files._lock_write_system({"incoming_reader_key": key})
        return True

    @api.multi
    def _check_write_fields(self, vals):
        changed = set(vals) - set(self._lock_exempt_fields)
        office = self._is_office()
        uid = self.env.uid
        for document in self:
            for name in changed:
                if name in DIRECTION_FIELDS:
                    allowed = document.state == "submitted" \
                        and document.leader_id.id == uid
                elif name in OUTCOME_FIELDS:
                    allowed = document.state == "in_progress" and (
                        document.assignee_id.id == uid or office)
                elif name in self._lock_system_fields:
                    continue  # refused by the lock mixin with its message
                else:
                    allowed = office and document.state in OFFICE_STATES
                if not allowed:
                    raise UserError(_(
                        "%(field)s of the incoming document %(name)s cannot be "
                        "changed by you in its current state.") % {
                            "field": self._fields[name].get_description(
                                self.env)["string"] if name in self._fields
                            else name,
                            "name": document.name})

    @api.multi
    def unlink(self):
        if self.filtered(lambda document: document.state != "draft"):
            raise UserError(_("A registered incoming document stays in the "
                              "register; only drafts can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def _check_state(self, *states):
        if self.state not in states:
            raise UserError(_(
                "The incoming document %(name)s is %(state)s: this action is not "
                "possible now.") % {
                    "name": self.name,
                    "state": dict(self._fields["state"]._description_selection(
                        self.env))[self.state]})

    @api.multi
    def _check_office(self):
        if not self._is_office():
            raise AccessError(_("Only the office of the unit can do this."))

    @api.multi
    def action_register(self):
        """Give the document the next arrival number of its unit's register
        for the year it arrived: gap-free, no duplicate, also when clerks
        register at once (the register's counter row is locked until this
        transaction ends; a rolled back registration gives the number back).
        Secret documents are numbered in a register of their own."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office()
        self._check_state("draft")
        if self.is_secret and self.file_ids and not self._independent_lan():
            raise UserError(self._secret_file_message())
        kind = "incoming_secret" if self.is_secret else "incoming"
        setting = self.env["paperless.paper.setting"]._for(self.company_id, kind)
        number = setting._draw(self.received_date)
        self._lock_write_system({
            "state": "registered", "register_kind": kind,
            "registry_number": number,
            "registry_year": fields.Date.from_string(self.received_date).year,
        })
        return True

    @api.multi
    def action_submit(self):
        """Present the registered document to its leader."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_office()
        self._check_state("registered")
        if not self.leader_id:
            raise UserError(_("Please choose the leader to present it to."))
        self._lock_write_system({"state": "submitted"})
        self.message_subscribe_users(self.leader_id.ids)
        return True

    @api.multi
    def action_direct(self):
        """The presented leader, and only them, has written the direction,
        the lead handler and the deadline: the document goes to them."""
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_state("submitted")
        if self.leader_id.id != self.env.uid:
            raise AccessError(_("Only the leader it is presented to can direct "
                                "this document."))
        if self.deadline_days < 0:
            raise UserError(_("The number of working days cannot be negative."))
        if self.deadline_days and not self.deadline:
            # Counted from the day of the direction, in the unit's calendar.
            self.write({"deadline": fields.Date.to_string(
                self.company_id._paperless_add_working_days(
                    self._today(), self.deadline_days))})
        missing = [self._fields[name].get_description(self.env)["string"]
                   for name in ("direction", "assignee_id", "deadline")
                   if not self[name]]
        if missing:
            raise UserError(_("Please fill in before directing: %(fields)s.") % {
                "fields": ", ".join(missing)})
        if self.meeting_id:
            # Again: the office may have scheduled the meeting meanwhile.
            self._check_agenda_meeting(self.meeting_id)
        self._lock_write_system({"state": "directed"})
        self.message_subscribe_users((self.assignee_id | self.co_assignee_ids).ids)
        if self.meeting_id:
            self._put_on_agenda()
        return True

    @api.multi
    def action_start(self):
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_state("directed")
        self._check_handler()
        self._lock_write_system({"state": "in_progress"})
        return True

    @api.multi
    def action_done(self):
        self._ensure_one_action()
        self._check_can_read(self)
        self._check_state("in_progress")
        self._check_handler()
        if not (self.outcome or "").strip():
            raise UserError(_("Please write the outcome before closing."))
        self._lock_write_system({"state": "done"})
        return True

    @api.multi
    def _check_handler(self):
        if self.assignee_id.id != self.env.uid and not self._is_office():
            raise AccessError(_("Only the lead handler or the office can do this."))

    # ------------------------------------------------------------------
    # Meeting agenda (issue #12)
    # ------------------------------------------------------------------
    @api.multi
    def _check_agenda_meeting(self, meeting):
        """The presented leader may put the document on ``meeting`` only if:

        * they may read the meeting (a draft meeting they chair: record
          rules, AccessError otherwise);
        * it is a meeting of the document's unit;
        * it is still in preparation (draft). Scheduling issues the
          invitations and the numbered agenda paper (``_paper_issue``), and
          that paper prints the live agenda: an item added afterwards would
          change an issued paper that invitees already hold. The lock mixin
          only freezes the agenda once the meeting is done or cancelled, so
          this rule is stricter on purpose; the office, which answers for
          the issued agenda, may still add an item by hand;
        * for a secret document (confidential and above), the meeting is
          marked at least as secret: the item shows its summary and arrival
          number to the invitees, which must not reach a less secret
          meeting. Its file is never copied to the meeting (there is none,
          except on an independent LAN): invitees get its metadata only."""
        self.ensure_one()
        try:
            self._check_can_read(meeting)
        except AccessError:
            raise AccessError(_(
                "You cannot see the meeting you chose: choose a meeting you "
                "chair that is still in preparation."))
        if meeting.company_id != self.company_id:
            raise UserError(_(
                "The meeting \"%(meeting)s\" is not a meeting of %(unit)s, "
                "the unit of the incoming document %(name)s.") % {
                    "meeting": meeting.name, "unit": self.company_id.name,
                    "name": self.name})
        if meeting.state == "scheduled":
            raise UserError(_(
                "The meeting \"%(meeting)s\" is already scheduled: its "
                "invitations and agenda were issued. Choose a meeting still in "
                "preparation, or ask the office to add the item.") % {
                    "meeting": meeting.name})
        if meeting.state != "draft":
            raise UserError(_(
                "The meeting \"%(meeting)s\" has started, is done or was "
                "cancelled: choose a meeting still in preparation.") % {
                    "meeting": meeting.name})
        levels = [key for key, _label in CONFIDENTIALITY]
        if levels.index(meeting.confidentiality) \
                < levels.index(self.confidentiality):
            raise UserError(_(
                "The incoming document %(name)s is secret: it can only go on "
                "the agenda of a meeting marked at least as secret.") % {
                    "name": self.name})
        return True

    @api.multi
    def _agenda_note(self):
        """How the agenda names the document: arrival number, reference and
        sender, metadata the invitees may know."""
        self.ensure_one()
        return _("Incoming document No. %(number)s, %(reference)s of "
                 "%(sender)s.") % {
                     "number": self.name,
                     "reference": self.reference or _("without reference"),
                     "sender": self.sender}

    @api.multi
    def _copy_files_to_agenda(self, files):
        """Reader copies of ``files`` as documents of the agenda item, for a
        document that is not secret, while its meeting is in preparation
        (a file added after the direction follows the first ones)."""
        self.ensure_one()
        item = self.agenda_item_id
        if self.is_secret or not item or item.meeting_id.state != "draft":
            return self.env["paperless.document"]
        copies = self.env["paperless.document"]
        for source in files:
            # sudo: the files' bytes are the office's field; the copies are
            # made on its behalf, like the item.
            copies |= copies.sudo().create({
                "name": source.name, "sequence": source.sequence,
                "meeting_id": item.meeting_id.id, "agenda_item_id": item.id,
                "datas": source.datas, "datas_fname": source.datas_fname,
                "description": _("File of the incoming document %(name)s.")
                % {"name": self.name},
            })
        return copies

    @api.multi
    def _put_on_agenda(self):
        """Directed with a meeting: an agenda item on it (the summary as
        subject, the lead handler presents) and, for a document that is
        not secret, a reader copy of each file as a document of that item.
        Invitees read the copies through the same stamped, logged reader as
        every meeting document; the incoming document itself and its own
        files stay under their own rules (invitees never read them)."""
        self.ensure_one()
        meeting = self.meeting_id
        # sudo: the direction puts the item on the agenda on the office's
        # behalf; action_direct checked the leader and the meeting (readable
        # by them, of the unit, in preparation).
        item = self.env["paperless.agenda.item"].sudo().create({
            "meeting_id": meeting.id,
            "sequence": max(meeting.agenda_item_ids.mapped("sequence") or [0]) + 1,
            "name": " ".join(self.summary.split()),
            "presenter_id": self.assignee_id.id,
            "description": self._agenda_note(),
        })
        self._lock_write_system({"agenda_item_id": item.id})
        # The lead handler presents the item: invited (as a guest) unless
        # they already are.
        if self.assignee_id not in meeting.attendee_ids.mapped("user_id"):
            # sudo: on the office's behalf, like the item.
            self.env["paperless.meeting.attendee"].sudo().create({
                "meeting_id": meeting.id, "user_id": self.assignee_id.id,
                "role": "guest"})
        # sudo: every file of the document, as the office filed them.
        self._copy_files_to_agenda(self.sudo().file_ids)
        # sudo: a note on the meeting's chatter, which the leader may not
        # write; signed with their name.
        meeting.sudo().message_post(
            body=html_escape(_("Put on the agenda by %(leader)s's direction: "
                               "%(note)s") % {"leader": self.env.user.name,
                                              "note": self._agenda_note()}),
            author_id=self.env.user.partner_id.id, subtype="mail.mt_note")
        return item

    @api.multi
    def _meeting_concluded(self, item):
        """The meeting of ``item`` is done with a conclusion on it: the
        conclusion is recorded (with the conclusion notice's number) and
        the documents are done; the outcome, if the handler wrote none,
        says so, for the processing slip."""
        meeting = item.meeting_id
        text = html2plaintext(item.conclusion or "").strip()
        notice = meeting._paper("conclusion").name or False
        for document in self:
            summary = _("Concluded by the meeting \"%(meeting)s\".") % {
                "meeting": meeting.name}
            if notice:
                summary += " " + _("Conclusion notice No. %(notice)s.") % {
                    "notice": notice}
            document._lock_write_system({
                "state": "done", "meeting_conclusion": text,
                "conclusion_notice": notice,
                "outcome": document.outcome or "%s\n%s" % (summary, text),
            })
            document.message_post(
                body="<p>%s</p><p>%s</p>" % (html_escape(summary),
                                             html_escape(text)),
                subtype="mail.mt_note")
        return True

    @api.multi
    def _meeting_left_open(self, item, reason):
        """The meeting of ``item`` ended without a conclusion on it
        (``reason`` "no_conclusion"), was cancelled ("cancelled"), or the
        office took the item off the agenda ("removed"): the document stays
        with its lead handler as directed (the direction stands), with a
        note and a to-do for them. Should the office hold a cancelled
        meeting after all (back to draft), its conclusion still closes the
        document; taken off the agenda, it is on no meeting any more."""
        meeting = item.meeting_id
        message, summary = {
            "no_conclusion": (
                _("The meeting \"%(meeting)s\" drew no conclusion on this "
                  "document: it stays with its lead handler."),
                _("No meeting conclusion: %(name)s")),
            "cancelled": (
                _("The meeting \"%(meeting)s\" was cancelled: the document "
                  "stays with its lead handler as directed."),
                _("Meeting cancelled: %(name)s")),
            "removed": (
                _("The office took the document off the agenda of the meeting "
                  "\"%(meeting)s\": it stays with its lead handler as "
                  "directed."),
                _("Off the meeting's agenda: %(name)s")),
        }[reason]
        if reason == "removed":
            self._lock_write_system({"meeting_id": False})
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        for document in self:
            document.message_post(
                body=html_escape(message % {"meeting": meeting.name}),
                subtype="mail.mt_note")
            self.env["mail.activity"].create({
                "res_model_id": model.id, "res_id": document.id,
                "activity_type_id": todo.id,
                "user_id": document.assignee_id.id,
                "date_deadline": document.deadline
                or fields.Date.to_string(self._today()),
                "summary": summary % {"name": document.name},
            })
        return True

    @api.multi
    def action_view_agenda_item(self):
        """Open the agenda item the direction put the document on."""
        self._ensure_one_action()
        item = self.agenda_item_id
        if not item:
            raise UserError(_("This document is on no meeting's agenda."))
        try:
            self._check_can_read(item)
        except AccessError:
            raise AccessError(_("You are not invited to the meeting of this "
                                "agenda item."))
        return {
            "type": "ir.actions.act_window", "res_model": item._name,
            "res_id": item.id, "view_mode": "form", "target": "current",
            "name": item.meeting_id.name,
        }

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_remind_deadlines(self):
        """Daily: an activity for the lead handler of each open document
        whose deadline is at most REMIND_WORKING_DAYS working days away (or
        passed), once per document."""
        today = self._today()
        # sudo: the scheduler looks at every unit's open documents.
        candidates = self.sudo().search([
            ("state", "in", ("directed", "in_progress")),
            ("deadline", "!=", False), ("assignee_id", "!=", False),
            ("reminded", "=", False),
            ("deadline", "<=", fields.Date.to_string(
                today + timedelta(days=REMIND_WORKING_DAYS * 2 + 14)))])
        todo = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get(self._name)
        reminded = self.browse()
        for document in candidates:
            deadline = fields.Date.from_string(document.deadline)
            left = document.company_id._paperless_working_days_between(
                today, deadline) if deadline >= today else -1
            if left > REMIND_WORKING_DAYS:
                continue
            # sudo: the scheduled job reminds the handler on the office's
            # behalf.
            self.env["mail.activity"].sudo().create({
                "res_model_id": model.id, "res_id": document.id,
                "activity_type_id": todo.id, "user_id": document.assignee_id.id,
                "date_deadline": document.deadline,
                "summary": _("Overdue: %(name)s") % {"name": document.name}
                if left < 0 else _("Deadline near: %(name)s") % {
                    "name": document.name},
            })
            reminded |= document
        reminded._lock_write_system({"reminded": True})
        return reminded.ids

    # ------------------------------------------------------------------
    # Arrival by e-mail (the unit's alias)
    # ------------------------------------------------------------------
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """An e-mail to the unit's alias: a draft for the office to check
        and register. Its PDFs become the document's files (read stamped,
        like every file) instead of raw attachments in the chatter; other
        files stay attached for the office to print to PDF."""
        if not isinstance(msg_dict, dict) \
                or not isinstance(custom_values or {}, dict):
            raise UserError(_("This is not an e-mail message."))
        values = dict(custom_values or {})
        values.setdefault("sender", str(msg_dict.get("email_from") or "")[:200]
                          or _("Unknown sender"))
        values.setdefault("summary", str(msg_dict.get("subject") or "")
                          or _("(no subject)"))
        values.setdefault("received_date", fields.Date.to_string(self._today()))
        document = super().message_new(msg_dict, custom_values=values)
        attachments = msg_dict.get("attachments")
        if isinstance(attachments, list) and not document.is_secret:
            # The gateway posts what is left in msg_dict after this.
            msg_dict["attachments"] = [
                attachment for attachment in attachments
                if not document._file_from_attachment(attachment)]
        return document

    @api.multi
    def _file_from_attachment(self, attachment):
        """Make a PDF of an e-mail a file of the document; False (kept as an
        attachment) for another file or a PDF that cannot be read safely."""
        try:
            name, content = attachment[0], attachment[1]
        except (TypeError, IndexError, KeyError):
            return False
        if not isinstance(name, str) or not name.lower().endswith(".pdf"):
            return False
        if isinstance(content, str):
            content = content.encode("utf-8")
        try:
            with self.env.cr.savepoint():
                # sudo: the mail gateway's user may be anyone; the file is
                # the document's, under its rules.
                self.env["paperless.document"].sudo().create({
                    "name": name, "incoming_id": self.id, "datas_fname": name,
                    "datas": base64.b64encode(content or b"")})
        except (UserError, ValidationError) as error:
            _logger.info("E-mailed file %s kept as attachment: %s", name, error)
            return False
        return True

    # ------------------------------------------------------------------
    # Files
    # ------------------------------------------------------------------
    @api.multi
    def _check_file_allowed(self):
        for document in self:
            if document.state == "done":
                raise UserError(document._lock_message())
            if document.is_secret and not self._independent_lan():
                raise UserError(self._secret_file_message())
        return True

    # ------------------------------------------------------------------
    # Printed
    # ------------------------------------------------------------------
    @api.multi
    def _report_paper(self):
        """The ``paper`` values of report_party_header for the processing
        slip: the unit's letterhead, the arrival number, today's date."""
        self.ensure_one()
        # sudo: the unit's letterhead, printed on every slip of its documents.
        parent, issuer, place = self.company_id.sudo()._paperless_letterhead()
        today = fields.Date.from_string(
            self.env["paperless.paper"]._local_today())
        return {
            "parent": parent,
            "issuer": issuer,
            "unit": self.company_id.name,
            "number": "đến: %s" % self.name if self.registry_number else "đến:",
            "date_line": "%s, ngày %02d tháng %02d năm %d" % (
                place, today.day, today.month, today.year),
            "issued": bool(self.registry_number),
            "secrecy": CONFIDENTIALITY_MARKS.get(self.confidentiality, False),
            "urgency": URGENCY_MARKS.get(self.urgency, False),
        }

    @api.model
    def _report_date(self, value):
        """dd/mm/yyyy, as the register book writes dates."""
        return fields.Date.from_string(value).strftime("%d/%m/%Y") if value else ""
