# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Arguments of the public methods, checked before anything is written.

Phones and other clients call the ``action_*`` methods over XML-RPC and
JSON-RPC with whatever they send: an empty id list, several ids, ``None``,
a string for an id, a number too large for PostgreSQL. Each gets a clear,
translated UserError instead of a traceback.
"""
from odoo import _, api, models
from odoo.exceptions import UserError

# PostgreSQL's integer: a larger id cannot exist (and would fail in SQL).
MAX_ID = 2 ** 31 - 1


class PaperlessActionMixin(models.AbstractModel):
    _name = "paperless.action.mixin"
    _description = "Checked Action Arguments"

    @api.multi
    def _ensure_one_action(self):
        if len(self) != 1:
            raise UserError(_("Please choose exactly one record for this action."))
        return self

    @api.model
    def _check_can_read(self, records):
        """AccessError unless the current user may read ``records`` (rights
        and record rules): the check before acting on them for the user."""
        records.check_access_rights("read")
        records.check_access_rule("read")
        return records

    @api.model
    def _arg_id(self, value, what):
        """``value`` as a positive database id, or a UserError naming ``what``."""
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise UserError(_("%(what)s: please choose a valid entry.") % {
                "what": what})
        try:
            number = int(value)
        except ValueError:
            raise UserError(_("%(what)s: please choose a valid entry.") % {
                "what": what})
        if not 0 < number <= MAX_ID:
            raise UserError(_("%(what)s: please choose a valid entry.") % {
                "what": what})
        return number

    @api.model
    def _arg_record(self, model, value, what):
        """An existing record of ``model`` (or an empty one for a falsy
        ``value``), or a UserError naming ``what``."""
        if value in (None, False, 0, ""):
            return self.env[model]
        record = self.env[model].browse(self._arg_id(value, what)).exists()
        if not record:
            raise UserError(_("%(what)s: please choose a valid entry.") % {
                "what": what})
        return record

    @api.model
    def _arg_text(self, value, what, max_length=10000):
        """A string (or False), at most ``max_length`` characters."""
        if value in (None, False):
            return False
        if not isinstance(value, str):
            raise UserError(_("%(what)s must be text.") % {"what": what})
        if len(value) > max_length:
            raise UserError(_("%(what)s is too long (at most %(max)d characters).")
                            % {"what": what, "max": max_length})
        return value
