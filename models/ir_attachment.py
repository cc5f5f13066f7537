# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

from .paperless_core_access import narrow_read_group_domain

OFFICE_GROUP = "paperless_meeting.group_paperless_secretary"


class IrAttachment(models.Model):
    """Readers get a meeting document only through the reading route, which
    stamps it with their name and logs the access; the raw file behind a
    paperless.document stays with the office: not read, not found, not
    grouped (its indexed text included). Attachments of the addon's records
    and of messages are grouped only as far as core _search finds them."""

    _inherit = "ir.attachment"

    @api.model
    def _is_paperless_office(self):
        return self._uid == SUPERUSER_ID or self.env.user.has_group(OFFICE_GROUP)

    @api.model
    def _paperless_raw_file_ids(self, ids):
        """Those of ``ids`` that are the raw file of a meeting document."""
        if not ids:
            return set()
        self._cr.execute(
            "SELECT id FROM ir_attachment WHERE id IN %s AND res_model = %s "
            "AND res_field = %s",
            (tuple(ids), "paperless.document", "datas"))
        return {row[0] for row in self._cr.fetchall()}

    @api.multi
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self and not self._is_paperless_office() \
                and self._paperless_raw_file_ids(self.ids):
            raise AccessError(_(
                "Meeting documents are read through the meeting room, where "
                "each copy carries its reader's name."))
        return result

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        # Core adds ('res_field', '=', False) unless the domain names ``id``
        # or ``res_field``, which already leaves raw files out; otherwise a
        # leaf in the domain does, so that limit, offset and count stay exact.
        if not self._is_paperless_office() and any(
                isinstance(leaf, (list, tuple)) and leaf[0] in ("id", "res_field")
                for leaf in args):
            args = ["|", ("res_model", "!=", "paperless.document"),
                    ("res_field", "!=", "datas")] + list(args)
        return super()._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        # Message attachments too: a meeting's invitation files are owned by
        # their e-mail's message (calendar_attendee.py).
        domain = narrow_read_group_domain(
            self, domain, "res_model", also=("mail.message",))
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
