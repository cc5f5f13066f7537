# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MailMessage(models.Model):
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
