# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Party documents library (văn kiện Đảng).

An entry delegates its file to a ``paperless.document`` (``_inherits``), so
members read it through the meeting room's reader: a copy stamped with their
name, every access logged. Its text is extracted once on upload and kept,
with a copy without diacritics, lower case, for the full-text search
(PostgreSQL's ``simple`` text search on a generated column with a GIN
index: no extension needed, and a word typed with or without its
diacritics finds the same documents)."""
import base64
import binascii
import io
import logging
import os
import re
import shutil
import subprocess
import unicodedata

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Kept text per document (the longest annexes stay far below).
MAX_TEXT = 1000000
EXTRACT_TIMEOUT = 60
TEXT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def fold(text):
    """Lower case without diacritics: "Nghị quyết Đại hội" → "nghi quyet dai
    hoi", the form stored and searched."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text
                   if not unicodedata.combining(char)).lower()


def search_words(query, limit=20):
    """The words of ``query`` folded, letters and digits only (so nothing of
    it is text-search syntax)."""
    return re.findall(r"[^\W_]+", fold(query))[:limit]


def pdf_text(data):
    """The text of a PDF: poppler's pdftotext (keeps Vietnamese), else
    PyPDF2's simpler extraction."""
    if shutil.which("pdftotext"):
        try:
            result = subprocess.run(
                ["pdftotext", "-enc", "UTF-8", "-q", "-", "-"], input=data,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                timeout=EXTRACT_TIMEOUT, check=False)
            if result.returncode == 0:
                return result.stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            _logger.warning("pdftotext took longer than %ss", EXTRACT_TIMEOUT)
            return ""
    try:
        import PyPDF2
        reader = PyPDF2.PdfFileReader(io.BytesIO(data), strict=False)
        return "\n".join(page.extractText() for page in reader.pages)
    except Exception:  # pylint: disable=broad-except
        # A PDF PyPDF2 cannot read still goes in the library, unsearchable.
        _logger.info("No text extracted from a library PDF", exc_info=True)
        return ""


