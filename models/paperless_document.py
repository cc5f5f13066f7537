# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .pdf_stamp import StampError, normalise_pdf

_logger = logging.getLogger(__name__)

# The office's limits (Settings), with their defaults: Odoo's web client
# uploads at most 25 MB; 2,000 pages covers the longest annexes.
MAX_SIZE_PARAM = "paperless_meeting.document_max_size_mb"
MAX_PAGES_PARAM = "paperless_meeting.document_max_pages"
DEFAULT_MAX_SIZE_MB = 25
DEFAULT_MAX_PAGES = 2000


class PaperlessDocument(models.Model):
    """A file handed to readers. The bytes live in an ir.attachment owned by
    this record (``attachment=True``), so Odoo checks the attachment against
    this record's own access rules.

    Readers only ever get a copy stamped with their name, and only a PDF can
    be stamped: the file must be a PDF that parses within the office's size
    and page limits. It is checked and rewritten once when attached
    (``_prepare_file``), whatever the client, so every read stamps a clean
    file."""

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
    # A consultation's draft and annexes, read the same stamped way.
    consultation_id = fields.Many2one(
        "paperless.consultation", string="Request for Opinions",
        ondelete="cascade", index=True,
    )
    # The library entry whose file this is (paperless.library.document
    # delegates its file here, so it is read through the same stamped route).
    library_document_ids = fields.One2many(
        "paperless.library.document", "document_id", string="Library Entry",
        readonly=True,
    )
    # Stored for the record rules: a rule on ``library_document_ids`` would
    # make Odoo 11 list every library entry of the unit on each search.
    is_library_file = fields.Boolean(
        string="Library File", compute="_compute_is_library_file", store=True,
        index=True,
    )
    agenda_item_id = fields.Many2one(
        "paperless.agenda.item", ondelete="set null",
        index=True, domain="[('meeting_id', '=', meeting_id)]",
    )
    page_count = fields.Integer(string="Pages", readonly=True, copy=False)
    allow_download = fields.Boolean(
        string="Download Allowed", default=False, track_visibility="onchange",
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

    @api.depends("meeting_id.company_id", "consultation_id.company_id",
                 "library_document_ids.company_id")
    def _compute_company_id(self):
        for document in self:
            document.company_id = document.meeting_id.company_id \
                or document.consultation_id.company_id \
                or document.library_document_ids[:1].company_id \
                or document.company_id or self.env.user.company_id

    @api.depends("library_document_ids")
    def _compute_is_library_file(self):
        for document in self:
            document.is_library_file = bool(document.library_document_ids)

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
    def _file_limits(self):
        """(maximum size in bytes, maximum pages) set by the office."""
        # sudo: reading two of the addon's own settings; the office may not
        # read ir.config_parameter.
        params = self.env["ir.config_parameter"].sudo()
        limits = []
        for key, default in ((MAX_SIZE_PARAM, DEFAULT_MAX_SIZE_MB),
                             (MAX_PAGES_PARAM, DEFAULT_MAX_PAGES)):
            try:
                value = int(params.get_param(key, default))
            except (TypeError, ValueError):
                value = default
            limits.append(value if value > 0 else default)
        return limits[0] * 1024 * 1024, limits[1]

    @api.model
    def _prepare_file(self, vals):
        """Check the file in ``vals`` and replace it with its normalised copy
        and page count; raise a ValidationError the office can act on."""
        if not vals.get("datas"):
            raise ValidationError(_("Please attach the file of the document."))
        max_size, max_pages = self._file_limits()
        encoded = vals["datas"]
        # Refuse an oversized file before decoding it (4 characters: 3 bytes).
        if len(encoded) // 4 * 3 > max_size + 3:
            raise ValidationError(self._file_error("too_large", max_size, max_pages))
        try:
            data = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise ValidationError(self._file_error("not_pdf", max_size, max_pages))
        if len(data) > max_size:
            raise ValidationError(self._file_error("too_large", max_size, max_pages))
        try:
            data, page_count = normalise_pdf(data, max_pages=max_pages)
        except StampError as error:
            _logger.info("Document file refused (%s): %s", vals.get("datas_fname"),
                         error)
            raise ValidationError(self._file_error(
                error.reason, max_size, max_pages))
        return dict(vals, datas=base64.b64encode(data), page_count=page_count)

    @api.model
    def _file_error(self, reason, max_size, max_pages):
        messages = {
            "not_pdf": _("The file is not a PDF. Readers only receive copies "
                         "stamped with their name, which requires a PDF: please "
                         "export or print the document to PDF and attach it "
                         "again."),
            "encrypted": _("The PDF is protected by a password or by "
                           "restrictions. Please attach an unprotected copy."),
            "trailing_data": _("The PDF is damaged: there is data after its end, "
                               "or the file is cut. Please open it and save it "
                               "again as PDF (e.g. \"Print to PDF\"), then "
                               "attach the new file."),
            "no_pages": _("The PDF has no pages."),
            "too_many_pages": _("The PDF has more than %(pages)s pages, the "
                                "limit set by the office.") % {"pages": max_pages},
            "too_large": _("The file is larger than %(size)s MB, the limit set "
                           "by the office.") % {"size": max_size // (1024 * 1024)},
        }
        return messages.get(reason, _(
            "The PDF is damaged and cannot be read safely. Please open it and "
            "save it again as PDF (e.g. \"Print to PDF\"), then attach the new "
            "file."))

    @api.model
    def _normalise_stored_files(self):
        """Check and normalise the files stored before the upload check
        existed (run by the migration): each readable one is rewritten once
        with its page count, so reads never repair it again; a file that
        cannot be read within bounds is left as it is and logged (readers
        get a clear refusal from the stamping route). Return the ids of the
        files left."""
        left = []
        # sudo: a technical pass over every document's file, run at update.
        # NULL in rows older than the field, 0 in the test: both unchecked.
        for document in self.sudo().search(
                ["|", ("page_count", "=", 0), ("page_count", "=", False)]):
            try:
                data, page_count = normalise_pdf(
                    base64.b64decode(document.datas or b""))
            except StampError as error:
                _logger.warning("Document %s (%s) cannot be read safely: %s",
                                document.id, document.datas_fname, error)
                left.append(document.id)
                continue
            # Not write(): the same file, so neither a new version nor the
            # upload limits (set after it was attached) apply.
            attachment = self.env["ir.attachment"].sudo().search([
                ("res_model", "=", self._name), ("res_field", "=", "datas"),
                ("res_id", "=", document.id)])
            attachment.write({"datas": base64.b64encode(data)})
            self.env.cr.execute(
                "UPDATE paperless_document SET page_count = %s WHERE id = %s",
                (page_count, document.id))
        self.invalidate_cache(["page_count", "datas"])
        return left

    @api.model
    def create(self, vals):
        vals = self._prepare_file(vals)
        if vals.get("agenda_item_id") and not vals.get("meeting_id"):
            vals["meeting_id"] = self.env["paperless.agenda.item"].browse(
                vals["agenda_item_id"]).meeting_id.id
        document = super().create(vals)
        document._lapse_consultation_answers()
        return document

    @api.multi
    def write(self, vals):
        if "page_count" in vals and "datas" not in vals:
            raise UserError(_("The page count is read from the file."))
        if "datas" in vals:
            vals = self._prepare_file(vals)
            for document in self:
                document._lock_write_system({"version": document.version + 1})
        before = self.mapped("consultation_id") \
            if {"datas", "name", "consultation_id"} & set(vals) else None
        result = super().write(vals)
        if before is not None:
            (before | self.mapped("consultation_id")).filtered(
                lambda consultation: consultation.state == "open")._lapse_answers(
                    _("The documents were changed."))
        return result

    @api.multi
    def unlink(self):
        self._lapse_consultation_answers()
        return super().unlink()

    @api.multi
    def _lapse_consultation_answers(self):
        """What respondents are asked changed: their answers lapse."""
        consultations = self.mapped("consultation_id").filtered(
            lambda consultation: consultation.state == "open")
        if consultations:
            consultations._lapse_answers(_("The documents were changed."))

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
