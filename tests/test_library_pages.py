# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""/my/library over HTTP as members: search, and reading through the room's
stamped, logged reader; another unit's member finds and reads nothing."""
from .room_http import RoomHttpCase, vietnamese_user
from .test_library import CONTENT, pdf_b64, pdf_text


class TestLibraryPages(RoomHttpCase):
    """/my/library and the stamped reader, over HTTP, as members."""

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            member = vietnamese_user(env, "lib_member", "member",
                                     name="Nguyễn Văn Đọc")
            other = env["res.company"].create({"name": "Huyện ủy Bàu Bàng"})
            outsider = vietnamese_user(env, "lib_outsider", "member")
            outsider.write({"company_ids": [(6, 0, other.ids)],
                            "company_id": other.id})
            secretary = vietnamese_user(env, "lib_secretary", "secretary")
            category = env["paperless.library.category"].sudo(secretary).create(
                {"name": "Nghị quyết"})
            entry = env["paperless.library.document"].sudo(secretary).create({
                "name": "Nghị quyết về chuyển đổi số", "number": "57-NQ/TW",
                "category_id": category.id, "datas_fname": "57.pdf",
                "datas": pdf_b64(CONTENT["digital"])})
            self.entry_id, self.document_id = entry.id, entry.document_id.id
            self.member_uid = member.id

    def test_member_searches_and_reads_stamped(self):
        self.login("lib_member")
        page = self.get("/my/library?q=chuyen+doi+so")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Nghị quyết về chuyển đổi số", page.text)
        self.assertIn("/my/documents/%d/read" % self.document_id, page.text)
        self.assertIn("Thư viện văn kiện Đảng", page.text)
        self.assertNotIn("Nghị quyết về chuyển đổi số",
                         self.get("/my/library?q=khong+co+tu+nay").text)
        reader = self.get("/my/documents/%d/read" % self.document_id)
        self.assertEqual(reader.status_code, 200)
        self.assertIn('href="/my/library"', reader.text)
        copy = self.get("/paperless/document/%d" % self.document_id)
        self.assertEqual(copy.status_code, 200)
        self.assertEqual(copy.headers["Content-Type"], "application/pdf")
        text = pdf_text(copy.content)
        self.assertIn("Nguyễn Văn Đọc", text)
        self.assertIn(copy.headers["X-Paperless-Trace-Id"], text)
        # Download stays off, as for meeting documents.
        self.assertRoomRefusal(
            self.get("/paperless/document/%d/download" % self.document_id), 403)
        with self.sudo_env() as env:
            log = env["paperless.document.access"].search([
                ("document_id", "=", self.document_id),
                ("user_id", "=", self.member_uid)])
            self.assertEqual(len(log), 1)
            self.assertTrue(log.stamped)

    def test_other_unit_gets_nothing(self):
        self.login("lib_outsider")
        page = self.get("/my/library?q=chuyen+doi+so")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Nghị quyết về chuyển đổi số", page.text)
        self.assertRoomRefusal(
            self.get("/my/documents/%d/read" % self.document_id), 404)
        self.assertRoomRefusal(
            self.get("/paperless/document/%d" % self.document_id), 404)
