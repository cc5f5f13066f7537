# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class PaperlessDemo(models.AbstractModel):
    """Demo data only (a data file's <function> runs as the superuser and
    Odoo 11's schema has no uid on it): call a record's method as the user
    who would click it (the leader directs, the handler extends), so the
    demo's states, numbers and deadlines come from the rules in use.
    Private: no RPC client can call it."""

    _name = "paperless.demo"
    _description = "Demo Data Helper"

    @api.model
    def _run_as(self, user_id, model, record_id, method, arguments=None):
        """``method`` of record ``record_id`` of ``model``, as ``user_id``,
        with the positional ``arguments`` (a list)."""
        record = self.env[model].sudo(user_id).browse(record_id)
        getattr(record, method)(*(arguments or []))
        return True
