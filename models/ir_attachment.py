# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import AccessError

OFFICE_GROUP = "paperless_meeting.group_paperless_secretary"


class IrAttachment(models.Model):
    """Readers get a meeting document only through the reading route, which
    stamps it with their name and logs the access; the raw file behind a
    paperless.document stays with the office."""

    _inherit = "ir.attachment"

    @api.multi
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self and not self.env.user.has_group(OFFICE_GROUP):
            self._cr.execute(
                "SELECT 1 FROM ir_attachment WHERE id IN %s AND res_model = %s "
                "AND res_field = %s LIMIT 1",
                (tuple(self.ids), "paperless.document", "datas"))
            if self._cr.fetchone():
                raise AccessError(_(
                    "Meeting documents are read through the meeting room, where "
                    "each copy carries its reader's name."))
        return result
