# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .paperless_paper import PAPER_KINDS, PAPER_SYMBOLS

# Who signs when a unit has not said otherwise (Hướng dẫn 36-HD/VPTW, thể
# thức đề ký): decisions of the body are signed on its behalf (T/M) by its
# head; the office's papers by its chief on the body's authority (T/L).
DEFAULT_AUTHORITY = {
    "resolution": "T/M BAN THƯỜNG VỤ",
    "decision": "T/M BAN THƯỜNG VỤ",
    "invitation": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
    "agenda": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
    "conclusion": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
    "opinion_slip": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
}
DEFAULT_RECIPIENTS = {
    "invitation": "Như trên,\nLưu Văn phòng.",
    "agenda": "Các đồng chí dự họp,\nLưu Văn phòng.",
    "conclusion": "Các đồng chí dự họp,\nLưu Văn phòng.",
    "resolution": "Các đồng chí Tỉnh ủy viên,\nCác cơ quan, đơn vị liên quan,\n"
                  "Lưu Văn phòng.",
    "decision": "Như Điều 3,\nLưu Văn phòng.",
}


def recipient_lines(text):
    """"Nơi nhận" lines as the signature block prints them: without the
    dash and the final comma or full stop people type (it adds its own)."""
    lines = (line.strip().lstrip("-–").strip().rstrip(",.;").strip()
             for line in (text or "").splitlines())
    return [line for line in lines if line]


class PaperlessPaperSetting(models.Model):
    """How a unit issues one kind of paper: who signs it and on whose
    authority, who receives it, and its register (an ``ir.sequence`` with
    yearly ranges and no gaps)."""

    _name = "paperless.paper.setting"
    _description = "Paper Settings of a Unit"
    _order = "company_id, kind"
    _rec_name = "kind"

    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True, ondelete="cascade",
        default=lambda self: self.env.user.company_id,
    )
    kind = fields.Selection(PAPER_KINDS, string="Paper Kind", required=True)
    authority = fields.Text(
        string="Signing Authority",
        help="The authority line(s) above the signature, one per line, e.g. "
        "\"T/M BAN THƯỜNG VỤ\", or \"T/L BAN THƯỜNG VỤ\" then \"CHÁNH VĂN PHÒNG\", "
        "or \"K/T BÍ THƯ\" then \"PHÓ BÍ THƯ\".",
    )
    signer_title = fields.Char(
        string="Signer's Title", help="E.g. \"BÍ THƯ\"; leave empty when the "
        "authority lines already name the office.")
    signer_id = fields.Many2one(
        "res.users",
        help="Who signs this kind of paper. Empty: the meeting's chair signs "
        "on behalf of the body (T/M), its secretary for the office (T/L).",
    )
    recipients = fields.Text(
        help="\"Nơi nhận\", one recipient per line.")
    sequence_id = fields.Many2one(
        "ir.sequence", string="Register", readonly=True, ondelete="restrict",
    )
    next_number = fields.Integer(
        compute="_compute_next_number",
        help="The number the next paper of this kind will draw this year.")

    _sql_constraints = [
        ("company_kind_unique", "unique(company_id, kind)",
         "A unit has one setting per kind of paper."),
    ]

    @api.constrains("company_id", "signer_id")
    def _check_signer_unit(self):
        for setting in self:
            if setting.signer_id and setting.company_id \
                    not in setting.signer_id.company_ids:
                raise ValidationError(_(
                    "%(signer)s does not work for %(unit)s and cannot sign its "
                    "papers.") % {"signer": setting.signer_id.name,
                                  "unit": setting.company_id.name})

    def _compute_next_number(self):
        today = self.env["paperless.paper"]._local_today()
        for setting in self:
            # sudo: reading the register's counter, not changing it.
            ranges = setting.sudo().sequence_id.date_range_ids.filtered(
                lambda rng: rng.date_from <= today <= rng.date_to)
            setting.next_number = ranges[:1].number_next_actual or 1

    @api.model
    def _for(self, company, kind):
        """The unit's setting of ``kind``, created with its register on
        first use."""
        # sudo: the register belongs to the unit; the clerk issuing a paper
        # draws from it but may not manage the unit's settings.
        settings = self.sudo()
        setting = settings.search([("company_id", "=", company.id),
                                   ("kind", "=", kind)])
        return setting or settings.create({"company_id": company.id, "kind": kind})

    @api.model
    def _ensure_for_companies(self, companies=None):
        """Every kind for every unit (install, update and new units)."""
        # sudo: every unit, also those the installing user does not work for.
        # pylint: disable=no-search-all
        companies = companies or self.env["res.company"].sudo().with_context(
            active_test=False).search([], order="id")
        for company in companies:
            for kind, _label in PAPER_KINDS:
                self._for(company, kind)
        return True

    @api.model
    def create(self, vals):
        kind = vals.get("kind")
        vals.setdefault("authority", DEFAULT_AUTHORITY.get(kind, False))
        vals.setdefault("recipients", DEFAULT_RECIPIENTS.get(kind, False))
        setting = super().create(vals)
        setting._ensure_register()
        return setting

    @api.model
    def _demo_configure(self, company_id, signers):
        """Demo data only: {kind: (authority, title, user id)} of a unit."""
        company = self.env["res.company"].browse(company_id)
        for kind, (authority, title, user_id) in signers.items():
            self._for(company, kind).write({
                "authority": authority, "signer_title": title,
                "signer_id": user_id})
        return True

    @api.multi
    def _ensure_register(self):
        # sudo: the register is a technical ir.sequence the office may not
        # create; it is named after and owned by the unit's setting.
        for setting in self.filtered(lambda setting: not setting.sequence_id):
            label = dict(self._fields["kind"]._description_selection(self.env))[
                setting.kind]
            sequence = self.env["ir.sequence"].sudo().create({
                "name": "%s – %s" % (setting.company_id.name, label),
                "code": "paperless.paper.%s" % setting.kind,
                "company_id": setting.company_id.id,
                "implementation": "no_gap",
                "use_date_range": True,
                "padding": 0,
                "number_increment": 1,
            })
            setting.sudo().write({"sequence_id": sequence.id})

    @api.multi
    def _draw(self, date):
        """The next number of the register's range for ``date``'s year. No
        gap: the counter row is locked until this transaction ends, and a
        rolled back issue gives its number back."""
        self.ensure_one()
        # sudo: see _ensure_register; the first paper of a year creates the
        # year's range.
        return int(self.sudo().sequence_id.with_context(
            ir_sequence_date=date).next_by_id())

    @api.multi
    def _format_number(self, number):
        """"12-TB/TU": number, kind, the unit's symbol (36-HD/VPTW)."""
        self.ensure_one()
        symbol = (self.company_id.paperless_symbol or "").strip()
        kind = PAPER_SYMBOLS[self.kind]
        return "%d-%s/%s" % (number, kind, symbol) if symbol else "%d-%s" % (
            number, kind)

    @api.multi
    def _placeholder_number(self):
        """The number line of a paper not issued yet: left blank to be
        filled by hand, as on a draft."""
        self.ensure_one()
        return self._format_number(0).replace("0", "    ", 1)

    @api.multi
    def _signer(self, default_user):
        """The signature block's values: authority lines, title, name."""
        self.ensure_one()
        user = self.signer_id or default_user
        return {
            "authority": [line.strip() for line in (self.authority or "").splitlines()
                          if line.strip()],
            "title": (self.signer_title or "").strip() or False,
            "name": user.name or "",
            "user": user,
        }

    @api.multi
    def _recipients(self):
        self.ensure_one()
        return recipient_lines(self.recipients)
