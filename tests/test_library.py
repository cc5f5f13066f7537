# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Party documents library: text extracted from PDF and text files on
upload; a search that finds words inside the documents typed with or
without diacritics, best match first; each unit's members read their
unit's library only, through the room's stamped and logged reader."""
import base64
import re
import subprocess

from odoo.exceptions import AccessError, UserError, ValidationError

from ..models.paperless_library_document import fold, text_to_pdf
from .common import PaperlessCase, create_user

CONTENT = {
    "digital": "Nghị quyết về đẩy mạnh chuyển đổi số trong các cơ quan Đảng.\n\n"
               "Các cấp ủy lãnh đạo việc ứng dụng công nghệ thông tin.",
    "building": "Chỉ thị về công tác xây dựng, chỉnh đốn Đảng và hệ thống "
                "chính trị. Đổi mới phương thức lãnh đạo.",
    "economy": "Báo cáo tình hình kinh tế - xã hội, thu ngân sách và đầu tư "
               "công; chuyển đổi số chỉ được nêu một lần.",
}


def pdf_b64(text, title="Văn kiện"):
    return base64.b64encode(text_to_pdf(text, title))


def pdf_text(data):
    """The text of a PDF as poppler's pdftotext reads it."""
    return subprocess.run(["pdftotext", "-", "-"], input=data,
                          stdout=subprocess.PIPE, check=True).stdout.decode()


