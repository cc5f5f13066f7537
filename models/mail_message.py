# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .paperless_core_access import narrow_read_group_domain


class MailMessage(models.Model):
    """search, search_count and read of mail.message already keep to the
    messages whose document the user may read (core _search and
    check_access_rule); read_group does not, and would give the titles and
    chatter of meetings the user cannot open."""

    _inherit = "mail.message"

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        domain = narrow_read_group_domain(self, domain, "model")
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
