# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class PaperlessDocumentComment(models.Model):
    """A reader's note on a document. Who may read it is set by
    ``visibility`` and enforced by record rules."""

    _name = "paperless.document.comment"
    _inherit = ["paperless.lock.mixin"]
    _description = "Document Note"
    _lock_parent_field = "document_id"
    _order = "create_date desc, id desc"
    _rec_name = "document_id"

    document_id = fields.Many2one(
        "paperless.document", required=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="document_id.company_id", string="Unit", readonly=True, store=True,
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

    @api.multi
    def _lock_message(self):
        return _("The meeting is over: its documents can no longer be annotated.")

    @api.constrains("body")
    def _check_body(self):
        for comment in self:
            if not (comment.body or "").strip():
                raise ValidationError(_("A note cannot be empty."))

    @api.model
    def create(self, vals):
        # Notes are always written in the author's own name, on the meeting
        # of their document.
        vals = dict(vals, author_id=self.env.uid)
        vals.pop("meeting_id", None)
        document = self.env["paperless.document"].browse(vals.get("document_id"))
        # The author must be able to read the document they annotate.
        self._check_can_read(document)
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if {"author_id", "document_id", "meeting_id"} & set(vals):
            raise AccessError(_("A note cannot be moved to another author, "
                                "document or meeting."))
        return super().write(vals)
