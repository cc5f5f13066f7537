# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Official papers of many units: each unit's letterhead, registers (one
per kind of paper and year, no gaps, numbers kept), signers and recipients;
the issue date printed; resolutions from passed motions; complete minutes."""
import base64
from unittest.mock import patch

import psycopg2

import odoo
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common
from odoo.tools import mute_logger

from .common import create_user, meeting_values
from .test_ballot import BallotCase
from .test_member_pages import pdf_text


class PaperCase(BallotCase):
    """The common meeting in progress (unit A, the demo's provincial
    office), and a second unit B, a district committee, with its own office
    and letterhead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.unit_a = env["res.company"].browse(cls.meeting.company_id.id)
        cls.unit_a.write({"paperless_parent_body": False,
                          "paperless_issuer_name": "TỈNH ỦY BÌNH DƯƠNG",
                          "paperless_symbol": "TU",
                          "paperless_place": "Bình Dương"})
        cls.unit_b = env["res.company"].create({
            "name": "Huyện ủy Bàu Bàng", "parent_id": cls.unit_a.id,
            "paperless_parent_body": "ĐẢNG BỘ TỈNH BÌNH DƯƠNG",
            "paperless_issuer_name": "HUYỆN ỦY BÀU BÀNG",
            "paperless_symbol": "HU", "paperless_place": "Bàu Bàng"})
        cls.secretary_b = create_user(
            env, "pm_secretary_b", "secretary",
            company_ids=[(6, 0, cls.unit_b.ids)], company_id=cls.unit_b.id)
        cls.manager_b = create_user(
            env, "pm_manager_b", "manager",
            company_ids=[(6, 0, cls.unit_b.ids)], company_id=cls.unit_b.id)
        cls.chair_b = create_user(
            env, "pm_chair_b", "leader", name="Pm_Chair_B",
            company_ids=[(6, 0, cls.unit_b.ids)], company_id=cls.unit_b.id)
        cls.member_b = create_user(
            env, "pm_member_b", "member", name="Pm_Member_B",
            company_ids=[(6, 0, cls.unit_b.ids)], company_id=cls.unit_b.id)
        cls.Paper = env["paperless.paper"]

    def meeting_b(self, **values):
        return self.Meeting.sudo(self.secretary_b).create(meeting_values(
            self.env, self.chair_b, self.secretary_b, self.member_b, **values))

    def register(self, unit, kind):
        return self.Paper.search([("company_id", "=", unit.id), ("kind", "=", kind)],
                                 order="sequence_number")

    def html(self, xmlid, records, user=None):
        report = self.env.ref("paperless_meeting.%s" % xmlid)
        return report.sudo(user or self.secretary).render_qweb_html(
            records.ids)[0].decode("utf-8")

    def pdf(self, xmlid, records, user=None):
        """A real wkhtmltopdf run (tests otherwise get HTML)."""
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.%s" % xmlid).sudo(
            user or self.secretary)
        with patch.dict(odoo.tools.config.options,
                        {"test_report_directory": "/tmp"}):
            return report.render_qweb_pdf(records.ids)[0]


