# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PaperlessDocument(models.Model):
    """A file handed to readers. The bytes live in an ir.attachment owned by
    this record (``attachment=True``), so Odoo checks the attachment against
    this record's own access rules."""

    _name = "paperless.document"
    _description = "Meeting Document"
    _inherit = ["mail.thread", "paperless.lock.mixin"]
    _order = "meeting_id, agenda_item_id, sequence, id"
    _lock_parent_field = "meeting_id"
    _lock_system_fields = ("version",)

    name = fields.Char(string="Title", required=True, track_visibility="onchange")
    sequence = fields.Integer(default=10)
    # Readers never get the raw file: the reading route serves them a copy
    # stamped with their name (see ir_attachment.py).
    datas = fields.Binary(
        string="File", attachment=True, required=True,
        groups="paperless_meeting.group_paperless_secretary",
    )
    datas_fname = fields.Char(string="File Name")
    mimetype = fields.Char(compute="_compute_file_info", string="Type")
    file_size = fields.Integer(compute="_compute_file_info", string="Size (bytes)")
    meeting_id = fields.Many2one(
        "paperless.meeting", ondelete="cascade", index=True,
    )
    # The unit of its meeting; a document of no meeting keeps its creator's.
    company_id = fields.Many2one(
        "res.company", string="Unit", index=True, readonly=True,
        compute="_compute_company_id", store=True,
    )
    agenda_item_id = fields.Many2one(
        "paperless.agenda.item", ondelete="set null",
        index=True, domain="[('meeting_id', '=', meeting_id)]",
    )
    allow_download = fields.Boolean(
        string="Download Allowed", default=True, track_visibility="onchange",
        help="When off, readers may only view the document on screen.",
    )
    version = fields.Integer(
        default=1, readonly=True, copy=False,
        track_visibility="onchange",
    )
    description = fields.Text(string="Summary")
    comment_ids = fields.One2many(
        "paperless.document.comment", "document_id", string="Notes",
    )
    access_count = fields.Integer(
        compute="_compute_access_count", string="Accesses",
    )

    @api.depends("meeting_id.company_id")
    def _compute_company_id(self):
        for document in self:
            document.company_id = document.meeting_id.company_id \
                or document.company_id or self.env.user.company_id

    @api.depends("datas")
    def _compute_file_info(self):
        # Technical read of the file metadata only; callers already passed the
        # access check on this document, which is what guards the attachment.
        attachments = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self._name), ("res_field", "=", "datas"),
            ("res_id", "in", self.ids),
        ])
        by_document = {attachment.res_id: attachment for attachment in attachments}
        for document in self:
            attachment = by_document.get(document.id)
            document.mimetype = attachment.mimetype if attachment else False
            document.file_size = attachment.file_size if attachment else 0

    def _compute_access_count(self):
        # With the reader's rights: the office counts every access, a member
        # only their own.
        data = self.env["paperless.document.access"].read_group(
            [("document_id", "in", self.ids)], ["document_id"], ["document_id"])
        counts = {row["document_id"][0]: row["document_id_count"] for row in data}
        for document in self:
            document.access_count = counts.get(document.id, 0)

    @api.constrains("meeting_id", "agenda_item_id")
    def _check_agenda_item_meeting(self):
        for document in self:
            if document.agenda_item_id \
                    and document.agenda_item_id.meeting_id != document.meeting_id:
                raise ValidationError(_(
                    "The document \"%(name)s\" must belong to the meeting of its "
                    "agenda item.") % {"name": document.name})

    @api.onchange("agenda_item_id")
    def _onchange_agenda_item_id(self):
        if self.agenda_item_id:
            self.meeting_id = self.agenda_item_id.meeting_id

    @api.multi
    def _lock_message(self):
        return _("The documents of a meeting that is done or cancelled can no "
                 "longer be changed.")

    @api.model
    def create(self, vals):
        if not vals.get("datas"):
            raise ValidationError(_("Please attach the file of the document."))
        if vals.get("agenda_item_id") and not vals.get("meeting_id"):
            vals["meeting_id"] = self.env["paperless.agenda.item"].browse(
                vals["agenda_item_id"]).meeting_id.id
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if "datas" in vals:
            for document in self:
                document._lock_write_system({"version": document.version + 1})
        return super().write(vals)

    @api.multi
    def _is_pdf(self):
        self.ensure_one()
        return self.mimetype == "application/pdf" \
            or (self.datas_fname or "").lower().endswith(".pdf")

    @api.multi
    def action_open_reader(self):
        """Open the reader's stamped copy (the only way members read it)."""
        self._ensure_one_action()
        return {"type": "ir.actions.act_url", "target": "new",
                "url": "/paperless/document/%d" % self.id}

    @api.multi
    def action_view_access(self):
        self._ensure_one_action()
        action = self.env.ref(
            "paperless_meeting.paperless_document_access_action").read()[0]
        action["domain"] = [("document_id", "=", self.id)]
        action["context"] = {}
        return action
