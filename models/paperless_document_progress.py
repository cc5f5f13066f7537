# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class PaperlessDocumentProgress(models.Model):
    """Where a reader stopped in a document, so the reader opens there next
    time. One row per reader and document; readers see only their own."""

    _name = "paperless.document.progress"
    _inherit = ["paperless.action.mixin"]
    _description = "Reading Progress"
    _order = "write_date desc, id desc"
    _rec_name = "document_id"

    document_id = fields.Many2one(
        "paperless.document", required=True, readonly=True, ondelete="cascade",
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Reader", required=True, readonly=True,
        default=lambda self: self.env.user, ondelete="cascade", index=True,
    )
    page = fields.Integer(string="Last Page", required=True, default=1)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True,
        default=lambda self: self.env.user.company_id,
    )

    _sql_constraints = [
        ("document_user_unique", "unique(document_id, user_id)",
         "A reader has one reading position per document."),
        ("page_positive", "check(page >= 1)", "The page must be at least 1."),
    ]

    @api.constrains("page", "document_id")
    def _check_page(self):
        for progress in self:
            # sudo: the page count only, of a document the reader may read.
            count = progress.document_id.sudo().page_count
            if count and progress.page > count:
                raise ValidationError(_("The document has only %(count)s pages.")
                                      % {"count": count})

    @api.model
    def create(self, vals):
        # Always the reader's own row, on a document they may read.
        vals = dict(vals, user_id=self.env.uid)
        document = self.env["paperless.document"].browse(vals.get("document_id"))
        self._check_can_read(document)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) - {"page"}:
            raise AccessError(_("Only the page of a reading position can change."))
        return super().write(vals)

    @api.model
    def set_page(self, document_id, page):
        """Remember ``page`` as where the current user stopped reading
        ``document_id``; return the page kept (within the document)."""
        document = self.env["paperless.document"].browse(
            self._arg_id(document_id, _("Document")))
        self._check_can_read(document)
        page = self._arg_id(page, _("Page"))
        page = max(1, min(page, document.page_count or page))
        progress = self.search([("document_id", "=", document.id),
                                ("user_id", "=", self.env.uid)], limit=1)
        if progress:
            progress.write({"page": page})
        else:
            self.create({"document_id": document.id, "page": page})
        return page

    @api.model
    def get_page(self, document_id):
        """The page where the current user stopped reading, or 1."""
        progress = self.search([("document_id", "=",
                                 self._arg_id(document_id, _("Document"))),
                                ("user_id", "=", self.env.uid)], limit=1)
        return progress.page or 1
