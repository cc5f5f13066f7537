# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import html2plaintext

from .paperless_lock_mixin import CHATTER_FIELDS

OPINIONS = [("agree", "Agree"), ("disagree", "Disagree"), ("other", "Other Opinion")]
# Changing these while the consultation is open changes what was asked:
# every earlier answer lapses.
ASKED_FIELDS = ("name", "description")
# Reminders go to those who have not answered this long before the deadline.
REMIND_BEFORE = timedelta(hours=24)


class PaperlessConsultation(models.Model):
    """A request for written opinions (xin ý kiến): the office asks a
    body's members or chosen leaders when no meeting is held; each answers
    agree, disagree or other, with a reason; the office aggregates and
    issues the implementing paper. Approved when more than half of all
    respondents agree: no answer counts as not agreeing."""

    _name = "paperless.consultation"
    _description = "Request for Opinions"
    _inherit = ["mail.thread", "mail.activity.mixin", "paperless.lock.mixin",
                "paperless.paper.mixin"]
    _order = "deadline desc, id desc"
    _lock_states = ("closed", "done")
    _lock_exempt_fields = CHATTER_FIELDS + ("conclusion", "overdue", "reminded")
    _lock_system_fields = ("state", "version", "date_open", "date_close",
                           "overdue", "reminded")

    name = fields.Char(string="Question", required=True, track_visibility="onchange")
    description = fields.Html(
        string="Draft or Question in Full",
        help="What the respondents are asked to give their opinion on. "
        "Changing it while open makes every earlier answer lapse.")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id,
    )
    body_id = fields.Many2one(
        "paperless.body", string="Leadership Body", ondelete="restrict",
        domain="[('company_id', '=', company_id)]",
        help="Choosing it proposes its sitting members as respondents.",
    )
    respondent_ids = fields.Many2many(
        "res.users", "paperless_consultation_respondent_rel", "consultation_id",
        "user_id", string="Respondents",
    )
    deadline = fields.Datetime(required=True, track_visibility="onchange")
    document_ids = fields.One2many(
        "paperless.document", "consultation_id", string="Documents")
    response_ids = fields.One2many(
        "paperless.consultation.response", "consultation_id", string="Answers")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Answers Closed"),
         ("done", "Concluded")], string="Status", required=True, readonly=True,
        default="draft", copy=False, index=True, track_visibility="onchange",
    )
    version = fields.Integer(
        default=1, readonly=True, copy=False,
        help="Raised each time what is asked changes while open; answers to "
        "an earlier version no longer count.")
    date_open = fields.Datetime(string="Opened On", readonly=True, copy=False)
    date_close = fields.Datetime(string="Closed On", readonly=True, copy=False)
    overdue = fields.Boolean(readonly=True, copy=False, index=True)
    reminded = fields.Boolean(readonly=True, copy=False)
    conclusion = fields.Html(
        help="The office's conclusion from the answers: the text of the "
        "implementing paper.")
    # Counts and outcome: the office's view (a respondent sees only their
    # own answer while open). Not stored, so not searchable or groupable.
    agree_count = fields.Integer(compute="_compute_counts", string="Agree",
                                 groups="paperless_meeting.group_paperless_secretary")
    disagree_count = fields.Integer(
        compute="_compute_counts", string="Disagree",
        groups="paperless_meeting.group_paperless_secretary")
    other_count = fields.Integer(
        compute="_compute_counts", string="Other Opinions",
        groups="paperless_meeting.group_paperless_secretary")
    pending_count = fields.Integer(
        compute="_compute_counts", string="No Answer Yet",
        groups="paperless_meeting.group_paperless_secretary")
    outcome = fields.Selection(
        [("approved", "Approved"), ("not_approved", "Not Approved")],
        compute="_compute_counts",
        groups="paperless_meeting.group_paperless_secretary",
        help="Approved when more than half of all respondents agree.")
    my_response_id = fields.Many2one(
        "paperless.consultation.response", compute="_compute_my_response",
        string="My Answer")
    my_opinion = fields.Selection(OPINIONS, compute="_compute_my_response")
    waiting_for_me = fields.Boolean(
        compute="_compute_my_response", search="_search_waiting_for_me")

    @api.depends("response_ids.opinion", "response_ids.standing", "respondent_ids")
    def _compute_counts(self):
        for consultation in self:
            # sudo: every answer, for the office's counts (the fields are the
            # office's only).
            standing = consultation.sudo().response_ids.filtered("standing")
            counts = {key: len(standing.filtered(
                lambda response, key=key: response.opinion == key))
                for key, _label in OPINIONS}
            consultation.agree_count = counts["agree"]
            consultation.disagree_count = counts["disagree"]
            consultation.other_count = counts["other"]
            total = len(consultation.respondent_ids)
            consultation.pending_count = total - len(standing)
            consultation.outcome = "approved" if total and \
                counts["agree"] * 2 > total else "not_approved"

    def _compute_my_response(self):
        responses = self.env["paperless.consultation.response"].search([
            ("consultation_id", "in", self.ids), ("user_id", "=", self.env.uid)])
        mine = {response.consultation_id.id: response for response in responses}
        for consultation in self:
            response = mine.get(consultation.id)
            consultation.my_response_id = response
            consultation.my_opinion = response.opinion if response \
                and response.standing else False
            consultation.waiting_for_me = consultation.state == "open" \
                and self.env.user in consultation.respondent_ids \
                and not (response and response.standing)

    def _search_waiting_for_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(_("This filter only takes yes or no."))
        answered = self.env["paperless.consultation.response"].search([
            ("user_id", "=", self.env.uid), ("standing", "=", True)]).mapped(
                "consultation_id")
        # Normalised: Odoo 11 substitutes a search method's domain as is.
        domain = expression.normalize_domain([
            ("state", "=", "open"), ("respondent_ids", "in", self.env.uid),
            ("id", "not in", answered.ids)])
        return domain if (operator == "=") == value else ["!"] + domain

    @api.onchange("body_id")
    def _onchange_body_id(self):
        """Propose the body's members sitting today as respondents."""
        if self.body_id:
            self.respondent_ids |= self.body_id._sitting_users(
                fields.Date.context_today(self))

    @api.constrains("deadline", "state")
    def _check_deadline(self):
        for consultation in self:
            if consultation.state == "draft" and consultation.deadline \
                    and consultation.deadline < fields.Datetime.now():
                raise ValidationError(_("The deadline must be in the future."))

    @api.multi
    def _lock_message(self):
        return _("A closed request for opinions can no longer be changed.")

    # ------------------------------------------------------------------
    # What is asked changes while open: earlier answers lapse
    # ------------------------------------------------------------------
    @api.multi
    def write(self, vals):
        asked = set(vals) & set(ASKED_FIELDS)
        opened = self.filtered(lambda consultation: consultation.state == "open") \
            if asked and not self._lock_is_system_write() else self.browse()
        result = super().write(vals)
        opened._lapse_answers(_("The question or draft was changed."))
        return result

    @api.multi
    def _lapse_answers(self, why):
        """Every earlier answer stops counting; respondents are told and
        asked again."""
        for consultation in self:
            consultation._lock_write_system({"version": consultation.version + 1})
            consultation.message_post(body=_(
                "%(why)s Earlier answers no longer count: every respondent is "
                "asked again.") % {"why": why}, subtype="mail.mt_note")
            consultation._ask_respondents(consultation.respondent_ids)
        return True

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    @api.multi
    def _check_office(self):
        if not self.env.user.has_group("paperless_meeting.group_paperless_secretary"):
            raise AccessError(_("Only the office can do this."))

    @api.multi
    def action_open(self):
        self._check_office()
        for consultation in self:
            if consultation.state != "draft":
                raise UserError(_("\"%(name)s\" is not a draft.") % {
                    "name": consultation.name})
            if not consultation.respondent_ids:
                raise UserError(_("Choose who is asked before opening \"%(name)s\".")
                                % {"name": consultation.name})
            if not html2plaintext(consultation.description or "").strip() \
                    and not consultation.document_ids:
                raise UserError(_(
                    "Write the question or attach the draft before opening "
                    "\"%(name)s\".") % {"name": consultation.name})
            if consultation.deadline <= fields.Datetime.now():
                raise UserError(_("The deadline must be in the future."))
        self._lock_write_system({"state": "open", "date_open": fields.Datetime.now()})
        for consultation in self:
            consultation._paper_issue("opinion_slip")
            consultation._ask_respondents(consultation.respondent_ids)
        return True

    @api.multi
    def _ask_respondents(self, users):
        """An e-mail from the office's template and a to-do with the
        deadline, for each of ``users``."""
        self.ensure_one()
        template = self.env.ref("paperless_meeting.mail_template_consultation_request")
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        deadline = fields.Datetime.context_timestamp(
            self.with_context(tz=self.env.user.tz or "Asia/Ho_Chi_Minh"),
            fields.Datetime.from_string(self.deadline)).date()
        # sudo: the office asks on the respondents' behalf; a to-do and a
        # follower entry for each of them.
        consultation = self.sudo()
        consultation.message_subscribe(partner_ids=users.mapped("partner_id").ids)
        for user in users:
            template.with_context(lang=user.lang or "vi_VN").send_mail(
                self.id, email_values={"recipient_ids": [(6, 0, user.partner_id.ids)]})
            consultation._schedule_answer_activity(user, activity_type, deadline)
        return True

    @api.multi
    def _schedule_answer_activity(self, user, activity_type, deadline):
        self.ensure_one()
        return self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get(self._name).id,
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "summary": _("Give your opinion: %(name)s") % {"name": self.name},
            "date_deadline": deadline,
            "user_id": user.id,
        })

    @api.multi
    def action_close(self):
        self._check_office()
        for consultation in self:
            if consultation.state != "open":
                raise UserError(_("\"%(name)s\" is not open.") % {
                    "name": consultation.name})
        self._lock_write_system({"state": "closed",
                                 "date_close": fields.Datetime.now()})
        # Nothing is left to answer.
        self.sudo().mapped("activity_ids").unlink()
        return True

    @api.multi
    def action_done(self):
        """Conclude: the implementing notice draws its number."""
        self._check_office()
        for consultation in self:
            if consultation.state != "closed":
                raise UserError(_("Close \"%(name)s\" before concluding it.") % {
                    "name": consultation.name})
            if not html2plaintext(consultation.conclusion or "").strip():
                raise UserError(_("Write the conclusion of \"%(name)s\" first.") % {
                    "name": consultation.name})
        self._lock_write_system({"state": "done"})
        self._paper_issue("conclusion")
        return True

    # ------------------------------------------------------------------
    # The respondent answers
    # ------------------------------------------------------------------
    @api.multi
    def respond(self, opinion, reason=None):
        """The signed-in respondent's answer: agree, disagree or other (the
        last two with a reason). It may change until the request closes."""
        consultation = self._ensure_one_action()
        consultation._check_can_read(consultation)
        opinions = dict(OPINIONS)
        if not isinstance(opinion, str) or opinion not in opinions:
            raise UserError(_("Please choose agree, disagree or another opinion."))
        reason = (self._arg_text(reason, _("The reason")) or "").strip()
        if consultation.state != "open":
            raise UserError(_("\"%(name)s\" is not open for answers.") % {
                "name": consultation.name})
        if self.env.user not in consultation.respondent_ids:
            raise AccessError(_("You were not asked for your opinion on this."))
        if opinion != "agree" and not reason:
            raise UserError(_("Please give the reason for your opinion."))
        values = {"opinion": opinion, "reason": reason or False,
                  "version": consultation.version,
                  "answered_on": fields.Datetime.now()}
        # sudo: answers are written only here, for the signed-in respondent,
        # after the checks above; respondents have no write right of their own.
        Response = self.env["paperless.consultation.response"].sudo()
        response = Response.search([("consultation_id", "=", consultation.id),
                                    ("user_id", "=", self.env.uid)])
        if response:
            response._lock_write_system(values)
        else:
            response = Response._lock_create_system(dict(
                values, consultation_id=consultation.id, user_id=self.env.uid))
        # The to-do of this respondent is done.
        consultation.sudo().activity_ids.filtered(
            lambda activity: activity.user_id == self.env.user).action_feedback()
        return response.id

    @api.multi
    def _demo_respond(self, user_id, opinion, reason):
        """Demo data only: answer as ``user_id`` through the real respond."""
        return self.sudo(user_id).respond(opinion, reason)

    # ------------------------------------------------------------------
    # Scheduled job: remind before the deadline, flag after it
    # ------------------------------------------------------------------
    @api.model
    def _cron_deadlines(self, now=None):
        now = fields.Datetime.from_string(now or fields.Datetime.now())
        soon = fields.Datetime.to_string(now + REMIND_BEFORE)
        # sudo: the scheduled job acts for every unit's office.
        consultations = self.sudo().search([("state", "=", "open")])
        for consultation in consultations:
            if consultation.deadline <= fields.Datetime.to_string(now):
                if not consultation.overdue:
                    consultation._lock_write_system({"overdue": True})
                    consultation.message_post(body=_(
                        "The deadline has passed."), subtype="mail.mt_note")
            elif consultation.deadline <= soon and not consultation.reminded:
                pending = consultation.respondent_ids - consultation.response_ids \
                    .filtered("standing").mapped("user_id")
                if pending:
                    consultation.message_post(
                        body=_("Reminder: your opinion is awaited before the "
                               "deadline."),
                        partner_ids=pending.mapped("partner_id").ids,
                        subtype="mail.mt_comment")
                consultation._lock_write_system({"reminded": True})
        return True

    # Official papers (paperless.paper.mixin)
    @api.multi
    def _paper_default_signer(self, kind):
        return self.create_uid

    @api.multi
    def action_print_summary(self):
        return self.env.ref(
            "paperless_meeting.report_consultation_summary").report_action(self)

    @api.multi
    def _report_deadline(self):
        """"17 giờ 00, ngày 05/12/2026" in the office's time zone."""
        self.ensure_one()
        moment = fields.Datetime.context_timestamp(
            self.with_context(tz=self.env.user.tz or "Asia/Ho_Chi_Minh"),
            fields.Datetime.from_string(self.deadline))
        return "%02d giờ %02d, ngày %02d/%02d/%d" % (
            moment.hour, moment.minute, moment.day, moment.month, moment.year)

    @api.model
    def _report_opinion(self, response):
        labels = {"agree": "Đồng ý", "disagree": "Không đồng ý",
                  "other": "Ý kiến khác"}
        return labels.get(response.opinion if response else None, "Chưa có ý kiến")

    @api.multi
    def _summary_lines(self):
        """Each respondent with their standing answer (or none), for the
        summary report; the office's view."""
        self.ensure_one()
        # Every answer is on it: the office's paper only, whoever asks for
        # the report (a respondent may read the consultation itself).
        self._check_office()
        # sudo: the office reads every answer of its units' consultations.
        responses = {response.user_id: response for response in
                     self.sudo().response_ids.filtered("standing")}
        return [{"user": user, "response": responses.get(user)}
                for user in self.respondent_ids.sorted("name")]
