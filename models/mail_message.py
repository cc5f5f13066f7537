# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .paperless_core_access import narrow_read_group_domain, readable_document_ids


class MailMessage(models.Model):
    """search, search_count and read of mail.message already keep to the
    messages whose document the user may read (core _search and
    check_access_rule); read_group does not, and would give the titles and
    chatter of meetings the user cannot open. Messages of people without an
    e-mail address go out under the office's."""

    _inherit = "mail.message"

    # Odoo binds the default to mail's own function: call ours instead.
    email_from = fields.Char(default=lambda self: self._get_default_from())

    @api.model
    def _get_default_from(self):
        """People of the office often have no e-mail address of their own.
        Their messages (a meeting created, scheduled, a note) then go out
        under the office's address, with their name, instead of failing with
        Odoo's "Unable to send email"."""
        user = self.env.user
        if user.email:
            return super()._get_default_from()
        if user.company_id.email:
            return formataddr((user.name, user.company_id.email))
        raise UserError(_(
            "Neither your account nor the office has an e-mail address, which "
            "messages and invitations are sent from. Ask the administrator to "
            "enter the office's e-mail (Settings > Companies) or yours "
            "(Settings > Users)."))

    @api.model
    def _find_allowed_model_wise(self, doc_model, doc_dict):
        # Core calendar reads every event of the messages found before any
        # check, and fails on an event the user may not read (a meeting's):
        # keep to the readable ones, which is all the check would keep.
        if doc_model == "calendar.event":
            readable = readable_document_ids(self.env, doc_model, doc_dict)
            doc_dict = {res_id: message_ids for res_id, message_ids
                        in doc_dict.items() if res_id in readable}
        return super()._find_allowed_model_wise(doc_model, doc_dict)

    @api.multi
    def write(self, vals):
        # calendar_attendee.py: the invitation files of a meeting's event are
        # owned by the message they are attached to.
        if self.env.context.get("paperless_own_invitation_files") \
                and vals.get("attachment_ids") and len(self) == 1:
            vals = dict(vals, attachment_ids=[
                (0, 0, dict(command[2], res_model=self._name, res_id=self.id))
                if command[0] == 0 else command
                for command in vals["attachment_ids"]])
        return super().write(vals)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        domain = narrow_read_group_domain(self, domain, "model")
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
