# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailMail(models.Model):
    """Core Odoo 11 lets any internal user read the outgoing mail queue
    (subject, body, recipients): the e-mails about a meeting (invitations,
    chatter notifications) waiting there stay with who may read the
    meeting.
    Its unit (``company_id``) is the pointed record's, from the mixin."""

    _name = "mail.mail"
    _inherit = ["mail.mail", "paperless.document.pointer.mixin"]
    _paperless_pointer = ("model", "res_id")
