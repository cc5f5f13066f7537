# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Stamping's cost, measured deterministically: the number of overlay
XObjects and the growth of the output, on a 2,000-page file of mixed page
sizes; and the damaged files it refuses, each for its reason."""
import io

from PyPDF2 import PdfFileReader

from odoo.tests.common import SavepointCase

from . import pdf_samples as samples
from ..models.pdf_stamp import XOBJECT_PREFIX, StampError, read_pdf, stamp_pdf

READER = ("Nguyễn Thị Thu Hà", "01/12/2026 08:30", "ABCDEF1234")


def stamp_forms(data):
    """(pages, {id of each stamp XObject}) of a stamped file."""
    reader = PdfFileReader(io.BytesIO(data))
    forms, pages = set(), reader.getNumPages()
    for index in range(pages):
        xobjects = reader.getPage(index)["/Resources"]["/XObject"]
        names = [name for name in xobjects if name.startswith(XOBJECT_PREFIX)]
        assert len(names) == 3, (index, names)
        forms.update(xobjects.raw_get(name).idnum for name in names)
    return pages, forms


class TestStampCost(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mixed = samples.mixed_sizes_pdf(2000)
        cls.uniform = samples.text_pdf(2000)

    def test_one_overlay_whatever_the_page_sizes(self):
        # Before: one overlay (and one embedded font) per distinct size.
        pages, forms = stamp_forms(stamp_pdf(samples.text_pdf(1), *READER))
        self.assertEqual((pages, len(forms)), (1, 3))
        pages, forms = stamp_forms(stamp_pdf(self.mixed, *READER))
        self.assertEqual((pages, len(forms)), (2000, 3))

    def test_output_grows_linearly(self):
        """What stamping adds per page is a small constant, whatever the
        sizes: no per-size overlay, nothing quadratic."""
        grown = {}
        for name, data in (("mixed", self.mixed), ("uniform", self.uniform),
                           ("small", samples.mixed_sizes_pdf(200))):
            grown[name] = len(stamp_pdf(data, *READER)) - len(data)
        # A placement stream per distinct size (~300 bytes) at most; the old
        # overlay per size was ~22 KB per page.
        self.assertLess(grown["mixed"], 32 * 1024 + 800 * 2000)
        self.assertLess(grown["uniform"], 32 * 1024 + 400 * 2000)
        # Ten times the pages, ten times the growth (the fixed part aside).
        self.assertLess(grown["mixed"], 10 * grown["small"] * 1.1)

    def test_rotated_and_cropped_pages_are_stamped(self):
        data = samples.build_pdf([
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /Rotate 90 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] "
            b"/CropBox [10 10 500 400] /Rotate 270 >>",
        ])
        pages, forms = stamp_forms(stamp_pdf(data, *READER))
        self.assertEqual((pages, len(forms)), (2, 3))

    def test_page_limit_before_walking_the_tree(self):
        """The page tree's /Count (even an indirect one) is checked first;
        the walk stops at the limit whatever the count claims."""
        def tree(count):
            return samples.build_pdf([
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 4 0 R >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                b"%d" % count,
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
        self.assertEqual(len(read_pdf(tree(2), max_pages=2)[1]), 2)
        for count in (3, 1):
            with self.assertRaises(StampError) as caught:
                read_pdf(tree(count), max_pages=1 if count == 1 else 2)
            self.assertEqual(caught.exception.reason, "too_many_pages")

    def test_damaged_files_are_refused_for_their_reason(self):
        pdf = samples.text_pdf(2)
        for reason, data in (
            ("not_pdf", b"a,b\n1,2\n"),
            ("trailing_data", samples.with_trailing_junk(pdf)),
            ("damaged", samples.with_broken_xref(pdf)),
            ("damaged", samples.without_xref()),
            ("too_costly", samples.with_prev_cycle()),
            ("damaged", samples.with_page_tree_cycle()),
            ("too_costly", samples.with_huge_token()),
            ("encrypted", samples.encrypted(pdf)),
            ("no_pages", samples.without_pages()),
        ):
            with self.subTest(reason=reason, data=data[:30]):
                with self.assertRaises(StampError) as caught:
                    stamp_pdf(data, *READER)
                self.assertEqual(caught.exception.reason, reason)
