# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from .paperless_core_access import document_readable


class MailFollowers(models.Model):
    """Core Odoo 11 lets any user create a follower row on any record (then
    notified of its chatter) and read who follows what. On the addon's
    records both need the right to read the record: message_subscribe
    already checks it, the rows themselves did not.
    Its unit (``company_id``) is the pointed record's, from the mixin."""

    _name = "mail.followers"
    _inherit = ["mail.followers", "paperless.document.pointer.mixin"]

    @api.model
    def _check_paperless_document(self, model_name, res_id):
        if not document_readable(self.env, model_name, res_id):
            raise AccessError(_(
                "You cannot follow a meeting record you are not allowed to "
                "read."))

    @api.model
    def create(self, vals):
        self._check_paperless_document(vals.get("res_model"), vals.get("res_id"))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "res_model" in vals or "res_id" in vals:
            for follower in self:
                self._check_paperless_document(
                    vals.get("res_model", follower.res_model),
                    vals.get("res_id", follower.res_id))
        return super().write(vals)
