# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The official papers as printed (Hướng dẫn 36-HD/VPTW): real wkhtmltopdf
runs read back with poppler — one serif family embedded, sizes at 100 %,
the Party's title over its own rule, page numbers from page 2, signatures
kept with their paragraph, secrecy and urgency marks, Vietnamese numbers."""
import io
import re
import subprocess
import tempfile
import unittest
from unittest.mock import patch

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests import common
from PIL import Image
from PyPDF2 import PdfFileReader

from ..models import vn_format
from .test_ballot import BallotCase

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">([^<]*)</word>')
MM = 72 / 25.4  # PDF points per millimetre
TOP_MARGIN = 20 * MM  # the party paper format's
TEXT_CENTRE = (30 * MM + (210 - 15) * MM) / 2  # between the left/right margins


def pdf_file(data):
    handle = tempfile.NamedTemporaryFile(suffix=".pdf")
    handle.write(data)
    handle.flush()
    return handle


def embedded_fonts(data):
    """pdffonts' rows as (name, embedded)."""
    with pdf_file(data) as handle:
        out = subprocess.run(["pdffonts", handle.name], stdout=subprocess.PIPE,
                             check=True).stdout.decode("utf-8")
    rows = out.splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def font_families(data):
    """The families of the fonts in the PDF (subset tag and face dropped)."""
    return {re.sub(r"^[A-Z]{6}\+|-(Bold|Italic|BoldItalic)$", "", font)
            for font, _embedded in embedded_fonts(data)}


def page_texts(data):
    with pdf_file(data) as handle:
        out = subprocess.run(["pdftotext", "-layout", handle.name, "-"],
                             stdout=subprocess.PIPE, check=True).stdout
    return out.decode("utf-8").split("\f")[:-1]


def em_height(data):
    """Height of a word's box per point of font size: poppler's box spans
    the font's ascent to its descent (its FontDescriptor, in 1/1000 em)."""
    reader = PdfFileReader(io.BytesIO(data))
    ratios = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.getObject()
            descendant = font.get("/DescendantFonts")
            if descendant:
                font = descendant.getObject()[0].getObject()
            descriptor = font["/FontDescriptor"].getObject()
            span = descriptor["/Ascent"] - descriptor["/Descent"]
            ratios.add(round(float(span) / 1000, 4))
    assert len(ratios) == 1, ratios
    return ratios.pop()


