# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Check, normalise and stamp PDFs, in time linear in the file.

Not a model: a plain service used by the document model (upload check),
the document controller (stamping) and the bench.

Bounded parsing. PyPDF2 1.26 has unbounded paths on damaged files: it reads
the file's last line backwards one byte at a time with a quadratic
concatenation (hours on megabytes of trailing junk without a newline), loops
forever on a ``/Prev`` cycle between cross-reference sections, and
concatenates huge name or number tokens quadratically. So every parse
(1) checks the file's tail itself (``startxref``, offset and ``%%EOF`` in the
last kilobyte, nothing but whitespace after it), (2) walks the page tree
itself, refusing a node seen twice and stopping at the page limit, and
(3) reads through a budgeted stream that refuses a file once PyPDF2 has read
more than a fixed multiple of its size, or a single token longer than 64 KB.
Whatever the content, a parse therefore costs at most a constant times the
file's size.

One overlay. The stamp is three Form XObjects drawn once per read at the
origin (footer line, trace id, faint diagonal), whatever the number of pages
or page sizes; each page gets a tiny content stream that places them with its
own transformation (size, offset and /Rotate of its crop box), wrapped around
its untouched original content. The writer's sweep uses a set where PyPDF2's
uses a list, so writing stays linear in the number of objects.
"""
import io
import logging
import math
import os
import re

from PyPDF2 import PdfFileReader, PdfFileWriter
from PyPDF2.generic import (
    ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject,
    IndirectObject, NameObject, NullObject, NumberObject, StreamObject,
)
from PyPDF2.pdf import PageObject
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
XOBJECT_PREFIX = "/PaperlessStamp"
# The three pieces of the stamp: (suffix of the XObject name, font size,
# colour, alignment on the origin).
FOOTER_COLOUR = Color(0.35, 0.35, 0.35, alpha=0.9)
DIAGONAL_COLOUR = Color(0.5, 0.5, 0.5, alpha=0.12)

TAIL_SIZE = 1024
# startxref, its offset and %%EOF, then only PDF whitespace to the end.
TAIL_RE = re.compile(
    br"startxref[\x00\t\n\x0c\r ]+(\d{1,12})[\x00\t\n\x0c\r ]+%%EOF"
    br"[\x00\t\n\x0c\r ]*\Z")
# PyPDF2 reads a sound file about once (xref, objects, streams by /Length):
# eight times its size plus a fixed allowance for tiny files is far above
# that, and far below a loop.
READ_FACTOR = 8
READ_ALLOWANCE = 1 << 20
# PyPDF2 builds name and number tokens 16 bytes at a time by concatenation
# (quadratic): a real one is a few dozen bytes.
MAX_TOKEN = 64 * 1024
MAX_TOKEN_READS = MAX_TOKEN // 16
_font_cache = {}


class StampError(Exception):
    """The file cannot be read as a PDF within bounds.

    ``reason`` says why, for the caller's message: ``not_pdf``, ``damaged``,
    ``trailing_data``, ``too_costly``, ``encrypted``, ``no_pages`` or
    ``too_many_pages``.
    """

    def __init__(self, reason, detail=""):
        super().__init__("%s%s" % (reason, ": %s" % detail if detail else ""))
        self.reason = reason
        self.detail = detail


class _BudgetStream(io.BytesIO):
    """The file as PyPDF2 reads it, refusing work beyond a bound linear in
    the file's size (see the module's docstring). Kept minimal: PyPDF2 calls
    ``read`` for nearly every byte of structure."""

    def __init__(self, data):
        super().__init__(data)
        self._left = READ_FACTOR * len(data) + READ_ALLOWANCE
        self._run = 0

    def read(self, size=-1):
        chunk = super().read(size)
        # Count empty reads too: a loop at the end of the file costs.
        self._left -= len(chunk) + 1
        if size == 16:
            # PyPDF2 reads a name or number 16 bytes at a time, then reads
            # something else: a long run of these is one huge token.
            self._run += 1
            if self._run > MAX_TOKEN_READS:
                raise StampError("too_costly", "token over %d bytes" % MAX_TOKEN)
        elif self._run:
            self._run = 0
        if self._left < 0:
            raise StampError("too_costly", "read budget exceeded")
        return chunk


class _LinearWriter(PdfFileWriter):
    """PyPDF2's writer with its reference sweep made linear: PyPDF2 keeps the
    ids already visited in a list (``in`` is O(n) per reference)."""

    def _sweepIndirectReferences(self, externMap, data):
        if isinstance(data, DictionaryObject):
            for key, value in list(data.items()):
                value = self._sweepIndirectReferences(externMap, value)
                if isinstance(value, StreamObject):
                    value = self._addObject(value)
                data[key] = value
            return data
        if isinstance(data, ArrayObject):
            for index, value in enumerate(data):
                value = self._sweepIndirectReferences(externMap, value)
                if isinstance(value, StreamObject):
                    value = self._addObject(value)
                data[index] = value
            return data
        if not isinstance(data, IndirectObject):
            return data
        if data.pdf is self:
            seen = self.__dict__.setdefault("_paperless_seen", set())
            if data.idnum not in seen:
                seen.add(data.idnum)
                self._sweepIndirectReferences(externMap, self.getObject(data))
            return data
        known = externMap.setdefault(data.pdf, {}).setdefault(data.generation, {})
        if data.idnum in known:
            return known[data.idnum]
        try:
            original = data.pdf.getObject(data)
        except ValueError:
            return NullObject()
        self._objects.append(None)  # placeholder, filled once swept
        reference = IndirectObject(len(self._objects), 0, self)
        known[data.idnum] = reference
        self._objects[reference.idnum - 1] = self._sweepIndirectReferences(
            externMap, original)
        return reference


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


# ----------------------------------------------------------------------
# Reading, within bounds
# ----------------------------------------------------------------------
def _check_envelope(data):
    if not isinstance(data, bytes) or not data.lstrip(b"\x00\t\n\x0c\r ")[:5] \
            .startswith(b"%PDF-"):
        raise StampError("not_pdf")
    if not TAIL_RE.search(data[-TAIL_SIZE:]):
        # No well-formed end: trailing data after %%EOF, or a cut file.
        if b"%%EOF" in data[-TAIL_SIZE:]:
            raise StampError("damaged", "no startxref before %%EOF")
        raise StampError("trailing_data")


def _flatten_pages(reader, max_pages):
    """The pages in order, with inherited attributes, as PyPDF2's
    ``_flatten`` does, but iterative, refusing a node reached twice (a cycle
    or a shared subtree would make PyPDF2 recurse without end or repeat
    pages exponentially) and stopping past ``max_pages``."""
    inheritable = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")
    root = reader.trailer["/Root"].getObject()
    tree = root["/Pages"]
    pages, seen = [], set()
    # Depth-first, in order: a stack of (node reference or object, inherited).
    stack = [(tree, {})]
    while stack:
        reference, inherited = stack.pop()
        node = reference.getObject()
        key = (reference.idnum, reference.generation) \
            if isinstance(reference, IndirectObject) else id(node)
        if key in seen:
            raise StampError("damaged", "page tree node reached twice")
        seen.add(key)
        if not isinstance(node, DictionaryObject):
            raise StampError("damaged", "page tree node is not a dictionary")
        kind = node.get("/Type", "/Pages")
        if kind == "/Pages" or ("/Kids" in node and kind != "/Page"):
            inherited = dict(inherited)
            inherited.update((name, node[name]) for name in inheritable
                             if name in node)
            kids = node["/Kids"].getObject()
            stack.extend((kid, inherited) for kid in reversed(list(kids)))
        else:
            for name, value in inherited.items():
                if name not in node:
                    node[NameObject(name)] = value
            page = PageObject(reader, reference if isinstance(
                reference, IndirectObject) else None)
            page.update(node)
            pages.append(page)
            if max_pages and len(pages) > max_pages:
                raise StampError("too_many_pages", str(max_pages))
    if not pages:
        raise StampError("no_pages")
    reader.flattenedPages = pages
    return pages


def read_pdf(data, max_pages=None):
    """Parse ``data`` within bounds; return ``(reader, pages)``.

    :raise StampError: not a PDF, damaged, trailing data after its end,
        too costly to parse, encrypted, without pages or over ``max_pages``
    """
    _check_envelope(data)
    try:
        reader = PdfFileReader(_BudgetStream(data), strict=False)
        # Refused even with an empty password: such a file carries its
        # author's restrictions, and stamping must rewrite it.
        if "/Encrypt" in reader.trailer:
            raise StampError("encrypted")
        if max_pages:
            tree = reader.trailer["/Root"].getObject()["/Pages"].getObject()
            # Indexing resolves an indirect /Count; .get() would not.
            count = tree["/Count"] if "/Count" in tree else 0
            if int(count) > max_pages:
                raise StampError("too_many_pages", str(max_pages))
        pages = _flatten_pages(reader, max_pages)
    except StampError:
        raise
    except RecursionError:
        raise StampError("too_costly", "nesting too deep")
    except Exception as error:  # PyPDF2 raises anything on a damaged file
        raise StampError("damaged", "%s: %s" % (type(error).__name__, error))
    return reader, pages


def _write(writer):
    out = io.BytesIO()
    try:
        writer.write(out)
    except StampError:
        raise
    except RecursionError:
        raise StampError("too_costly", "nesting too deep")
    except Exception as error:
        raise StampError("damaged", "%s: %s" % (type(error).__name__, error))
    return out.getvalue()


def normalise_pdf(data, max_pages=None):
    """The pages of ``data`` rewritten as a clean PDF (one cross-reference
    table, no incremental updates, nothing after its end), so every later
    read parses it directly; with its number of pages.

    :return: ``(bytes, page_count)``
    :raise StampError: as :func:`read_pdf`
    """
    _reader, pages = read_pdf(data, max_pages=max_pages)
    writer = _LinearWriter()
    for page in pages:
        writer.addPage(page)
    return _write(writer), len(pages)


# ----------------------------------------------------------------------
# Stamping
# ----------------------------------------------------------------------
def _pieces(text, trace_id):
    """(name, text, font size, colour, centred) of the stamp's pieces."""
    return (
        (XOBJECT_PREFIX + "Footer", text, 7.0, FOOTER_COLOUR, True),
        (XOBJECT_PREFIX + "Trace", trace_id, 7.0, FOOTER_COLOUR, False),
        (XOBJECT_PREFIX + "Diagonal", text, 10.0, DIAGONAL_COLOUR, True),
    )


