# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stamp every page of a PDF with its reader: name, date-time, trace id.

Not a model: a plain service used by the document controller and the bench.

The overlay is drawn once per page size with reportlab and turned into one
shared Form XObject. Each page then only gets two tiny content streams
around its own (``q`` before, ``Q /Stamp Do`` after) and a resource entry:
the original content stream is neither parsed nor rewritten, which keeps the
document's own content byte-for-byte intact and the cost close to a plain
PyPDF2 copy (PyPDF2's ``mergePage`` would parse and re-serialise every
page's operators).
"""
import io
import logging
import math
import os

from PyPDF2 import PdfFileReader, PdfFileWriter
from PyPDF2.generic import (
    ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject,
    IndirectObject, NameObject, NumberObject,
)
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_logger = logging.getLogger(__name__)

FONT_NAME = "PaperlessStamp"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)
XOBJECT_NAME = "/PaperlessStamp"
_font_cache = {}


class StampError(Exception):
    """The file cannot be stamped (not a PDF, encrypted, damaged)."""


def stamp_font():
    """A TrueType font that covers Vietnamese, registered once; Helvetica
    (no Vietnamese diacritics) only when none of the candidates exists."""
    if "name" not in _font_cache:
        _font_cache["name"] = "Helvetica"
        for path in FONT_CANDIDATES:
            if os.path.exists(path):
                try:
                    pdfmetrics.registerFont(TTFont(FONT_NAME, path))
                except Exception:  # a damaged font file: try the next one
                    _logger.warning("Cannot load the stamp font %s", path)
                    continue
                _font_cache["name"] = FONT_NAME
                break
        else:
            _logger.warning("No Vietnamese font found for the PDF stamp; "
                            "diacritics may not render.")
    return _font_cache["name"]


def stamp_lines(reader_name, when, trace_id):
    return "%s · %s · %s" % (reader_name, when, trace_id)


def _overlay_page(width, height, text, trace_id):
    """A one-page PDF of the given size with the stamp, as a PyPDF2 page."""
    font = stamp_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    # Footer line, readable and machine-searchable.
    pdf.setFillColor(Color(0.35, 0.35, 0.35, alpha=0.9))
    size = 7 if width > 300 else 5
    pdf.setFont(font, size)
    pdf.drawCentredString(width / 2.0, 10, text)
    pdf.drawRightString(width - 12, height - 12, trace_id)
    # Faint diagonal name across the page: a photo of the screen still shows
    # whose copy it was.
    pdf.saveState()
    pdf.setFillColor(Color(0.5, 0.5, 0.5, alpha=0.12))
    pdf.translate(width / 2.0, height / 2.0)
    # Along the page's diagonal, sized to three quarters of it.
    pdf.rotate(math.degrees(math.atan2(height, width)))
    diagonal = math.hypot(width, height)
    natural = pdfmetrics.stringWidth(text, font, 10) or 1.0
    pdf.setFont(font, max(6.0, min(40.0, 10 * 0.75 * diagonal / natural)))
    pdf.drawCentredString(0, 0, text)
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    buffer.seek(0)
    return PdfFileReader(buffer).getPage(0)


def _form_xobject(writer, overlay):
    """The overlay page as a Form XObject added once to ``writer``."""
    box = overlay.mediaBox
    plain = DecodedStreamObject()
    plain.setData(overlay.getContents().getData())
    # flateEncode() returns a new stream without the dictionary: set it after.
    form = plain.flateEncode()
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject([
            FloatObject(box.getLowerLeft_x()), FloatObject(box.getLowerLeft_y()),
            FloatObject(box.getUpperRight_x()), FloatObject(box.getUpperRight_y())]),
        NameObject("/Resources"): overlay["/Resources"].getObject(),
        NameObject("/FormType"): NumberObject(1),
    })
    return writer._addObject(form)


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.setData(data)
    return writer._addObject(stream)


def stamp_pdf(data, reader_name, when, trace_id):
    """Return ``data`` (PDF bytes) with every page stamped.

    :param reader_name: who reads it (any Unicode, e.g. Vietnamese)
    :param when: the date-time as the reader should see it (a string)
    :param trace_id: the short id of this access, also in the access log
    :raise StampError: when ``data`` is not a readable, unencrypted PDF
    """
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        if reader.isEncrypted and not reader.decrypt(""):
            raise StampError("encrypted PDF")
        pages = [reader.getPage(index) for index in range(reader.getNumPages())]
    except StampError:
        raise
    except Exception as error:
        raise StampError(str(error))
    writer = PdfFileWriter()
    text = stamp_lines(reader_name, when, trace_id)
    prefix = _stream(writer, b"q\n")
    forms = {}
    for page in pages:
        box = page.mediaBox
        x0, y0 = float(box.getLowerLeft_x()), float(box.getLowerLeft_y())
        width, height = float(box.getWidth()), float(box.getHeight())
        key = (round(x0, 1), round(y0, 1), round(width, 1), round(height, 1))
        if key not in forms:
            name = "%s%d" % (XOBJECT_NAME, len(forms))
            form = _form_xobject(writer, _overlay_page(width, height, text, trace_id))
            suffix = _stream(writer, (
                "Q q 1 0 0 1 %.2f %.2f cm %s Do Q\n" % (x0, y0, name)
            ).encode("ascii"))
            forms[key] = (name, form, suffix)
        name, form, suffix = forms[key]
        # Own copies of the page's resource dictionaries: they may be shared
        # with other pages or inherited, and must not be changed in place.
        resources = DictionaryObject()
        if "/Resources" in page:
            resources.update(page["/Resources"].getObject())
        xobjects = DictionaryObject()
        if "/XObject" in resources:
            xobjects.update(resources["/XObject"].getObject())
        xobjects[NameObject(name)] = form
        resources[NameObject("/XObject")] = xobjects
        page[NameObject("/Resources")] = resources
        contents = page.get("/Contents")
        original = []
        if contents is not None:
            resolved = contents.getObject()
            original = list(resolved) if isinstance(resolved, ArrayObject) \
                else [contents]
            # A stream must be an indirect object to sit in a /Contents array.
            original = [item if isinstance(item, IndirectObject)
                        else writer._addObject(item) for item in original]
        page[NameObject("/Contents")] = ArrayObject([prefix] + original + [suffix])
        writer.addPage(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def copy_pdf(data):
    """A plain PyPDF2 copy of ``data``: the bench's baseline."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    writer = PdfFileWriter()
    for index in range(reader.getNumPages()):
        writer.addPage(reader.getPage(index))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