class TestRegisters(PaperCase):

    def test_each_unit_numbers_each_kind_in_its_own_register(self):
        before = len(self.register(self.unit_a, "invitation"))
        meeting_b = self.meeting_b()
        meeting_b.sudo(self.secretary_b).action_schedule()
        other_b = self.meeting_b(name="Second")
        other_b.sudo(self.secretary_b).action_schedule()
        self.assertEqual(self.register(self.unit_b, "invitation").mapped("name"),
                         ["1-GM/HU", "2-GM/HU"])
        self.assertEqual(self.register(self.unit_b, "agenda").mapped("name"),
                         ["1-CTr/HU", "2-CTr/HU"])
        # Unit A's register did not move; its meeting has its own number.
        papers_a = self.register(self.unit_a, "invitation")
        self.assertEqual(len(papers_a), before)
        self.assertEqual(self.meeting._paper("invitation").company_id, self.unit_a)
        self.assertRegex(self.meeting._paper("invitation").name, r"^\d+-GM/TU$")

    def test_the_office_sees_its_units_registers_and_settings_only(self):
        self.meeting_b().sudo(self.secretary_b).action_schedule()
        seen = self.Paper.sudo(self.secretary_b).search([])
        self.assertEqual(seen.mapped("company_id"), self.unit_b)
        self.assertEqual(self.Paper.sudo(self.secretary).search([]).mapped(
            "company_id"), self.unit_a)
        with self.assertRaises(AccessError):
            self.meeting._paper("invitation").sudo(self.secretary_b).read(["name"])
        # Members read no register; nobody creates or edits a line.
        with self.assertRaises(AccessError):
            self.Paper.sudo(self.member).search([])
        with self.assertRaises(AccessError):
            self.Paper.sudo(self.manager).create({
                "name": "99-GM/TU", "company_id": self.unit_a.id,
                "kind": "invitation", "year": 2026, "sequence_number": 99,
                "date_issued": "2026-12-01", "res_model": "x", "res_id": 1})
        with self.assertRaises(AccessError):
            self.meeting._paper("invitation").sudo(self.manager).write(
                {"sequence_number": 7})
        # Each unit's manager sets its own signers, not another unit's.
        setting_a = self.env["paperless.paper.setting"]._for(self.unit_a, "invitation")
        setting_b = self.env["paperless.paper.setting"]._for(self.unit_b, "invitation")
        setting_b.sudo(self.manager_b).write({"signer_title": "BÍ THƯ"})
        with self.assertRaises(AccessError):
            setting_a.sudo(self.manager_b).write({"signer_title": "BÍ THƯ"})
        with self.assertRaises(AccessError):
            setting_b.sudo(self.secretary_b).write({"signer_title": "PHÓ BÍ THƯ"})

    def test_numbers_are_kept_and_never_shared(self):
        paper = self.meeting._paper("invitation")
        # Issuing again returns the same line.
        self.assertEqual(self.meeting._paper_issue("invitation"), paper)
        # A cancelled meeting scheduled again keeps its numbers.
        meeting = self.Meeting.sudo(self.secretary).create(meeting_values(
            self.env, self.leader, self.secretary, self.member))
        meeting.action_schedule()
        number = meeting._paper("invitation").name
        meeting.action_cancel()
        meeting.action_draft()
        meeting.action_schedule()
        self.assertEqual(meeting._paper("invitation").name, number)
        # The database refuses a second paper with a number already issued.
        with self.assertRaises(psycopg2.IntegrityError), \
                mute_logger("odoo.sql_db"), self.cr.savepoint():
            paper.copy({"res_id": paper.res_id + 100000})

    def test_no_gaps_and_a_register_per_year(self):
        setting = self.env["paperless.paper.setting"]._for(self.unit_b, "decision")
        first = setting._draw("2026-12-31")
        # A rolled back issue gives its number back.
        with self.assertRaises(psycopg2.IntegrityError), \
                mute_logger("odoo.sql_db"), self.cr.savepoint():
            setting._draw("2026-12-31")
            # Fails after drawing: the number goes back with the rollback.
            self.env["res.users"].browse(1).copy({"login": "admin"})
        self.assertEqual(setting._draw("2026-12-31"), first + 1)
        # The new year starts at 1, and the old year goes on where it was.
        self.assertEqual(setting._draw("2027-01-01"), 1)
        self.assertEqual(setting._draw("2026-12-30"), first + 2)

    def test_two_tallies_never_share_a_number(self):
        numbers = []
        for name in ("First motion", "Second motion"):
            ballot = self.new_ballot(name=name)
            ballot.sudo(self.secretary).action_open()
            self.vote(ballot, self.member, 0)
            ballot.sudo(self.secretary).action_close()
            numbers.append(ballot._paper("tally").name)
        self.assertEqual(len(set(numbers)), 2)
        for number in numbers:
            self.assertRegex(number, r"^\d+-BBKP/TU$")
        html = self.html("report_ballot_result", ballot)
        self.assertIn("Số %s" % numbers[1], html)