def _forms(writer, text, trace_id):
    """The stamp's pieces as Form XObjects added once to ``writer``, each
    drawn at the origin (centred, or ending there); return
    ``{name: (reference, text width)}``."""
    font = stamp_font()
    pieces = _pieces(text, trace_id)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(100, 100))
    for _name, value, size, colour, centred in pieces:
        pdf.setFillColor(colour)
        pdf.setFont(font, size)
        (pdf.drawCentredString if centred else pdf.drawRightString)(0, 0, value)
        pdf.showPage()
    pdf.save()
    drawn = PdfFileReader(io.BytesIO(buffer.getvalue()))
    forms = {}
    for index, (name, value, size, _colour, centred) in enumerate(pieces):
        page = drawn.getPage(index)
        width = pdfmetrics.stringWidth(value, font, size)
        left = -width / 2.0 if centred else -width
        plain = DecodedStreamObject()
        plain.setData(page.getContents().getData())
        # flateEncode() returns a new stream without the dictionary: set it after.
        form = plain.flateEncode()
        form.update({
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([
                FloatObject(left - 2), FloatObject(-size), FloatObject(
                    left + width + 2), FloatObject(size * 1.5)]),
            NameObject("/Resources"): page["/Resources"].getObject(),
            NameObject("/FormType"): NumberObject(1),
        })
        forms[name] = (writer._addObject(form), width)
    return forms


