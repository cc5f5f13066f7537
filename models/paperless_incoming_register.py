# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

INCOMING_KINDS = [
    ("incoming", "Incoming Documents"),
    ("incoming_secret", "Secret Incoming Documents"),
]


class PaperlessPaperSetting(models.Model):
    """The registers of incoming documents are the unit's registers too:
    one gap-free ``ir.sequence`` with yearly ranges per unit, secret
    documents in their own."""

    _inherit = "paperless.paper.setting"

    kind = fields.Selection(selection_add=INCOMING_KINDS)

    @api.model
    def _ensure_for_companies(self, companies=None):
        """Also the incoming registers, made with the unit (install, update,
        new unit): created on first use instead, two clerks registering the
        unit's first documents at once would both create it."""
        result = super()._ensure_for_companies(companies)
        # sudo: every unit, as the parent method.
        # pylint: disable=no-search-all
        companies = companies or self.env["res.company"].sudo().with_context(
            active_test=False).search([], order="id")
        for company in companies:
            for kind, _label in INCOMING_KINDS:
                self._for(company, kind)
        return result

    @api.multi
    def _draw(self, date):
        """The first number of a year creates the year's range: two clerks
        drawing it at once would each create one and both draw 1. Before
        creating it, update the register's row: the second waits, then
        fails to serialize (a concurrency error, retried by the RPC layer)
        and sees the range on retry."""
        self.ensure_one()
        # sudo: the register's technical rows, as the parent method.
        sequence = self.sudo().sequence_id
        if not sequence.date_range_ids.filtered(
                lambda rng: rng.date_from <= date <= rng.date_to):
            self.env.cr.execute(
                "UPDATE ir_sequence SET number_next = number_next WHERE id = %s",
                (sequence.id,))
        return super()._draw(date)
