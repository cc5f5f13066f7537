# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The register book of a period and the processing slip, printed by
wkhtmltopdf and read back with poppler."""
import os
import subprocess
from unittest.mock import patch

import odoo
from odoo.exceptions import UserError
from odoo.tests import common

from .test_incoming import IncomingCase
from .test_member_pages import pdf_text

# Set to a directory to keep PNG pages of the printed reports to look at.
PNG_DIR = os.environ.get("PAPERLESS_REPORT_PNG_DIR")


class IncomingReportCase(IncomingCase):
    """The test unit with a letterhead, and its papers printed as a user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit.write({"paperless_parent_body": "ĐẢNG BỘ KHỐI CÁC CƠ QUAN",
                        "paperless_issuer_name": "ĐẢNG ỦY KHỐI THỬ NGHIỆM",
                        "paperless_place": "Hà Nội"})

    def printed(self, user, xmlid, records, data=None, name=None):
        """The text of the report ``xmlid`` printed by ``user``; its pages
        kept as PNG in PAPERLESS_REPORT_PNG_DIR when set."""
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.%s" % xmlid).sudo(user)
        with patch.dict(odoo.tools.config.options,
                        {"test_report_directory": "/tmp"}):
            data = report.render_qweb_pdf(records.ids, data=data)[0]
        if PNG_DIR and name:
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-",
                            os.path.join(PNG_DIR, name)], input=data, check=True)
        return pdf_text(data)


class TestIncomingReports(IncomingReportCase):

    def pdf(self, xmlid, records, data=None, name=None):
        return self.printed(self.clerk, xmlid, records, data=data, name=name)

    def test_register_book_of_a_period(self):
        november = self.new(summary="Về công tác tháng mười một")
        december = self.new(summary="Về công tác tháng mười hai",
                            received_date="2026-12-02")
        secret = self.new(summary="Về bảo vệ bí mật", confidentiality="secret")
        for document in (november, december, secret):
            document.action_register()
        book = self.env["paperless.incoming.register.book"].sudo(self.clerk).create({
            "company_id": self.unit.id, "date_from": "2026-11-01",
            "date_to": "2026-11-30"})
        action = book.action_print()
        self.assertEqual(action["context"]["active_ids"], november.ids)
        text = self.pdf("report_incoming_register_book", november,
                        data=action["data"], name="incoming_register_book")
        self.assertIn("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN", text)
        self.assertIn("Từ ngày 01/11/2026", text)
        self.assertIn("tháng mười một", text)
        self.assertNotIn("tháng mười hai", text)
        self.assertNotIn("bí mật", text)
        # The secret register has its own book.
        book.register_kind = "incoming_secret"
        self.assertEqual(book.action_print()["context"]["active_ids"], secret.ids)
        book.write({"date_from": "2026-12-01", "date_to": "2026-12-31",
                    "register_kind": "incoming"})
        self.assertEqual(book.action_print()["context"]["active_ids"], december.ids)
        book.write({"date_from": "2026-12-25", "date_to": "2026-12-25"})
        with self.assertRaises(UserError):
            book.action_print()

    def test_register_book_shows_only_what_the_user_sees(self):
        document = self.new()
        document.action_register()
        book = self.env["paperless.incoming.register.book"].sudo(
            self.other_clerk).create({
                "company_id": self.unit.id, "date_from": "2026-01-01",
                "date_to": "2026-12-31"})
        with self.assertRaises(UserError):
            book.action_print()

    def test_processing_slip_with_the_direction(self):
        document = self.directed()
        text = self.pdf("report_incoming_slip", document, name="incoming_slip")
        self.assertIn("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN", text)
        self.assertIn("ĐẢNG ỦY KHỐI THỬ NGHIỆM", text)
        self.assertIn("Số đến: 1/2026", text)
        self.assertIn("Giao Ban Tổ chức chủ trì, tham mưu.", text)
        self.assertIn(self.handler.name, text)
        self.assertIn(self.helper.name, text)
        self.assertIn("05/12/2026", text)
        self.assertIn(self.leader.name, text)
