# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    """Core Odoo 11 checks the document of an activity on create, write and
    unlink only: any internal user reads every activity (summary, note,
    record name). The activities of meetings stay with who may read them.
    Its unit (``company_id``) is the pointed record's, from the mixin."""

    _name = "mail.activity"
    _inherit = ["mail.activity", "paperless.document.pointer.mixin"]