class TestPaperText(PaperCase):

    def test_letterhead_number_date_and_signer_of_each_unit(self):
        """The printed text of a district committee's invitation."""
        meeting = self.meeting_b(urgency="urgent", confidentiality="confidential")
        meeting.sudo(self.secretary_b).action_schedule()
        setting = self.env["paperless.paper.setting"]._for(self.unit_b, "invitation")
        setting.sudo(self.manager_b).write({
            "authority": "T/M BAN THƯỜNG VỤ", "signer_title": "PHÓ BÍ THƯ",
            "signer_id": self.chair_b.id,
            "recipients": "Như trên,\nLưu Văn phòng Huyện ủy."})
        # Scheduled on 2 November: that is its date, whenever it is printed.
        meeting._paper("invitation").sudo().write({"date_issued": "2026-11-02"})
        text = pdf_text(self.pdf("report_meeting_invitation", meeting.attendee_ids,
                                 user=self.secretary_b))
        for words in ("ĐẢNG BỘ TỈNH BÌNH DƯƠNG", "HUYỆN ỦY BÀU BÀNG",
                      "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 1-GM/HU",
                      "Bàu Bàng, ngày 02 tháng 11 năm 2026", "GIẤY MỜI",
                      "Kính gửi: Đồng chí Pm_Member_B", "Huyện ủy Bàu Bàng trân trọng",
                      "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Pm_Chair_B",
                      "Lưu Văn phòng Huyện ủy.", "MẬT", "KHẨN"):
            self.assertIn(words, text)
        # Never addressed to the person who signs: the chair gets no page.
        self.assertNotIn("Kính gửi: Đồng chí Pm_Chair_B", text)
        self.assertEqual(text.count("GIẤY MỜI"), len(meeting.attendee_ids) - 1)
        chair_row = meeting.attendee_ids.filtered(
            lambda attendee: attendee.user_id == self.chair_b)
        with self.assertRaises(UserError):
            self.html("report_meeting_invitation", chair_row, user=self.secretary_b)

    def test_every_paper_prints_its_number_day_letterhead_and_signer(self):
        Setting = self.env["paperless.paper.setting"]
        for kind in ("agenda", "conclusion"):
            Setting._for(self.unit_a, kind).write({
                "authority": "T/L BAN THƯỜNG VỤ\nCHÁNH VĂN PHÒNG",
                "signer_title": False, "signer_id": self.manager.id})
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        self.vote(ballot, self.member, 0)
        ballot.sudo(self.secretary).action_close()
        self.meeting.sudo(self.secretary).action_done()
        papers = (("report_meeting_agenda", self.meeting, "agenda", "CHƯƠNG TRÌNH",
                   "Pm_Manager"),
                  ("report_meeting_conclusion", self.meeting, "conclusion",
                   "THÔNG BÁO", "Pm_Manager"),
                  ("report_meeting_minutes", self.meeting, "minutes", "BIÊN BẢN",
                   "Pm_Leader"),
                  ("report_ballot_result", ballot, "tally", "BIÊN BẢN KIỂM PHIẾU",
                   "Pm_Leader"))
        for xmlid, record, kind, title, signer in papers:
            paper = record._paper(kind)
            paper.sudo().write({"date_issued": "2026-12-0%d" % (len(kind) % 9 + 1)})
            day = paper.date_issued
            text = pdf_text(self.pdf(xmlid, record))
            for words in ("TỈNH ỦY BÌNH DƯƠNG", "ĐẢNG CỘNG SẢN VIỆT NAM", title,
                          "Số %s" % paper.name, signer,
                          "Bình Dương, ngày %s tháng 12 năm 2026" % day[8:10]):
                self.assertIn(words, text, "%s: %s" % (kind, words))
        self.assertIn("CHÁNH VĂN PHÒNG", text if kind == "conclusion" else pdf_text(
            self.pdf("report_meeting_conclusion", self.meeting)))

    def test_a_paper_not_issued_leaves_number_and_day_blank(self):
        draft = self.Meeting.sudo(self.secretary).create(meeting_values(
            self.env, self.leader, self.secretary, self.member))
        html = self.html("report_meeting_agenda", draft)
        self.assertIn("Số     -CTr/TU", html)
        self.assertIn("Bình Dương, ngày     tháng     năm", html)
        self.assertFalse(draft._paper("agenda"))

    def test_the_unit_name_is_printed_as_written(self):
        self.unit_a.write({"paperless_issuer_name": "TỈNH ỦY BÌNH DƯƠNG",
                           "name": "Văn phòng Tỉnh ủy Bình Dương"})
        html = self.html("report_meeting_conclusion", self.meeting)
        self.assertIn("Văn phòng Tỉnh ủy Bình Dương thông báo", html)
        self.assertNotIn("Văn phòng tỉnh ủy bình dương", html)