def text_to_pdf(text, title):
    """A plain-text file as an A4 PDF (readers only get stamped PDFs), in a
    font with the Vietnamese letters."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape
    if "PaperlessText" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("PaperlessText", TEXT_FONT))
    style = ParagraphStyle("body", fontName="PaperlessText", fontSize=11,
                           leading=15)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=title,
                                 leftMargin=25 * mm, rightMargin=20 * mm,
                                 topMargin=20 * mm, bottomMargin=20 * mm)
    paragraphs = [Paragraph(escape(block).replace("\n", "<br/>"), style)
                  for block in re.split(r"\n\s*\n", text) if block.strip()]
    document.build(paragraphs or [Paragraph("", style)])
    return buffer.getvalue()


class PaperlessLibraryDocument(models.Model):
    _name = "paperless.library.document"
    _description = "Library Document"
    _inherits = {"paperless.document": "document_id"}
    _inherit = ["paperless.lock.mixin"]
    _order = "date desc, id desc"
    _lock_system_fields = ("text_content",)

    document_id = fields.Many2one(
        "paperless.document", string="Document File", required=True,
        ondelete="cascade", index=True, auto_join=True)
    number = fields.Char(string="Number and Symbol",
                         help="e.g. 57-NQ/TW")
    date = fields.Date(string="Issued On", index=True)
    category_id = fields.Many2one("paperless.library.category",
                                  index=True, ondelete="restrict")
    issuing_body = fields.Char(string="Issued By")
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    # The document's own words are read in the stamped reader only.
    text_content = fields.Text(
        string="Extracted Text", readonly=True,
        groups="paperless_meeting.group_paperless_secretary")
    search_title = fields.Char(
        compute="_compute_search", store=True,
        groups="paperless_meeting.group_paperless_secretary")
    search_text = fields.Text(
        compute="_compute_search", store=True,
        groups="paperless_meeting.group_paperless_secretary")
    text_search = fields.Char(
        string="Words", compute="_compute_text_search",
        search="_search_text_search",
        help="Words in the title or the text, with or without diacritics.")

    @api.model_cr
    def init(self):
        # The words of each entry, kept by PostgreSQL itself in a generated
        # column (title words weigh more) with a GIN index: a search reads
        # them instead of re-parsing every matching text to rank it.
        self.env.cr.execute("""
            ALTER TABLE paperless_library_document
            ADD COLUMN IF NOT EXISTS search_vector tsvector
            GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', coalesce(search_title, '')), 'A')
                || to_tsvector('simple', coalesce(search_text, ''))) STORED""")
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS paperless_library_document_vector_idx
            ON paperless_library_document USING gin (search_vector)""")
        self.env.cr.execute(
            "DROP INDEX IF EXISTS paperless_library_document_search_idx")

    @api.depends("name", "number", "issuing_body", "text_content")
    def _compute_search(self):
        for entry in self:
            entry.search_title = fold(" ".join(filter(None, [
                entry.name, entry.number, entry.issuing_body])))
            entry.search_text = fold(entry.text_content)

    def _compute_text_search(self):
        for entry in self:
            entry.text_search = False

    def _search_text_search(self, operator, value):
        if operator not in ("=", "ilike", "like") or not isinstance(value, str):
            raise UserError(_("Search the library by words."))
        return [("id", "in", list(self._match(value)))]

    # ------------------------------------------------------------------
    # The file and its text
    # ------------------------------------------------------------------
    @api.model
    def _prepare_library_file(self, vals):
        """The PDF to store and its text: a PDF as it is, a text file turned
        into a PDF (readers only get stamped PDFs)."""
        if not vals.get("datas"):
            return vals
        try:
            data = base64.b64decode(vals["datas"], validate=True)
        except (binascii.Error, ValueError, TypeError):
            raise ValidationError(_("The file cannot be read."))
        max_size = self.env["paperless.document"]._file_limits()[0]
        if len(data) > max_size:
            # The document's own check words it.
            return dict(vals, text_content=False)
        name = (vals.get("datas_fname") or "").lower()
        if data[:1024].lstrip().startswith(b"%PDF"):
            text = pdf_text(data)
        elif name.endswith((".txt", ".text", ".md")):
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(_("The text file is not in UTF-8. Please "
                                        "save it as UTF-8 and attach it again."))
            if not os.path.exists(TEXT_FONT):
                raise ValidationError(_(
                    "Text files cannot be turned into PDF on this server (the "
                    "DejaVu font is missing). Please attach a PDF."))
            vals = dict(vals, datas=base64.b64encode(
                text_to_pdf(text, vals.get("name") or "")),
                datas_fname=re.sub(r"\.[^.]*$", "", vals.get("datas_fname")
                                   or "document") + ".pdf")
        else:
            raise ValidationError(_("The library takes PDF and plain text "
                                    "(.txt) files."))
        text = text.replace("\x00", "")[:MAX_TEXT]
        return dict(vals, text_content=text)

    @api.model
    def create(self, vals):
        if vals.get("document_id"):
            # Never an existing file: a meeting's document would reach the
            # whole unit.
            raise UserError(_("A library document brings its own file."))
        vals = self._prepare_library_file(dict(vals))
        text = vals.pop("text_content", False)
        vals.setdefault("company_id", self.env.user.company_id.id)
        self.check_access_rights("create")
        # sudo: the file's record is created first, before the entry whose
        # unit its rules read, so neither could be written with the user's
        # rules; both are created as superuser and the user's rules then
        # checked on the entry. Nobody follows the file for it.
        entry = super(PaperlessLibraryDocument, self.sudo().with_context(
            mail_create_nosubscribe=True)).create(vals)
        entry = entry.sudo(self.env.uid).with_context(**self.env.context)
        entry.check_access_rule("create")
        entry._lock_write_system({"text_content": text})
        return entry

    @api.multi
    def write(self, vals):
        if "document_id" in vals:
            raise UserError(_("A library document keeps its own file."))
        if "datas" in vals:
            vals = self._prepare_library_file(dict(vals))
            text = vals.pop("text_content", False)
            result = super().write(vals)
            self._lock_write_system({"text_content": text})
            return result
        return super().write(vals)

    @api.multi
    def unlink(self):
        # The file goes with its entry (_inherits deletes only the other way).
        documents = self.mapped("document_id")
        result = super().unlink()
        documents.unlink()
        return result

    # ------------------------------------------------------------------
    # Search
    # ------------------------------------------------------------------
    @api.model
    def _match(self, query):
        """{id: rank} of every entry whose title or text holds all the words
        of ``query`` (the last one as a prefix), whoever may read them."""
        words = search_words(query)
        if not words:
            return {}
        tsquery = " & ".join(word + ":*" for word in words)
        cr = self.env.cr
        # The planner prices a sequential scan without the cost of
        # decompressing each row's words, and a prefix search in the GIN
        # index too high: it scans the table (37 ms on 10,000 documents
        # against 4 ms through the index, bench/library_search.py). The
        # index is forced for this one query, then the setting restored.
        cr.execute("SELECT current_setting('enable_seqscan'),"
                   " set_config('enable_seqscan', 'off', true)")
        previous = cr.fetchone()[0]
        # The ids only; the caller's record rules filter them next.
        cr.execute("""
            SELECT id, ts_rank(search_vector, to_tsquery('simple', %s))
            FROM paperless_library_document
            WHERE search_vector @@ to_tsquery('simple', %s)
        """, (tsquery, tsquery))
        ranks = dict(cr.fetchall())
        cr.execute("SELECT set_config('enable_seqscan', %s, true)", (previous,))
        return ranks

    # Not api.model: over RPC a model method's trailing argument is taken
    # for the context; this one is called on no record or any.
    @api.multi
    def search_library(self, query=None, category_id=None, limit=20, offset=0):
        """Entries the user may read, best match first (newest first without
        words), in ``category_id`` and its subcategories; ``{"ids": [...],
        "count": n}``."""
        query = self._arg_text(query, _("Search"), max_length=500) or ""
        category = self._arg_record("paperless.library.category", category_id,
                                    _("Category"))
        limit = min(self._arg_id(limit or 20, _("Limit")), 200)
        offset = int(offset) if isinstance(offset, int) and offset > 0 else 0
        domain = [("category_id", "child_of", category.id)] if category else []
        if not search_words(query):
            return {"ids": self.search(domain, limit=limit, offset=offset).ids,
                    "count": self.search_count(domain)}
        ranks = self._match(query)
        # With the user's own rules: what they may not read is not found.
        found = self.search(domain + [("id", "in", list(ranks))])
        ordered = sorted(found, key=lambda entry: (-ranks[entry.id], -entry.id))
        return {"ids": [entry.id for entry in ordered[offset:offset + limit]],
                "count": len(ordered)}

    @api.multi
    def action_open_reader(self):
        return self.mapped("document_id").action_open_reader()