class TestLibrary(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Category = env["paperless.library.category"].sudo(cls.secretary)
        cls.resolutions = Category.create({"name": "Nghị quyết"})
        cls.central = Category.create({"name": "Trung ương",
                                       "parent_id": cls.resolutions.id})
        cls.directives = Category.create({"name": "Chỉ thị"})
        cls.Library = env["paperless.library.document"]
        Library = cls.Library.sudo(cls.secretary)
        cls.digital = Library.create({
            "name": "Nghị quyết về chuyển đổi số", "number": "57-NQ/TW",
            "date": "2024-12-22", "issuing_body": "Bộ Chính trị",
            "category_id": cls.central.id, "datas": pdf_b64(CONTENT["digital"]),
            "datas_fname": "57-nq-tw.pdf"})
        cls.building = Library.create({
            "name": "Chỉ thị về xây dựng Đảng", "number": "05-CT/TU",
            "category_id": cls.directives.id,
            "datas": pdf_b64(CONTENT["building"]), "datas_fname": "05.pdf"})
        cls.economy = Library.create({
            "name": "Báo cáo kinh tế - xã hội", "number": "45-BC/TU",
            "category_id": cls.resolutions.id,
            "datas": pdf_b64(CONTENT["economy"]), "datas_fname": "45.pdf"})

    def found(self, query, user=None, category=None):
        result = self.Library.sudo(user or self.member).search_library(
            query, category.id if category else None)
        return self.Library.browse(result["ids"])

    def test_text_extracted_on_upload(self):
        self.assertIn("chuyển đổi số trong các cơ quan Đảng",
                      self.digital.text_content)
        self.assertEqual(self.digital.page_count, 1)
        self.assertEqual(self.digital.document_id.name,
                         "Nghị quyết về chuyển đổi số")
        # A new file, a new text.
        self.digital.sudo(self.secretary).write({
            "datas": pdf_b64("Văn bản thay thế về kiểm tra, giám sát."),
            "datas_fname": "moi.pdf"})
        self.assertIn("kiểm tra, giám sát", self.digital.text_content)
        self.assertNotIn("chuyển đổi", self.digital.text_content)
        self.assertEqual(self.digital.version, 2)

    def test_search_with_and_without_diacritics(self):
        for query in ("chuyển đổi số", "chuyen doi so", "CHUYỂN ĐỔI SỐ",
                      "Chuyen Doi So"):
            # The title's words weigh more: the resolution comes first.
            self.assertEqual(self.found(query), self.digital | self.economy, query)
        self.assertEqual(self.found("chỉnh đốn"), self.building)
        self.assertEqual(self.found("chinh don"), self.building)
        self.assertEqual(self.found("xay dung dang"), self.building)
        # The last word as typed so far.
        self.assertEqual(self.found("ngan sach va dau t"), self.economy)
        self.assertFalse(self.found("không có từ này"))
        # Search syntax is only words.
        self.assertEqual(self.found("chuyển đổi số & | ! :* ('"),
                         self.digital | self.economy)
        # The back office's search field.
        self.assertEqual(self.Library.sudo(self.member).search(
            [("text_search", "ilike", "cong nghe thong tin")]), self.digital)
        self.assertEqual(fold("Đảng Cộng sản Việt Nam"), "dang cong san viet nam")

    def test_ranked_best_first(self):
        ids = self.Library.sudo(self.member).search_library("chuyển đổi số")["ids"]
        self.assertEqual(ids, [self.digital.id, self.economy.id])

    def test_search_lists_no_whole_library(self):
        """The search reads the matching entries only: no record rule lists
        every entry of the unit (Odoo 11 does for a rule on a one2many),
        and the planner setting forced for the index is given back."""
        self.env.clear()
        # The cursor logs its queries when asked (sql_log), at DEBUG.
        self.addCleanup(setattr, self.cr, "sql_log", self.cr.sql_log)
        self.cr.sql_log = True
        with self.assertLogs("odoo.sql_db", "DEBUG") as logs:
            found = self.Library.sudo(self.member).search_library("chuyển đổi số")
        self.assertEqual(found["count"], 2)
        # Reading entries by id or by words is fine; by unit alone is not.
        whole = [line for line in logs.output if "paperless_library_document" in line
                 and "search_vector" not in line
                 and not re.search(r'"id" (IN %s|in \(%s)', line)]
        self.assertEqual(whole, [])
        self.cr.execute("SHOW enable_seqscan")
        self.assertEqual(self.cr.fetchone()[0], "on")

    def test_category_and_subcategories(self):
        self.assertEqual(self.found("", category=self.resolutions),
                         self.digital | self.economy)
        self.assertEqual(self.found("", category=self.central), self.digital)
        self.assertEqual(self.found("chuyen doi", category=self.central),
                         self.digital)
        with self.assertRaises(ValidationError):
            self.resolutions.sudo(self.secretary).write(
                {"parent_id": self.central.id})
        with self.assertRaises(UserError):
            self.Library.sudo(self.member).search_library("x", category_id="abc")

    def test_text_file_becomes_a_pdf(self):
        text = "Quy định về chế độ học tập lý luận chính trị.\nĐiều 1. Phạm vi."
        entry = self.Library.sudo(self.secretary).create({
            "name": "Quy định học tập", "datas_fname": "quy-dinh.txt",
            "datas": base64.b64encode(text.encode("utf-8"))})
        self.assertEqual(entry.text_content, text)
        self.assertEqual(entry.datas_fname, "quy-dinh.pdf")
        self.assertEqual(entry.page_count, 1)
        stored = base64.b64decode(entry.document_id.sudo().datas)
        self.assertIn("lý luận chính trị", pdf_text(stored))
        self.assertEqual(self.found("ly luan chinh tri"), entry)

    def test_other_files_refused(self):
        Library = self.Library.sudo(self.secretary)
        for name, data in (("a.docx", b"PK\x03\x04 word"),
                           ("b.txt", "chữ".encode("utf-16")),
                           ("c.pdf", b"%PDF-1.4 hong")):
            with self.assertRaises(ValidationError, msg=name):
                with self.cr.savepoint():
                    Library.create({"name": name, "datas_fname": name,
                                    "datas": base64.b64encode(data)})

    def test_member_reads_but_never_the_raw_text_nor_changes(self):
        entry = self.digital.sudo(self.member)
        self.assertEqual(entry.name, "Nghị quyết về chuyển đổi số")
        self.assertTrue(self.env["paperless.document"].sudo(self.member).search(
            [("id", "=", self.digital.document_id.id)]))
        with self.assertRaises(AccessError):
            entry.read(["text_content"])
        with self.assertRaises(AccessError):
            entry.write({"name": "Khác"})
        with self.assertRaises(AccessError):
            entry.unlink()
        with self.assertRaises(AccessError):
            self.Library.sudo(self.member).create({
                "name": "Của tôi", "datas": pdf_b64("x"), "datas_fname": "x.pdf"})
        with self.assertRaises(UserError):
            self.digital.sudo(self.secretary).write({"text_content": "giả"})
        with self.assertRaises(AccessError):
            self.resolutions.sudo(self.member).write({"name": "Khác"})

    def test_units_have_their_own_library(self):
        other = self.env["res.company"].create({"name": "Huyện ủy Bắc Tân Uyên"})
        values = {"company_id": other.id, "company_ids": [(6, 0, other.ids)]}
        district = create_user(self.env, "pm_district", "member", **values)
        office = create_user(self.env, "pm_district_office", "secretary", **values)
        self.assertFalse(self.found("chuyen doi so", user=district))
        self.assertFalse(self.env["paperless.document"].sudo(district).search(
            [("id", "=", self.digital.document_id.id)]))
        self.assertFalse(self.env["paperless.library.category"].sudo(
            district).search([]))
        with self.assertRaises(AccessError):
            self.digital.sudo(office).write({"name": "Khác"})
        own = self.Library.sudo(office).create({
            "name": "Nghị quyết Huyện ủy về chuyển đổi số",
            "datas": pdf_b64("Chuyển đổi số cấp huyện."), "datas_fname": "h.pdf"})
        self.assertEqual(own.company_id, other)
        self.assertEqual(own.document_id.company_id, other)
        self.assertEqual(self.found("chuyen doi so", user=district), own)
        self.assertNotIn(own, self.found("chuyen doi so"))

    def test_unlink_takes_the_file(self):
        document = self.building.document_id
        self.building.sudo(self.secretary).unlink()
        self.assertFalse(document.exists())
