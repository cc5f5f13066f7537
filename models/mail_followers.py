# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

from .paperless_core_access import (
    document_readable, narrow_read_group_domain, unreadable_rows)


class MailFollowers(models.Model):
    """Core Odoo 11 lets any user create a follower row on any record (then
    notified of its chatter) and read who follows what. On the addon's
    records both need the right to read the record: message_subscribe
    already checks it, the rows themselves did not."""

    _inherit = "mail.followers"

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

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super()._search(
            args, offset=offset, limit=limit, order=order, count=False,
            access_rights_uid=access_rights_uid)
        hidden = set(unreadable_rows(self.browse(ids), "res_model", "res_id").ids)
        ids = [follower_id for follower_id in ids if follower_id not in hidden]
        return len(ids) if count else ids

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        if unreadable_rows(self, "res_model", "res_id"):
            raise AccessError(_(
                "You are not allowed to see who follows this meeting record."))
        return super().read(fields=fields, load=load)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        domain = narrow_read_group_domain(self, domain, "res_model")
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
