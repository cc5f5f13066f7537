# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import uuid

from odoo import api, fields, models


class PaperlessDocumentAccess(models.Model):
    """One row per time a reader opened or downloaded a document: the access
    log and the read receipts. Rows are written by the document controller
    only (after its access check) and never changed."""

    _name = "paperless.document.access"
    _description = "Document Access"
    _order = "access_date desc, id desc"
    _rec_name = "trace_id"

    document_id = fields.Many2one(
        "paperless.document", required=True, readonly=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="document_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    meeting_id = fields.Many2one(
        related="document_id.meeting_id", readonly=True, store=True, index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Reader", required=True, readonly=True,
        ondelete="cascade", index=True,
    )
    access_date = fields.Datetime(
        string="Accessed On", required=True, readonly=True,
        default=fields.Datetime.now,
    )
    trace_id = fields.Char(
        string="Trace ID", required=True, readonly=True, index=True,
        default=lambda self: self._default_trace_id(),
        help="The short id stamped on every page of the reader's copy.",
    )
    mode = fields.Selection(
        [("view", "Viewed"), ("download", "Downloaded")],
        required=True, readonly=True, default="view",
    )
    document_version = fields.Integer(string="Version", readonly=True)
    stamped = fields.Boolean(
        readonly=True, help="Whether the copy served carried the reader's stamp "
        "(PDF files only).")

    _sql_constraints = [
        ("trace_id_unique", "unique(trace_id)", "The trace ID must be unique."),
    ]

    @api.model
    def _default_trace_id(self):
        return uuid.uuid4().hex[:10].upper()
