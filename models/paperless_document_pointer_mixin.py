# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .paperless_core_access import narrow_read_group_domain, unreadable_rows


class PaperlessDocumentPointerMixin(models.AbstractModel):
    """For a core model whose rows point at any record by model name and id
    and that Odoo 11 lets every internal user read (followers, activities,
    the outgoing mail queue): its rows pointing at a paperless record are
    found, read and grouped only by those who may read that record. Inherit
    it after the core model, naming the two pointer fields.

    Such a row belongs to the unit of the record it points at: ``company_id``
    says which, computed from the pointer (a stored copy on core tables
    would go stale when the record moves and fork core's schema)."""

    _name = "paperless.document.pointer.mixin"
    _description = "Row Pointing at a Meeting Record"
    # (model name field, record id field)
    _paperless_pointer = ("res_model", "res_id")

    company_id = fields.Many2one(
        "res.company", string="Unit", compute="_compute_company_id",
        help="The unit of the record this row points at.")

    def _compute_company_id(self):
        model_field, id_field = self._paperless_pointer
        targets = {}
        # sudo: the pointer fields and the pointed records' unit, read to
        # label each row; the rows themselves stay under their own rules.
        rows = self.sudo()
        for row in rows:
            model_name = row[model_field]
            if row[id_field] and model_name in self.env \
                    and "company_id" in self.env[model_name]._fields:
                targets.setdefault(model_name, set()).add(row[id_field])
        units = {}
        for model_name, ids in targets.items():
            # sudo: the unit of records the user may not read, a label only.
            for record in self.env[model_name].sudo().browse(ids).exists():
                units[(model_name, record.id)] = record.company_id.id
        for row, sudo_row in zip(self, rows):
            row.company_id = units.get((sudo_row[model_field], sudo_row[id_field]))

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        """The rows the user may read, in pages that stay full: which rows
        are hidden depends on each pointed record's rules (no domain leaf
        can say it), so rows are read on in chunks until the page is
        filled."""
        wanted = offset + limit if limit and not count else None
        chunk = max(2 * wanted, 200) if wanted else None
        visible, start = [], 0
        while True:
            ids = super()._search(
                args, offset=start, limit=chunk, order=order, count=False,
                access_rights_uid=access_rights_uid)
            hidden = set(unreadable_rows(self.browse(ids),
                                         *self._paperless_pointer).ids)
            visible += [row_id for row_id in ids if row_id not in hidden]
            if not chunk or len(ids) < chunk or len(visible) >= wanted:
                break
            start += chunk
        if count:
            return len(visible)
        return visible[offset:wanted] if wanted else visible[offset:]

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        if unreadable_rows(self, *self._paperless_pointer):
            raise AccessError(_(
                "This belongs to a meeting record you are not allowed to read."))
        return super().read(fields=fields, load=load)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None,
                   orderby=False, lazy=True):
        domain = narrow_read_group_domain(self, domain, self._paperless_pointer[0])
        return super().read_group(
            domain, fields, groupby, offset=offset, limit=limit,
            orderby=orderby, lazy=lazy)