def _box(page):
    """(x0, y0, width, height, rotation) of the page as it is shown."""
    box = page.cropBox
    x0, y0 = float(box.getLowerLeft_x()), float(box.getLowerLeft_y())
    width, height = float(box.getWidth()), float(box.getHeight())
    rotation = page.get("/Rotate", 0)
    rotation = rotation.getObject() if hasattr(rotation, "getObject") else rotation
    try:
        rotation = int(rotation) % 360
    except (TypeError, ValueError):
        rotation = 0
    return x0, y0, width, height, rotation if rotation % 90 == 0 else 0


def _matrix(values):
    return " ".join(("%.4f" % value).rstrip("0").rstrip(".") or "0"
                    for value in values)


def _placement(box, forms):
    """The content stream that places the stamp's pieces on a page of this
    box: a rotation to the page as shown, then each piece's own position."""
    x0, y0, width, height, rotation = box
    # From the page as shown (origin at its lower left) to user space.
    shown_w, shown_h = (height, width) if rotation in (90, 270) else (width, height)
    to_user = {
        0: (1, 0, 0, 1, x0, y0),
        90: (0, 1, -1, 0, x0 + width, y0),
        180: (-1, 0, 0, -1, x0 + width, y0 + height),
        270: (0, -1, 1, 0, x0, y0 + height),
    }[rotation]
    footer_w = forms[XOBJECT_PREFIX + "Footer"][1] or 1.0
    small = 1.0 if shown_w > 300 else 5.0 / 7.0
    footer = min(small, max(0.2, (shown_w - 24) / footer_w))
    diagonal = math.hypot(shown_w, shown_h)
    natural = forms[XOBJECT_PREFIX + "Diagonal"][1] or 1.0
    # Along the diagonal, three quarters of its length, 6 to 40 pt.
    scale = max(0.6, min(4.0, 0.75 * diagonal / natural))
    angle = math.atan2(shown_h, shown_w)
    cos, sin = math.cos(angle) * scale, math.sin(angle) * scale
    places = (
        ("Footer", (footer, 0, 0, footer, shown_w / 2.0, 10)),
        ("Trace", (small, 0, 0, small, shown_w - 12, shown_h - 12)),
        ("Diagonal", (cos, sin, -sin, cos, shown_w / 2.0, shown_h / 2.0)),
    )
    lines = ["Q"]
    for suffix, matrix in places:
        lines.append("q %s cm %s cm %s%s Do Q" % (
            _matrix(to_user), _matrix(matrix), XOBJECT_PREFIX, suffix))
    return ("\n".join(lines) + "\n").encode("ascii")


