# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The petitions register of a period and the processing sheet, printed
by wkhtmltopdf and read back with poppler: a denunciation's sender never
appears in a paper printed by someone who may not read it."""
from odoo.exceptions import AccessError, UserError

from .test_incoming_reports import IncomingReportCase
from .test_petition import PetitionCase

DENOUNCER = "Hoàng Văn Tố"
COMPLAINANT = "Trần Thị Khiếu"


class TestPetitionReports(PetitionCase, IncomingReportCase):

    def setUp(self):
        super().setUp()
        self.denunciation = self.petition(
            name="Tố cáo vi phạm trong đấu thầu", petition_type="denunciation",
            regime="state", received_date="2026-03-05", petitioner_name=DENOUNCER,
            petitioner_address="Số 9 phố Bí Mật", concerned="Ban Quản lý dự án")
        self.denunciation.action_accept("2026-03-10")
        self.denunciation.sudo(self.handler).action_extend(
            reason="Cần trưng cầu giám định")
        self.complaint = self.petition(
            name="Khiếu nại thu hồi đất", received_date="2026-03-02",
            petitioner_name=COMPLAINANT)
        self.later = self.petition(name="Kiến nghị tháng tư",
                                   petition_type="proposal",
                                   received_date="2026-04-06")

    def pdf(self, user, xmlid, records, data=None, name=None):
        return " ".join(self.printed(user, xmlid, records, data=data,
                                     name=name).split())

    def book(self, user, date_from="2026-03-01", date_to="2026-03-31"):
        return self.env["paperless.petition.register.book"].sudo(user).create({
            "company_id": self.unit.id, "date_from": date_from,
            "date_to": date_to})

    def test_register_of_a_period(self):
        action = self.book(self.clerk).action_print()
        petitions = self.complaint | self.denunciation
        self.assertEqual(action["context"]["active_ids"], petitions.ids)
        text = self.pdf(self.clerk, "report_petition_register", petitions,
                        data=action["data"], name="petition_register")
        self.assertIn("SỔ TIẾP NHẬN, THEO DÕI ĐƠN THƯ", text)
        self.assertIn("ĐẢNG ỦY KHỐI THỬ NGHIỆM", text)
        self.assertIn("Từ ngày 01/03/2026 đến ngày 31/03/2026", text)
        for expected in ("Khiếu nại thu hồi đất", "Tố cáo vi phạm trong đấu thầu",
                         "02/03/2026", "Ban Quản lý dự án", self.handler.name,
                         "Đã thụ lý", "Gia hạn 1 lần", COMPLAINANT,
                         "Tổng số: 2 đơn."):
            self.assertIn(expected, text)
        self.assertNotIn("Kiến nghị tháng tư", text)
        # The office reads who complained, not who denounced.
        self.assertNotIn(DENOUNCER, text)
        self.assertNotIn("Bí Mật", text)
        self.assertIn("(Được giữ bí mật)", text)
        with self.assertRaises(UserError):
            self.book(self.clerk, "2026-05-01", "2026-05-31").action_print()

    def test_register_as_a_manager_names_the_denouncer(self):
        text = self.pdf(self.manager, "report_petition_register",
                        self.complaint | self.denunciation,
                        data=self.book(self.manager).action_print()["data"])
        self.assertIn(DENOUNCER, text)
        self.assertIn(COMPLAINANT, text)
        self.assertNotIn("(Được giữ bí mật)", text)

    def test_register_of_another_unit(self):
        with self.assertRaises(UserError):
            self.book(self.other_clerk).action_print()
        with self.assertRaises(AccessError):
            self.pdf(self.other_clerk, "report_petition_register", self.denunciation)

    def test_processing_sheet_as_the_handler(self):
        text = self.pdf(self.handler, "report_petition_sheet", self.denunciation,
                        name="petition_sheet")
        for expected in ("PHIẾU ĐỀ XUẤT XỬ LÝ ĐƠN", "ĐẢNG ỦY KHỐI THỬ NGHIỆM",
                         "ĐẢNG CỘNG SẢN VIỆT NAM", "Tố cáo (Nhà nước)",
                         DENOUNCER, "Số 9 phố Bí Mật", "05/03/2026", "10/03/2026",
                         "09/05/2026", "Cần trưng cầu giám định", "NGƯỜI ĐỀ XUẤT",
                         self.handler.name):
            self.assertIn(expected, text)
        # The extension is dated the office's day it was recorded.
        self.assertIn("1 %s 30 Cần trưng cầu giám định" % (
            self.Petition._today().strftime("%d/%m/%Y")), text)

    def test_processing_sheet_keeps_the_denouncer_from_others(self):
        text = self.pdf(self.clerk, "report_petition_sheet", self.denunciation)
        self.assertIn("PHIẾU ĐỀ XUẤT XỬ LÝ ĐƠN", text)
        self.assertIn("Cần trưng cầu giám định", text)
        self.assertNotIn(DENOUNCER, text)
        self.assertNotIn("Bí Mật", text)
        self.assertIn("(Được giữ bí mật)", text)
        self.assertIn(DENOUNCER, self.pdf(self.manager, "report_petition_sheet",
                                          self.denunciation))
        # A leader who does not handle it, another unit: nothing printed.
        for user in (self.leader, self.other_clerk, self.stranger):
            with self.assertRaises(AccessError):
                self.pdf(user, "report_petition_sheet", self.denunciation)
