# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The official papers: their Vietnamese text, one invitation per invitee,
and the minutes and conclusion notice frozen once the meeting is done."""
import base64
import re
from unittest.mock import patch

import odoo
from odoo.tests import common

from .common import PaperlessCase
from .test_member_pages import pdf_text


class TestReports(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.schedule()
        cls.meeting.agenda_item_ids[0].conclusion = \
            "<p>Thống nhất thông qua báo cáo.</p>"
        cls.meeting.attendee_ids.filtered(
            lambda attendee: attendee.user_id == cls.member
        ).sudo(cls.member).action_accept()

    def html(self, xmlid, records, user=None):
        report = self.env.ref("paperless_meeting.%s" % xmlid)
        html = report.sudo(user or self.secretary).render_qweb_html(records.ids)[0]
        return html.decode("utf-8")

    def close_meeting(self):
        meeting = self.meeting.sudo(self.secretary)
        meeting.with_context(paperless_start_confirmed=True).action_start()
        self.attendee_of(self.member).sudo(self.secretary).action_mark_present()
        meeting.action_done()

    def test_papers_numbered_when_scheduled(self):
        self.assertRegex(self.meeting.reference, r"^\d+$")
        self.assertRegex(self.meeting._paper("invitation").name, r"^\d+-GM/TU$")
        self.assertRegex(self.meeting._paper("agenda").name, r"^\d+-CTr/TU$")

    def test_dates_are_the_offices_day_not_utc(self):
        """06:30 on 1 December in Vietnam is still 30 November in UTC."""
        self.secretary.tz = "Asia/Ho_Chi_Minh"
        self.meeting.sudo(self.secretary).write({
            "date_start": "2026-11-30 23:30:00", "date_end": "2026-12-01 01:00:00"})
        self.assertEqual(self.meeting._report_when(),
                         "06 giờ 30, Thứ Ba, ngày 01/12/2026")
        self.assertIn("06 giờ 30, Thứ Ba, ngày 01/12/2026",
                      self.html("report_meeting_minutes", self.meeting))

    def test_invitations_one_per_invitee_in_one_batch(self):
        attendees = self.meeting.attendee_ids
        self.assertEqual(len(attendees), 4)  # two members, chair, secretary
        html = self.html("report_meeting_invitation", attendees)
        self.assertEqual(html.count('class="article"'), 4)
        self.assertEqual(html.count("GIẤY MỜI"), 4)
        for attendee in attendees:
            self.assertIn("Đồng chí <strong>%s</strong>" % attendee.user_id.name, html)
        self.assertIn("ĐẢNG CỘNG SẢN VIỆT NAM", html)
        self.assertIn("TỈNH ỦY BÌNH DƯƠNG", html)
        self.assertIn("Số %s" % self.meeting._paper("invitation").name, html)
        # 01:30 UTC is 08:30 in Vietnam, the office's time zone.
        self.secretary.tz = "Asia/Ho_Chi_Minh"
        self.assertIn("08 giờ 30, Thứ Ba, ngày 01/12/2026",
                      self.html("report_meeting_invitation", attendees[:1]))
        self.assertRegex(html, r"Bình Dương, ngày \d\d tháng \d\d năm \d{4}")
        action = self.meeting.sudo(self.secretary).action_print_invitations()
        self.assertEqual(action["report_name"],
                         "paperless_meeting.report_meeting_invitation_document_all")
        self.assertEqual(action["context"]["active_ids"], attendees.ids)

    def test_agenda(self):
        html = self.html("report_meeting_agenda", self.meeting, user=self.member)
        self.assertIn("CHƯƠNG TRÌNH", html)
        self.assertIn("Budget report", html)
        self.assertIn("Draft resolution", html)
        self.assertIn("Chủ trì:</strong> Đồng chí Pm_Leader", html)

    def test_minutes_and_conclusion_text(self):
        self.close_meeting()
        html = self.html("report_meeting_minutes", self.meeting)
        self.assertIn("BIÊN BẢN", html)
        self.assertIn("Số %s" % self.meeting._paper("minutes").name, html)
        self.assertRegex(html, r"Có mặt <strong>1</strong> trên tổng số\s+"
                               r"<strong>4</strong> đại biểu được mời;\s+"
                               r"vắng <strong>3</strong>")
        self.assertIn("Thống nhất thông qua báo cáo.", html)
        row = re.search(r"Pm_Member\s*</td>.*?</tr>", html.replace("\n", " ")).group(0)
        self.assertIn("Thành viên", row)
        self.assertIn("Vắng mặt:", html)
        html = self.html("report_meeting_conclusion", self.meeting)
        self.assertIn("THÔNG BÁO", html)
        self.assertIn("Kết luận của đồng chí Pm_Leader", html)
        self.assertIn("Thống nhất thông qua báo cáo.", html)

    def _pdf(self, xmlid):
        """A real wkhtmltopdf run (tests otherwise get HTML), its styles from
        this test server."""
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.%s" % xmlid).sudo(self.secretary)
        with patch.dict(odoo.tools.config.options,
                        {"test_report_directory": "/tmp"}):
            return report.render_qweb_pdf(self.meeting.ids)[0]

    def _stored(self):
        return self.env["ir.attachment"].search([
            ("res_model", "=", "paperless.meeting"), ("res_id", "=", self.meeting.id),
            ("datas_fname", "=like", "%%-%s.pdf" % self.meeting.id)])

    def test_minutes_frozen_once_done(self):
        # While the meeting runs, nothing is stored: every print is fresh.
        self.meeting.sudo(self.secretary).with_context(
            paperless_start_confirmed=True).action_start()
        self._pdf("report_meeting_minutes")
        self.assertFalse(self._stored())
        self.attendee_of(self.member).sudo(self.secretary).action_mark_present()
        self.meeting.sudo(self.secretary).action_done()
        first = self._pdf("report_meeting_minutes")
        text = pdf_text(first)
        for words in ("ĐẢNG CỘNG SẢN VIỆT NAM", "BIÊN BẢN", "Thống nhất thông qua",
                      "Số %s" % self.meeting._paper("minutes").name):
            self.assertIn(words, text)
        stored = self._stored()
        self.assertEqual(stored.mapped("datas_fname"),
                         ["BB-%s-%s.pdf" % (self.meeting.reference, self.meeting.id)])
        # Reprints are the stored file, even if the data changed underneath
        # (the agenda of a done meeting is locked; bypass that here).
        self.meeting.agenda_item_ids[0].sudo()._write(
            {"name": "Renamed afterwards"})
        reprint = self._pdf("report_meeting_minutes")
        self.assertEqual(reprint, base64.b64decode(stored.datas))
        self.assertEqual(self._pdf("report_meeting_minutes"), reprint)
        self.assertEqual(pdf_text(reprint), text)
        self.assertNotIn("Renamed afterwards", pdf_text(reprint))
        self._pdf("report_meeting_conclusion")
        notice = self._pdf("report_meeting_conclusion")
        self.assertIn("THÔNG BÁO", pdf_text(notice))
        self.assertEqual(self._pdf("report_meeting_conclusion"), notice)
        self.assertEqual(len(self._stored()), 2)
