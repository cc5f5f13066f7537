# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

from .paperless_lock_mixin import CHATTER_FIELDS
from .paperless_paper import CONFIDENTIALITY, URGENCY
from .paperless_paper_setting import recipient_lines

DEFAULT_GROUNDS = ("Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\n"
                   "Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ khóa hiện hành;")


class PaperlessResolution(models.Model):
    """A resolution or decision (nghị quyết, quyết định) the office drafts
    from a motion the meeting passed, and issues with its number from the
    unit's register. Once issued it never changes: its first print is kept
    and every reprint is that same file."""

    _name = "paperless.resolution"
    _inherit = ["mail.thread", "mail.activity.mixin", "paperless.lock.mixin",
                "paperless.paper.mixin"]
    _description = "Resolution"
    _order = "date_issued desc, id desc"
    _lock_states = ("issued",)
    # No parent lock: resolutions are drafted after the meeting is done.
    _lock_exempt_fields = CHATTER_FIELDS
    _lock_system_fields = ("state", "number", "date_issued")

    name = fields.Char(
        string="Subject", required=True, track_visibility="onchange",
        help="What it is about (trích yếu), e.g. \"về công tác cán bộ\".",
    )
    kind = fields.Selection(
        [("resolution", "Resolution"), ("decision", "Decision")],
        string="Paper Kind", required=True, default="resolution",
        track_visibility="onchange",
    )
    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, index=True, ondelete="restrict",
    )
    ballot_id = fields.Many2one(
        "paperless.ballot", string="Passed Motion", required=True, index=True,
        ondelete="restrict",
        domain="[('meeting_id', '=', meeting_id), ('state', '=', 'closed'), "
        "('result', '=', 'passed')]",
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    grounds = fields.Text(
        default=DEFAULT_GROUNDS,
        help="The grounds (căn cứ…), one per line, printed before what is "
        "resolved.",
    )
    content = fields.Html(
        string="Resolved Text", sanitize=True,
        help="What the body resolves or decides, as the office writes it.",
    )
    recipients = fields.Text(
        help="\"Nơi nhận\", one per line; the unit's settings propose them.")
    confidentiality = fields.Selection(
        CONFIDENTIALITY, string="Secrecy", required=True, default="normal")
    urgency = fields.Selection(URGENCY, required=True, default="normal")
    number = fields.Char(readonly=True, copy=False, index=True,
                         track_visibility="onchange")
    date_issued = fields.Date(string="Issued On", readonly=True, copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("issued", "Issued")], string="Status",
        required=True, readonly=True, default="draft", copy=False,
        track_visibility="onchange",
    )

    @api.constrains("meeting_id", "ballot_id")
    def _check_passed_motion(self):
        for resolution in self:
            ballot = resolution.ballot_id
            if ballot.meeting_id != resolution.meeting_id:
                raise ValidationError(_(
                    "The motion \"%(ballot)s\" was not voted at this meeting.")
                    % {"ballot": ballot.name})
            if ballot.state != "closed" or ballot.result != "passed":
                raise ValidationError(_(
                    "A resolution can only be drawn from a motion the meeting "
                    "passed; \"%(ballot)s\" was not passed.") % {
                        "ballot": ballot.name})

    @api.onchange("ballot_id")
    def _onchange_ballot_id(self):
        if self.ballot_id and not self.name:
            self.name = self.ballot_id.name

    @api.onchange("kind", "meeting_id")
    def _onchange_kind(self):
        if self.meeting_id and self.kind:
            self.recipients = "\n".join(self.env["paperless.paper.setting"]._for(
                self.meeting_id.company_id, self.kind)._recipients()) or False

    @api.multi
    def _lock_message(self):
        return _("An issued resolution can no longer be changed.")

    @api.multi
    def action_issue(self):
        """Number the resolution from the unit's register of its kind, date
        it today and freeze it."""
        if not self.env.user.has_group("paperless_meeting.group_paperless_secretary"):
            raise UserError(_("Only the office issues resolutions."))
        for resolution in self:
            if resolution.state != "draft":
                raise UserError(_("\"%(name)s\" is already issued.") % {
                    "name": resolution.name})
            if not html2plaintext(resolution.content or "").strip():
                raise UserError(_(
                    "Write what is resolved before issuing \"%(name)s\".") % {
                        "name": resolution.name})
            resolution._check_passed_motion()
            paper = resolution._paper_issue(resolution.kind)
            resolution._lock_write_system({
                "state": "issued", "number": paper.name,
                "date_issued": paper.date_issued})
        return True

    @api.multi
    def action_print(self):
        return self.env.ref(
            "paperless_meeting.report_resolution").report_action(self)

    # Official papers (paperless.paper.mixin): its meeting's chair signs
    # unless the unit names a signer.
    @api.multi
    def _paper_recipients(self, kind):
        self.ensure_one()
        if self.recipients:
            return recipient_lines(self.recipients)
        return super()._paper_recipients(kind)

    @api.multi
    def _report_kind_title(self):
        return "NGHỊ QUYẾT" if self.kind == "resolution" else "QUYẾT ĐỊNH"

    @api.multi
    def _report_resolving_line(self):
        """"BAN THƯỜNG VỤ QUYẾT NGHỊ:": the body on whose behalf it is
        signed (the signer's authority line, without "T/M")."""
        self.ensure_one()
        authority = self._paper_signer(self.kind)["authority"]
        body = authority[0] if authority else ""
        for prefix in ("T/M ", "T/L ", "K/T "):
            if body.startswith(prefix):
                body = body[len(prefix):]
        verb = "QUYẾT NGHỊ:" if self.kind == "resolution" else "QUYẾT ĐỊNH:"
        return "%s %s" % (body, verb) if body else verb

    @api.multi
    def _grounds_lines(self):
        self.ensure_one()
        return [line.strip() for line in (self.grounds or "").splitlines()
                if line.strip()]