class TestMinutes(PaperCase):

    def test_closing_needs_each_items_conclusion_or_its_absence(self):
        meeting = self.meeting.sudo(self.secretary)
        item = meeting.agenda_item_ids[0]
        item.conclusion = "<p><br></p>"
        with self.assertRefused(UserError):
            meeting.action_done()
        self.assertEqual(meeting.state, "in_progress")
        self.assertFalse(meeting._paper("minutes"))
        item.no_conclusion = True
        meeting.action_done()
        self.assertEqual(meeting.state, "done")
        self.assertRegex(meeting._paper("minutes").name, r"^\d+-BB/TU$")
        self.assertRegex(meeting._paper("conclusion").name, r"^\d+-TB/TU$")

    def test_minutes_name_the_absent_their_reasons_and_reserved_opinions(self):
        absent = self.attendee_of(self.member4)
        absent.sudo()._lock_write_system({"response_reason": "Đi công tác Hà Nội"})
        item = self.meeting.agenda_item_ids[1]
        self.env["paperless.reserved.opinion"].sudo(self.secretary).create({
            "agenda_item_id": item.id, "user_id": self.member2.id,
            "opinion": "Đề nghị lùi thời hạn sang quý II."})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.env["paperless.reserved.opinion"].sudo(self.secretary).create({
                "agenda_item_id": item.id, "user_id": self.outsider.id,
                "opinion": "Không được mời."})
        # Members of the meeting read it; others do not.
        self.assertTrue(self.env["paperless.reserved.opinion"].sudo(
            self.member).search([("agenda_item_id", "=", item.id)]))
        self.assertFalse(self.env["paperless.reserved.opinion"].sudo(
            self.outsider).search([("agenda_item_id", "=", item.id)]))
        self.meeting.sudo(self.secretary).action_done()
        text = pdf_text(self.pdf("report_meeting_minutes", self.meeting))
        for words in ("Vắng mặt:", "Pm_Member4", "Đi công tác Hà Nội",
                      "Ý kiến bảo lưu:", "Đồng chí Pm_Member2: Đề nghị lùi thời",
                      "THƯ KÝ", "CHỦ TRÌ",
                      "Số %s" % self.meeting._paper("minutes").name):
            self.assertIn(words, text)
        # Frozen with the meeting.
        with self.assertRefused(UserError):
            item.reserved_opinion_ids.sudo(self.secretary).write({"opinion": "x"})


