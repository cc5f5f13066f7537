# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models


class PaperlessPetitionRegisterBook(models.TransientModel):
    """Print the petitions register (sổ tiếp nhận, theo dõi đơn thư) of a
    unit for a period: the incoming register book's unit and period, with
    the petitions received in it."""

    _name = "paperless.petition.register.book"
    _inherit = ["paperless.incoming.register.book"]
    _description = "Petitions Register"
    # The report printed, given the period's records and _report_data().
    _book_report = "paperless_meeting.report_petition_register"

    @api.multi
    def _documents(self):
        """The petitions received in the period, with the user's rights."""
        self.ensure_one()
        return self.env["paperless.petition"].search([
            ("company_id", "=", self.company_id.id),
            ("received_date", ">=", self.date_from),
            ("received_date", "<=", self.date_to),
        ], order="received_date, id")

    @api.multi
    def _nothing_message(self):
        return _("No petition was received in this period.")

    @api.multi
    def _report_data(self):
        return {"date_from": self.date_from, "date_to": self.date_to}
