# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.paperless_incoming_register import INCOMING_KINDS


class PaperlessIncomingRegisterBook(models.TransientModel):
    """Print the register book (sổ đăng ký văn bản đến) of a unit's
    register for a period, from the numbers given in it."""

    _name = "paperless.incoming.register.book"
    _description = "Incoming Register Book"
    # The report printed, given the period's records and _report_data().
    _book_report = "paperless_meeting.report_incoming_register_book"

    company_id = fields.Many2one(
        "res.company", string="Unit", required=True,
        default=lambda self: self.env.user.company_id)
    register_kind = fields.Selection(INCOMING_KINDS, string="Register",
                                     required=True, default="incoming")
    date_from = fields.Date(string="From", required=True,
                            default=lambda self: fields.Date.to_string(
                                fields.Date.from_string(fields.Date.context_today(
                                    self)).replace(month=1, day=1)))
    date_to = fields.Date(string="To", required=True,
                          default=fields.Date.context_today)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for book in self:
            if book.date_from > book.date_to:
                raise ValidationError(_("The period ends before it starts."))

    @api.multi
    def _documents(self):
        """The registered documents of the period, with the user's rights."""
        self.ensure_one()
        return self.env["paperless.incoming.document"].search([
            ("company_id", "=", self.company_id.id),
            ("register_kind", "=", self.register_kind),
            ("received_date", ">=", self.date_from),
            ("received_date", "<=", self.date_to),
            ("registry_number", "!=", False),
        ], order="registry_year, registry_number")

    @api.multi
    def _nothing_message(self):
        return _("Nothing was registered in this period.")

    @api.multi
    def _report_data(self):
        return {"date_from": self.date_from, "date_to": self.date_to,
                "register_kind": self.register_kind}

    @api.multi
    def action_print(self):
        if len(self) != 1:
            raise UserError(_("Please choose exactly one record for this action."))
        records = self._documents()
        if not records:
            raise UserError(self._nothing_message())
        return self.env.ref(self._book_report).report_action(
            records, data=self._report_data(), config=False)
