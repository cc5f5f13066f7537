# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""PDFs made in the tests: real ones (reportlab) and damaged ones, each
damage made on purpose with the file's offsets kept right, so a test
refuses the file for the reason it names."""
import io
import re

from PyPDF2 import PdfFileReader, PdfFileWriter
from reportlab.pdfgen import canvas


def vietnamese_user(env, login, role, name=None):
    """A user of ``role`` who reads Vietnamese, in Vietnam's time zone."""
    # Imported here: common.py may build its sample PDF from this module.
    from .common import create_user
    user = create_user(env, login, role, name=name)
    user.write({"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
    return user


def text_pdf(pages=1, text="Báo cáo", sizes=None):
    """A real PDF, one line of text per page; ``sizes(i)`` gives page i's
    (width, height) when the pages should differ."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for index in range(pages):
        if sizes:
            pdf.setPageSize(sizes(index))
        pdf.setFont("Helvetica", 11)
        pdf.drawString(30, 30, "%s, page %d" % (text, index + 1))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def mixed_sizes_pdf(pages):
    """Every page of a different size (up to ~1,000 distinct sizes)."""
    return text_pdf(pages, sizes=lambda i: (400 + i % 997, 500 + (i * 7) % 991))


def build_pdf(objects, trailer=b"/Root 1 0 R"):
    """A PDF from object bodies (object i+1 is ``objects[i]``) with a right
    cross-reference table: damage is then only what the test puts in."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, trailer, xref))
    return out.getvalue()


def _startxref(data):
    return int(re.search(br"startxref\s+(\d+)\s+%%EOF\s*$", data).group(1))


def page_objects(extra=b""):
    return [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] %s >>" % extra]


def with_trailing_junk(data, size=2 * 1024 * 1024):
    """Megabytes of NUL bytes after %%EOF (no newline): what kept a server
    thread busy for hours."""
    return data + b"\x00" * size


def with_broken_xref(data):
    """startxref pointing into the middle of an object."""
    return re.sub(br"startxref\s+\d+", b"startxref\n%d" % (len(data) // 3), data)


def with_prev_cycle():
    """A cross-reference section whose /Prev is itself: PyPDF2 loops."""
    data = build_pdf(page_objects())
    return build_pdf(page_objects(), trailer=b"/Root 1 0 R /Prev %d"
                     % _startxref(data))


def with_page_tree_cycle():
    """A page tree whose node lists itself among its kids."""
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])


def with_huge_token(size=200 * 1024):
    """A page dictionary with a name of ``size`` bytes (built quadratically
    by PyPDF2)."""
    return build_pdf(page_objects(b"/X /" + b"a" * size))


def encrypted(data):
    reader = PdfFileReader(io.BytesIO(data))
    writer = PdfFileWriter()
    for index in range(reader.getNumPages()):
        writer.addPage(reader.getPage(index))
    writer.encrypt("")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def without_xref():
    """Objects without any cross-reference table or startxref (the old
    hand-written sample of tests/common.py)."""
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def without_pages():
    return build_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                      b"<< /Type /Pages /Kids [] /Count 0 >>"])


def with_incremental_update(data):
    """``data`` plus a valid incremental update (a new /Info dictionary, its
    own xref section and a trailer with /Prev): readers walk both sections."""
    size = int(re.search(br"/Size (\d+)", data).group(1))
    root = re.search(br"/Root (\d+ \d+ R)", data).group(1)
    offset = len(data)
    update = b"%d 0 obj\n<< /Producer (Office update) >>\nendobj\n" % size
    xref = offset + len(update)
    update += (b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s "
               b"/Info %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
               % (size, offset, size + 1, root, size, _startxref(data), xref))
    return data + update