def words(data):
    """Every word as (page, text, xMin, yMin, xMax, yMax, size in pt)."""
    ratio = em_height(data)
    with pdf_file(data) as handle:
        out = subprocess.run(["pdftotext", "-bbox", handle.name, "-"],
                             stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    result = []
    for number, page in enumerate(out.split("<page ")[1:], 1):
        for x0, y0, x1, y1, text in WORD.findall(page):
            x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
            result.append((number, text, x0, y0, x1, y1, (y1 - y0) / ratio))
    return result


class TestVnFormat(unittest.TestCase):
    """The one place papers format numbers."""

    def test_numbers(self):
        self.assertEqual(vn_format.number(1234567.891, 2), "1.234.567,89")
        self.assertEqual(vn_format.number(1234567), "1.234.567")
        self.assertEqual(vn_format.number(999.995, 2), "1.000,00")
        self.assertEqual(vn_format.number(-0.001, 2), "0,00")
        self.assertEqual(vn_format.number(-1500.5, 1), "-1.500,5")
        self.assertEqual(vn_format.number(0.125, 2), "0,13")  # half up

    def test_decimal_drops_trailing_zeros(self):
        self.assertEqual(vn_format.decimal(0.5), "0,5")
        self.assertEqual(vn_format.decimal(2.0), "2")
        self.assertEqual(vn_format.decimal(1.25), "1,25")
        self.assertEqual(vn_format.decimal(1000.1), "1.000,1")

    def test_percent_share_and_hours(self):
        self.assertEqual(vn_format.percent(75), "75,00 %")
        self.assertEqual(vn_format.share(3, 4), "75,00 %")
        self.assertEqual(vn_format.share(2, 3), "66,67 %")
        self.assertEqual(vn_format.share(1, 0), "")
        self.assertEqual(vn_format.share(None, 4), "")
        self.assertEqual(vn_format.hours(0.5), "0,5 giờ")
        self.assertEqual(vn_format.hours(1.0), "1 giờ")
        self.assertEqual(vn_format.hours(False), "0 giờ")


class TestPaperTypography(BallotCase):
    """The meeting in progress with four of five voting members present;
    names and texts with the letters Debian's Liberation 1.07 lacked."""

    @classmethod
    def setUpClass(cls):
        # wkhtmltopdf fetches the papers' stylesheets from this test server,
        # which reads committed rows only (a bundle built in the test's
        # transaction is a 404, and a header with a missing stylesheet is not
        # printed). Outside tests Odoo commits bundles as it builds them
        # (commit_assetsbundle): build the PDF layout's, committed, before
        # the test's transaction takes its snapshot.
        with odoo.registry(common.get_db_name()).cursor() as cr:
            api.Environment(cr, SUPERUSER_ID, {})["ir.ui.view"].render_template(
                "web.minimal_layout", {"subst": True, "body": "", "base_url": ""})
        super().setUpClass()
        cls.leader.name = "Nguyễn Thị Phượng"
        cls.secretary.name = "Trương Văn Thưởng"
        # The unit's signers: the chair signs the invitation and the agenda
        # on the body's behalf, the meeting's secretary the notice.
        settings = cls.env["paperless.paper.setting"]
        company = cls.env["res.company"].browse(cls.meeting.company_id.id)
        for kind in ("invitation", "agenda"):
            settings._for(company, kind).write({
                "authority": "T/M BAN THƯỜNG VỤ", "signer_title": "BÍ THƯ",
                "signer_id": False})
        settings._for(company, "conclusion").write({
            "authority": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG", "signer_id": False})
        items = cls.meeting.agenda_item_ids
        items[0].write({"duration": 0.5, "name": "Báo cáo tình hình quý IV",
                        "conclusion": "<p>Thống nhất thông qua báo cáo.</p>"})
        items[1].write({"duration": 1.5})
        # Under the first item, so the minutes end with the second one's
        # conclusion, the closing paragraph and the signatures.
        cls.ballot = cls.Ballot.sudo(cls.secretary).create({
            "name": "Thông qua nghị quyết", "meeting_id": cls.meeting.id,
            "agenda_item_id": items[0].id, "pass_rule": "present_majority"})
        cls.ballot.sudo(cls.leader).action_open()
        for user, position in ((cls.leader, 0), (cls.member, 0),
                               (cls.member2, 0), (cls.member3, 1)):
            cls.ballot.sudo(user).cast_vote(cls.ballot.option_ids[position].id)
        cls.ballot.sudo(cls.leader).action_close()

    def pdf(self, xmlid, records):
        """A real wkhtmltopdf run as the office's (Vietnamese) secretary,
        its styles served by this test server."""
        self.assertEqual(self.secretary.lang, "vi_VN")
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.%s" % xmlid).sudo(self.secretary)
        with patch.dict(odoo.tools.config.options, {"test_report_directory": "/tmp"}):
            return report.render_qweb_pdf(records.ids)[0]

    def papers(self):
        return {
            # Two invitations of one page each, in one file.
            "invitation": self.pdf("report_meeting_invitation",
                                   self.attendee_of(self.member)
                                   | self.attendee_of(self.member2)),
            "agenda": self.pdf("report_meeting_agenda", self.meeting),
            "minutes": self.pdf("report_meeting_minutes", self.meeting),
            "conclusion": self.pdf("report_meeting_conclusion", self.meeting),
            "tally": self.pdf("report_ballot_result", self.ballot),
        }

    def size_of(self, boxes, text, page=1):
        found = [box for box in boxes if box[1] == text and box[0] == page]
        self.assertTrue(found, "%r not printed on page %d" % (text, page))
        return found[0][6]

    def test_every_paper_one_serif_family_at_its_size(self):
        kinds = {"invitation": "GIẤY", "agenda": "CHƯƠNG", "minutes": "BIÊN",
                 "conclusion": "THÔNG", "tally": "KIỂM"}
        for name, data in self.papers().items():
            with self.subTest(paper=name):
                fonts = embedded_fonts(data)
                # One family (its regular, bold, italic faces), all embedded:
                # no DejaVu/Noto/Liberation glyph borrowed mid-word.
                self.assertEqual(font_families(data), {"Tinos"}, fonts)
                self.assertEqual({embedded for _font, embedded in fonts}, {"yes"})
                text = page_texts(data)[0]
                self.assertIn("ĐẢNG CỘNG SẢN VIỆT NAM", text)
                # Odoo 11 prints an empty t-call body as "[]".
                self.assertNotIn("[]", "".join(page_texts(data)))
                self.assertIn("Trương Văn Thưởng" if name in (
                    "minutes", "conclusion", "tally") else "Nguyễn Thị Phượng", text)
                boxes = words(data)
                # 36-HD: title 15 bold, issuer and number 14, date line 14
                # italic, kind of paper 15-16 (16), text 14.
                for word, size in (("CỘNG", 15), ("Số", 14), ("ngày", 14),
                                   (kinds[name], 16)):
                    self.assertAlmostEqual(self.size_of(boxes, word), size, delta=0.3,
                                           msg="%s in the %s" % (word, name))
                if name == "invitation":
                    # Pages count per paper: each invitation's one page is
                    # its first, so none is numbered.
                    self.assertEqual(len(page_texts(data)), 2)
                    self.assertFalse([box for box in boxes if box[5] < TOP_MARGIN])
                else:
                    self.assertPageNumbers(boxes, len(page_texts(data)))

    def assertPageNumbers(self, boxes, pages):
        """Nothing in the top margin of page 1; from page 2, the page's
        number alone, centred over the text, ~10 mm from the edge, 14 pt."""
        self.assertFalse([box for box in boxes if box[0] == 1 and box[5] < TOP_MARGIN])
        for page in range(2, pages + 1):
            heads = [box for box in boxes if box[0] == page and box[5] < TOP_MARGIN]
            self.assertEqual([box[1] for box in heads], [str(page)])
            number = heads[0]
            self.assertAlmostEqual((number[2] + number[4]) / 2, TEXT_CENTRE, delta=2)
            self.assertAlmostEqual(number[3], 10 * MM, delta=2 * MM)
            self.assertAlmostEqual(number[6], 14, delta=0.3)

    def test_signature_sizes_and_recipients(self):
        boxes = words(self.pdf("report_meeting_conclusion", self.meeting))
        for word, size in (("CHÁNH", 14), ("Thưởng", 14), ("Kết", 14),
                           ("Nơi", 14), ("Lưu", 12)):
            self.assertAlmostEqual(self.size_of(boxes, word), size, delta=0.3, msg=word)

    def test_party_title_over_its_own_rule(self):
        """A rule as long as the title under its box, and no line through
        its letters' marks (a text underline crosses the dots of Ộ, Ệ)."""
        data = self.pdf("report_meeting_agenda", self.meeting)
        boxes = [box for box in words(data) if box[0] == 1]
        start = [index for index, box in enumerate(boxes)
                 if box[1] == "ĐẢNG" and boxes[index + 1][1] == "CỘNG"][0]
        title = boxes[start:start + 5]
        self.assertEqual(" ".join(box[1] for box in title), "ĐẢNG CỘNG SẢN VIỆT NAM")
        left, top = title[0][2], min(box[3] for box in title)
        right, bottom = title[-1][4], max(box[5] for box in title)
        date_top = min(box[3] for box in boxes if box[1] == "ngày")
        # Page 1 at 144 dpi: 2 pixels a point, the 0.75 pt rule a full row.
        with pdf_file(data) as handle:
            subprocess.run(["pdftoppm", "-r", "144", "-f", "1", "-l", "1", "-gray",
                            "-singlefile", handle.name, handle.name], check=True)
            image = Image.open(handle.name + ".pgm")
            image.load()

        def longest_dark_run(y):
            run = best = 0
            for x in range(int(left * 2) - 10, int(right * 2) + 10):
                run = run + 1 if image.getpixel((x, y)) < 160 else 0
                best = max(best, run)
            return best / 2

        width = right - left
        below = [longest_dark_run(y)
                 for y in range(int(bottom * 2) + 1, int(date_top * 2))]
        self.assertGreater(max(below), 0.95 * width)
        self.assertLess(max(below), 1.1 * width)
        inside = [longest_dark_run(y) for y in range(int(top * 2) + 1, int(bottom * 2))]
        self.assertLess(max(inside), 0.5 * width)

    def test_vietnamese_numbers(self):
        tally = "\n".join(page_texts(self.pdf("report_ballot_result", self.ballot)))
        self.assertIn("75,00 %", tally)
        self.assertIn("25,00 %", tally)
        self.assertNotIn("75.00", tally)
        agenda = page_texts(self.pdf("report_meeting_agenda", self.meeting))[0]
        self.assertIn("0,5 giờ", agenda)
        self.assertIn("1,5 giờ", agenda)

    def minutes_with(self, paragraphs):
        """The minutes, the last item's conclusion ``paragraphs`` lines long."""
        self.meeting.agenda_item_ids[-1].conclusion = "".join(
            "<p>Đoạn thứ %d của kết luận.</p>" % number
            for number in range(1, paragraphs + 1))
        return self.pdf("report_meeting_minutes", self.meeting)

    def test_page_numbers_from_page_two(self):
        data = self.minutes_with(60)
        pages = len(page_texts(data))
        self.assertGreaterEqual(pages, 3)
        self.assertPageNumbers(words(data), pages)

    def test_signature_never_alone_on_a_page(self):
        """Lengthen the minutes until a page breaks just before the
        signatures: the closing paragraph goes over with them."""
        texts = page_texts(self.minutes_with(60))
        # The first page that ends inside the conclusion, and its last line.
        page = [index for index, text in enumerate(texts[:-1]) if "Đoạn thứ" in text][0]
        last = max(int(number) for number in re.findall(r"Đoạn thứ (\d+)", texts[page]))
        split_before_closing = False
        for paragraphs in range(last - 2, last + 1):
            with self.subTest(paragraphs=paragraphs):
                texts = page_texts(self.minutes_with(paragraphs))
                self.assertEqual(len(texts), page + 2)
                closing = [index for index, text in enumerate(texts)
                           if "Cuộc họp kết thúc" in text]
                self.assertEqual(closing, [page + 1])
                self.assertIn("THƯ KÝ", texts[page + 1])
                # The signers' names (also in the attendance list above).
                for name in ("Trương Văn Thưởng", "Nguyễn Thị Phượng"):
                    self.assertIn(name, texts[page + 1])
                split_before_closing = (split_before_closing
                                        or "Đoạn thứ %d " % paragraphs in texts[page])
        # At least once the conclusion's last line stayed on the page before
        # (the break fell between it and the closing lines).
        self.assertTrue(split_before_closing)

    def test_secrecy_and_urgency_marks(self):
        """Marks under the number, boxed capitals 13 pt bold (36-HD boxes
        10a and 10b); none when not set."""
        paper = {"parent": "TỈNH ỦY BÌNH DƯƠNG", "issuer": "Văn phòng Tỉnh ủy",
                 "number": "12-TB/TU",
                 "date_line": "Bình Dương, ngày 01 tháng 12 năm 2026",
                 "secrecy": "MẬT", "urgency": "HỎA TỐC"}
        View = self.env["ir.ui.view"]
        html = View.render_template("paperless_meeting.report_party_header",
                                    {"paper": paper}).decode("utf-8")
        # The unit's name as written: never re-capitalised.
        self.assertIn("Văn phòng Tỉnh ủy", html)
        self.assertLess(html.index("12-TB/TU"), html.index("MẬT"))
        self.assertLess(html.index("MẬT"), html.index("HỎA TỐC"))
        plain = View.render_template("paperless_meeting.report_party_header", {
            "paper": dict(paper, secrecy=False, urgency=False)}).decode("utf-8")
        self.assertNotIn("pm-mark", plain)
        page = '<div class="article"><div class="page pm-doc">%s%s</div></div>' % (
            View.render_template("paperless_meeting.report_party_style").decode(),
            html)
        body = View.render_template("web.minimal_layout", {
            "subst": False, "base_url": "http://127.0.0.1:%s" % common.PORT,
            "body": page})
        report = self.env.ref("paperless_meeting.report_meeting_minutes")
        with patch.dict(odoo.tools.config.options, {"test_report_directory": "/tmp"}):
            data = report._run_wkhtmltopdf([body])
        boxes = words(data)
        number = [box for box in boxes if box[1] == "12-TB/TU"][0]
        number_line = [box for box in boxes if box[1] == "Số"][0][2], number[4]
        for first, last in (("MẬT", "MẬT"), ("HỎA", "TỐC")):
            start = [box for box in boxes if box[1] == first][0]
            end = [box for box in boxes if box[1] == last][0]
            self.assertGreater(start[3], number[5])
            # In the number's column, centred under it.
            self.assertAlmostEqual((start[2] + end[4]) / 2, sum(number_line) / 2,
                                   delta=3)
            self.assertAlmostEqual(start[6], 13, delta=0.3)
        self.assertEqual(font_families(data), {"Tinos"})
