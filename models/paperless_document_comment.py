# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class PaperlessDocumentComment(models.Model):
    """A reader's note on a document. Who may read it is set by
    ``visibility`` and enforced by record rules."""

    _name = "paperless.document.comment"
    _description = "Document Note"
    _order = "create_date desc, id desc"
    _rec_name = "document_id"

    document_id = fields.Many2one(
        "paperless.document", required=True, ondelete="cascade",
        index=True,
    )
    meeting_id = fields.Many2one(
        related="document_id.meeting_id", readonly=True,
        store=True, index=True,
    )
    author_id = fields.Many2one(
        "res.users", required=True, readonly=True, index=True,
        default=lambda self: self.env.user, ondelete="cascade",
    )
    body = fields.Text(string="Note", required=True)
    page = fields.Integer()
    visibility = fields.Selection(
        [
            ("private", "Only Me"),
            ("secretary", "Me, the Secretary and the Chair"),
            ("attendees", "Everyone Invited"),
        ],
        string="Visible To", required=True, default="private",
    )

    @api.constrains("body")
    def _check_body(self):
        for comment in self:
            if not (comment.body or "").strip():
                raise ValidationError(_("A note cannot be empty."))

    @api.model
    def create(self, vals):
        # Notes are always written in the author's own name.
        vals["author_id"] = self.env.uid
        document = self.env["paperless.document"].browse(vals.get("document_id"))
        # The author must be able to read the document they annotate.
        document.check_access_rights("read")
        document.check_access_rule("read")
        if document.meeting_id.state in ("done", "cancelled"):
            raise UserError(_(
                "The meeting is over: its documents can no longer be annotated."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "author_id" in vals or "document_id" in vals:
            raise AccessError(_("A note cannot be moved to another author or "
                                "document."))
        return super().write(vals)
