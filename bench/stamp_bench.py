"""Time to stamp a PDF for one reader against a plain PyPDF2 copy of the same
file, as ratios measured in one run (goal: at most 2x), on three files:

- text: 100 text-heavy pages (60 lines each) with a few vector shapes;
- mixed: 2,000 pages of ~1,000 different page sizes (one overlay per size
  made this 12 s per read before);
- large: a ~20 MB file (200 pages, each with an incompressible image).

    .venv/bin/python bench/stamp_bench.py [REPEAT]

Standalone: loads the addon's stamp module without Odoo; the files are
generated with reportlab. Also prints the stamped file's growth per page and
the time to check and normalise each file once, as at upload.
"""
import importlib.util
import io
import os
import statistics
import sys
import time

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "pdf_stamp", os.path.join(HERE, "..", "models", "pdf_stamp.py"))
pdf_stamp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pdf_stamp)
READER = ("Lê Văn Minh", "01/12/2026 08:30", "3F9A2C1B07")


def text_pdf(pages=100):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(pages):
        pdf.setFont("Times-Roman", 11)
        for line in range(60):
            pdf.drawString(60, 800 - line * 12.5,
                           "Page %d, line %d: the province's budget, revenue and "
                           "expenditure for the quarter, by sector." % (page + 1, line))
        pdf.rect(50, 40, 495, 20)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def mixed_pdf(pages=2000):
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(pages):
        pdf.setPageSize((400 + page % 997, 500 + (page * 7) % 991))
        pdf.setFont("Times-Roman", 11)
        for line in range(10):
            pdf.drawString(30, 30 + line * 14,
                           "Annex page %d, line %d" % (page + 1, line))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def large_pdf(pages=200, side=190):
    """About 100 KB of incompressible pixels per page."""
    from PIL import Image
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in range(pages):
        noise = Image.frombytes("RGB", (side, side), os.urandom(side * side * 3))
        pdf.drawImage(ImageReader(noise), 60, 300, 400, 400)
        pdf.drawString(60, 760, "Scanned page %d" % (page + 1))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(name, data, repeat):
    # Interleaved, so both see the same machine load.
    copy, stamp = [], []
    for _ in range(repeat):
        copy.append(timed(lambda: pdf_stamp.copy_pdf(data)))
        stamp.append(timed(lambda: pdf_stamp.stamp_pdf(data, *READER)))
    copy_s, stamp_s = statistics.median(copy), statistics.median(stamp)
    stamped = pdf_stamp.stamp_pdf(data, *READER)
    upload = timed(lambda: pdf_stamp.normalise_pdf(data))
    _reader, pages = pdf_stamp.read_pdf(data)
    ratio = stamp_s / copy_s
    print("%-5s pages=%-5d size=%6d KB  copy %7.1f ms  stamped %7.1f ms  "
          "ratio %.2fx %s  growth %4d B/page  upload check %7.1f ms"
          % (name, len(pages), len(data) // 1024, copy_s * 1000, stamp_s * 1000,
             ratio, "OK" if ratio <= 2 else "OVER",
             (len(stamped) - len(data)) // len(pages), upload * 1000))
    return ratio


def main(repeat=5):
    repeat = int(repeat)
    pdf_stamp.stamp_font()  # the font registers once per process
    print("median of %d reads each; goal: stamped <= 2x a plain copy" % repeat)
    ratios = [measure("text", text_pdf(), repeat),
              measure("mixed", mixed_pdf(), max(1, repeat // 2)),
              measure("large", large_pdf(), max(1, repeat // 2))]
    return 0 if max(ratios) <= 2 else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