class TestResolutions(PaperCase):

    def passed_ballot(self, carried=True):
        ballot = self.new_ballot()
        ballot.sudo(self.secretary).action_open()
        for user in (self.leader, self.member, self.member2, self.member3):
            self.vote(ballot, user, 0 if carried else 1)
        ballot.sudo(self.secretary).action_close()
        return ballot

    def new_resolution(self, ballot, **values):
        vals = {"name": "về chuyển đổi số", "meeting_id": self.meeting.id,
                "ballot_id": ballot.id,
                "content": "<p>Thông qua Đề án chuyển đổi số.</p>"}
        vals.update(values)
        return self.env["paperless.resolution"].sudo(self.secretary).create(vals)

    def test_only_from_a_passed_motion(self):
        rejected = self.passed_ballot(carried=False)
        self.assertEqual(rejected.result, "rejected")
        with self.assertRefused(ValidationError):
            self.new_resolution(rejected)
        draft_ballot = self.new_ballot(name="Not voted yet")
        with self.assertRefused(ValidationError):
            self.new_resolution(draft_ballot)
        # A member cannot draft one.
        with self.assertRefused(AccessError):
            self.env["paperless.resolution"].sudo(self.member).create({
                "name": "x", "meeting_id": self.meeting.id,
                "ballot_id": self.passed_ballot().id})

    def test_issue_numbers_freezes_and_reprints_byte_for_byte(self):
        resolution = self.new_resolution(self.passed_ballot())
        with self.assertRefused(UserError):
            resolution.sudo(self.member).action_issue()
        empty = self.new_resolution(resolution.ballot_id, content="<p></p>")
        with self.assertRefused(UserError):
            empty.action_issue()
        self.env["paperless.paper.setting"]._for(self.unit_a, "resolution").write({
            "authority": "T/M BAN THƯỜNG VỤ", "signer_title": "BÍ THƯ",
            "signer_id": self.leader.id})
        resolution.action_issue()
        self.assertEqual(resolution.state, "issued")
        self.assertRegex(resolution.number, r"^\d+-NQ/TU$")
        self.assertEqual(resolution.date_issued,
                         self.Paper._local_today())
        with self.assertRefused(UserError):
            resolution.write({"content": "<p>Đổi nội dung.</p>"})
        with self.assertRefused(UserError):
            resolution.action_issue()
        with self.assertRefused(UserError):
            resolution.unlink()
        first = self.pdf("report_resolution", resolution)
        text = pdf_text(first)
        for words in ("NGHỊ QUYẾT", "về chuyển đổi số", "Căn cứ Điều lệ Đảng",
                      "BAN THƯỜNG VỤ QUYẾT NGHỊ:", "Thông qua Đề án chuyển đổi số.",
                      "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Pm_Leader",
                      "Số %s" % resolution.number, "Nơi nhận:"):
            self.assertIn(words, text)
        # The signer changes afterwards: the issued paper does not.
        self.env["paperless.paper.setting"]._for(self.unit_a, "resolution").write({
            "signer_id": self.manager.id})
        reprint = self.pdf("report_resolution", resolution)
        stored = self.env["ir.attachment"].search([
            ("res_model", "=", "paperless.resolution"), ("res_id", "=", resolution.id)])
        self.assertEqual(base64.b64decode(stored.datas), reprint)
        self.assertEqual(self.pdf("report_resolution", resolution), reprint)
        self.assertEqual(pdf_text(reprint), text)

    def test_who_reads_resolutions(self):
        resolution = self.new_resolution(self.passed_ballot())
        Resolution = self.env["paperless.resolution"]
        self.assertFalse(Resolution.sudo(self.member).search(
            [("id", "=", resolution.id)]))
        resolution.action_issue()
        self.assertEqual(Resolution.sudo(self.member).search(
            [("id", "=", resolution.id)]), resolution)
        self.assertFalse(Resolution.sudo(self.outsider).search(
            [("id", "=", resolution.id)]))
        self.assertFalse(Resolution.sudo(self.secretary_b).search(
            [("id", "=", resolution.id)]))
        with self.assertRaises((AccessError, UserError)):
            resolution.sudo(self.member).write({"name": "x"})