def _stream(writer, data):
    stream = DecodedStreamObject()
    stream.setData(data)
    return writer._addObject(stream)


def stamp_pdf(data, reader_name, when, trace_id):
    """Return ``data`` (PDF bytes) with every page stamped.

    :param reader_name: who reads it (any Unicode, e.g. Vietnamese)
    :param when: the date-time as the reader should see it (a string)
    :param trace_id: the short id of this access, also in the access log
    :raise StampError: when ``data`` is not a PDF that can be read within
        bounds (see :func:`read_pdf`)
    """
    _reader, pages = read_pdf(data)
    writer = _LinearWriter()
    forms = _forms(writer, stamp_lines(reader_name, when, trace_id), trace_id)
    try:
        _stamp_pages(writer, pages, forms)
    except StampError:
        raise
    except Exception as error:  # a damaged page dictionary
        raise StampError("damaged", "%s: %s" % (type(error).__name__, error))
    return _write(writer)


def _stamp_pages(writer, pages, forms):
    prefix = _stream(writer, b"q\n")
    suffixes = {}
    for page in pages:
        box = _box(page)
        if box not in suffixes:
            suffixes[box] = _stream(writer, _placement(box, forms))
        # Own copies of the page's resource dictionaries: they may be shared
        # with other pages or inherited, and must not be changed in place.
        resources = DictionaryObject()
        if "/Resources" in page:
            resources.update(page["/Resources"].getObject())
        xobjects = DictionaryObject()
        if "/XObject" in resources:
            xobjects.update(resources["/XObject"].getObject())
        for name, (reference, _width) in forms.items():
            xobjects[NameObject(name)] = reference
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
        page[NameObject("/Contents")] = ArrayObject(
            [prefix] + original + [suffixes[box]])
        writer.addPage(page)


def copy_pdf(data):
    """A plain PyPDF2 copy of ``data``: the bench's baseline."""
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    writer = PdfFileWriter()
    for index in range(reader.getNumPages()):
        writer.addPage(reader.getPage(index))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
