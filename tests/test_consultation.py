# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Requests for written opinions (xin ý kiến): who sees what, the answer
rules, answers lapsing when what is asked changes, the outcome counting
non-replies, the deadline job, and the papers."""
from unittest.mock import patch

import odoo
from odoo.exceptions import AccessError, UserError
from odoo.tests import common

from .common import PDF_B64, PaperlessCase, create_user
from .room_http import RoomHttpCase, vietnamese_user
from .test_member_pages import pdf_text


class ConsultationCase(PaperlessCase):
    """Five respondents (leader, member, member2, r4, r5) asked by the
    office; ``outsider`` is not asked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.r4 = create_user(env, "pm_resp4", "member")
        cls.r5 = create_user(env, "pm_resp5", "member")
        cls.respondents = cls.leader | cls.member | cls.member2 | cls.r4 | cls.r5
        cls.Consultation = env["paperless.consultation"]
        cls.consultation = cls.Consultation.sudo(cls.secretary).create({
            "name": "Ý kiến về dự thảo Kế hoạch kiểm tra năm 2027",
            "description": "<p>Đề nghị các đồng chí cho ý kiến.</p>",
            "deadline": "2099-12-05 10:00:00",
            "respondent_ids": [(6, 0, cls.respondents.ids)],
        })

    def answer(self, user, opinion, reason=None, consultation=None):
        return (consultation or self.consultation).sudo(user).respond(opinion, reason)

    def activities(self):
        return self.env["mail.activity"].search([
            ("res_model", "=", "paperless.consultation"),
            ("res_id", "=", self.consultation.id)])

    def counts(self):
        consultation = self.consultation.sudo(self.secretary)
        consultation.invalidate_cache()
        return (consultation.agree_count, consultation.disagree_count,
                consultation.other_count, consultation.pending_count,
                consultation.outcome)


class TestConsultationRules(ConsultationCase):

    def test_who_sees_it_and_its_answers(self):
        Consultation = self.Consultation
        # A draft is the office's.
        self.assertFalse(Consultation.sudo(self.member).search(
            [("id", "=", self.consultation.id)]))
        self.consultation.sudo(self.secretary).action_open()
        self.assertEqual(Consultation.sudo(self.member).search(
            [("id", "=", self.consultation.id)]), self.consultation)
        self.assertFalse(Consultation.sudo(self.outsider).search(
            [("id", "=", self.consultation.id)]))
        self.answer(self.member, "agree")
        self.answer(self.member2, "disagree", "Chưa phù hợp thực tiễn.")
        Response = self.env["paperless.consultation.response"]
        # A respondent sees their own answer, never another's.
        mine = Response.sudo(self.member2).search([])
        self.assertEqual(mine.mapped("user_id"), self.member2)
        groups = Response.sudo(self.member2).read_group(
            [], ["opinion"], ["opinion"])
        self.assertEqual([(g["opinion"], g["opinion_count"]) for g in groups],
                         [("disagree", 1)])
        # The counts are the office's.
        with self.assertRaises(AccessError):
            self.consultation.sudo(self.member2).read(["agree_count"])
        self.assertEqual(self.counts(), (1, 1, 0, 3, "not_approved"))
        # Nobody writes an answer directly.
        with self.assertRaises((AccessError, UserError)):
            mine.sudo(self.member2).write({"opinion": "agree"})
        with self.assertRaises((AccessError, UserError)):
            Response.sudo(self.member2).create({
                "consultation_id": self.consultation.id,
                "user_id": self.member2.id, "opinion": "agree"})

    def test_answer_rules(self):
        with self.assertRefused(AccessError):
            self.answer(self.member, "agree")  # not open yet: not visible
        self.consultation.sudo(self.secretary).action_open()
        with self.assertRefused(UserError):
            self.answer(self.member, "disagree")  # no reason
        with self.assertRefused(UserError):
            self.answer(self.member, "other", "   ")
        with self.assertRefused(UserError):
            self.answer(self.member, "maybe", "x")
        with self.assertRefused(AccessError):
            self.answer(self.outsider, "agree")
        with self.assertRefused(AccessError):
            self.answer(self.secretary, "agree")  # the office is not asked
        first = self.answer(self.member, "disagree", "Cần bổ sung số liệu.")
        # Changing one's answer until close rewrites the same row.
        self.assertEqual(self.answer(self.member, "agree"), first)
        self.assertEqual(self.counts()[:4], (1, 0, 0, 4))
        self.consultation.sudo(self.secretary).action_close()
        with self.assertRefused(UserError):
            self.answer(self.member2, "agree")
        with self.assertRefused(UserError):
            self.consultation.sudo(self.secretary).write({"name": "Đổi câu hỏi"})
        # Members never drive the workflow.
        with self.assertRefused(AccessError):
            self.consultation.sudo(self.member).action_done()

    def test_a_body_proposes_its_sitting_members(self):
        body = self.env["paperless.body"].sudo(self.manager).create({
            "name": "Ban Thường vụ", "member_ids": [
                (0, 0, {"user_id": self.member.id, "date_from": "2020-01-01"}),
                (0, 0, {"user_id": self.r4.id, "date_from": "2020-01-01",
                        "date_to": "2021-12-31"})]})
        form = self.Consultation.sudo(self.secretary).new({
            "name": "Xin ý kiến", "deadline": "2099-12-05 10:00:00"})
        form.body_id = body
        form._onchange_body_id()
        # Only who sits today: r4's seat ended.
        self.assertEqual(form.respondent_ids, self.member)

    def test_outcome_counts_no_answer_as_not_agreeing(self):
        self.consultation.sudo(self.secretary).action_open()
        self.answer(self.member, "agree")
        self.answer(self.member2, "agree")
        self.answer(self.r4, "other", "Đề nghị làm rõ phạm vi.")
        # 2 of 5 agree, 2 did not answer: not more than half of all.
        self.assertEqual(self.counts(), (2, 0, 1, 2, "not_approved"))
        self.answer(self.leader, "agree")
        self.assertEqual(self.counts(), (3, 0, 1, 1, "approved"))

    def test_a_change_of_what_is_asked_lapses_every_answer(self):
        consultation = self.consultation.sudo(self.secretary)
        consultation.action_open()
        self.answer(self.member, "agree")
        self.answer(self.member2, "agree")
        self.answer(self.leader, "agree")
        self.assertEqual(self.counts()[-1], "approved")
        consultation.write({"description": "<p>Dự thảo đã sửa mục 3.</p>"})
        self.assertEqual(self.counts(), (0, 0, 0, 5, "not_approved"))
        responses = consultation.response_ids
        self.assertEqual(len(responses), 3)
        self.assertFalse(any(responses.mapped("standing")))
        # Each respondent is asked again (a to-do each) and told why.
        self.assertEqual(self.activities().mapped("user_id"), self.respondents)
        # Told in the office's language (Vietnamese).
        self.assertTrue(any("không còn được tính" in message.body
                            for message in consultation.message_ids))
        self.assertTrue(consultation.sudo(self.member).waiting_for_me)
        # A new document lapses them too.
        self.answer(self.member, "agree")
        self.env["paperless.document"].sudo(self.secretary).create({
            "name": "Phụ lục", "consultation_id": consultation.id,
            "datas": PDF_B64, "datas_fname": "phu_luc.pdf"})
        self.assertEqual(self.counts()[0], 0)
        # Changing the deadline does not.
        self.answer(self.member, "agree")
        consultation.write({"deadline": "2099-12-06 10:00:00"})
        self.assertEqual(self.counts()[0], 1)

    def test_opening_notifies_each_respondent(self):
        consultation = self.consultation.sudo(self.secretary)
        mails = self.env["mail.mail"].search([])
        consultation.action_open()
        sent = self.env["mail.mail"].search([]) - mails
        self.assertEqual(sent.mapped("recipient_ids"),
                         self.respondents.mapped("partner_id"))
        activities = self.activities()
        self.assertEqual(activities.mapped("user_id"), self.respondents)
        self.assertEqual(set(activities.mapped("date_deadline")), {"2099-12-05"})
        self.answer(self.member, "agree")
        self.assertNotIn(self.member, self.activities().mapped("user_id"))
        self.assertRegex(consultation._paper("opinion_slip").name, r"^\d+-PXYK/TU$")

    def test_deadline_job_reminds_then_flags_overdue(self):
        consultation = self.consultation.sudo(self.secretary)
        consultation.action_open()
        self.answer(self.member, "agree")
        Consultation = self.Consultation
        Consultation._cron_deadlines(now="2099-12-03 10:00:00")  # two days before
        self.assertFalse(consultation.reminded)
        Consultation._cron_deadlines(now="2099-12-04 12:00:00")  # within a day
        self.assertTrue(consultation.reminded)
        reminder = consultation.message_ids[0]
        self.assertEqual(reminder.partner_ids,
                         (self.respondents - self.member).mapped("partner_id"))
        self.assertFalse(consultation.overdue)
        Consultation._cron_deadlines(now="2099-12-05 10:00:01")
        self.assertTrue(consultation.overdue)
        overdue = Consultation.sudo(self.secretary).search(
            [("overdue", "=", True), ("id", "=", consultation.id)])
        self.assertEqual(overdue, consultation)

    def test_conclusion_summary_and_notice(self):
        consultation = self.consultation.sudo(self.secretary)
        consultation.action_open()
        self.answer(self.member, "agree")
        self.answer(self.member2, "disagree", "Chưa đủ nguồn lực.")
        consultation.action_close()
        with self.assertRefused(UserError):
            consultation.action_done()  # no conclusion yet
        consultation.write({"conclusion": "<p>Hoàn chỉnh dự thảo, trình lại.</p>"})
        consultation.action_done()
        self.assertEqual(consultation.state, "done")
        number = consultation._paper("conclusion").name
        self.assertRegex(number, r"^\d+-TB/TU$")
        self.env["ir.config_parameter"].set_param(
            "report.url", "http://127.0.0.1:%s" % common.PORT)
        report = self.env.ref("paperless_meeting.report_consultation_summary")
        with patch.dict(odoo.tools.config.options,
                        {"test_report_directory": "/tmp"}):
            text = pdf_text(report.sudo(self.secretary).render_qweb_pdf(
                consultation.ids)[0])
        for words in ("TỔNG HỢP Ý KIẾN", "Số phiếu gửi: 5", "số phiếu trả lời: 2",
                      "Pm_Member2", "Không đồng ý", "Chưa đủ nguồn lực.",
                      "Chưa có ý kiến", "Đồng ý: 1", "chưa có ý kiến: 3",
                      "không được quá nửa", "Hoàn chỉnh dự thảo, trình lại."):
            self.assertIn(words, text)
        html = self.env.ref("paperless_meeting.report_consultation_notice").sudo(
            self.secretary).render_qweb_html(consultation.ids)[0].decode()
        self.assertIn("Số %s" % number, html)
        # Members print no summary.
        with self.assertRaises(AccessError):
            self.env.ref("paperless_meeting.report_consultation_summary").sudo(
                self.member).render_qweb_html(consultation.ids)


class TestConsultationPages(RoomHttpCase):
    """The member pages over HTTP, as a Vietnamese respondent."""

    def setUp(self):
        super().setUp()
        with self.sudo_env() as env:
            self.asked = vietnamese_user(env, "pm_asked", "member")
            self.other = vietnamese_user(env, "pm_not_asked", "member")
            office = vietnamese_user(env, "pm_office", "secretary")
            consultation = env["paperless.consultation"].sudo(office).create({
                "name": "Xin ý kiến về Đề án nhân sự",
                "description": "<p>Nội dung <b>đề án</b>.</p>",
                "deadline": "2099-12-05 10:00:00",
                "respondent_ids": [(6, 0, self.asked.ids)]})
            consultation.action_open()
            self.consultation_id = consultation.id

    def test_read_and_answer_on_the_phone(self):
        self.login("pm_asked")
        home = self.get("/my/meetings")
        self.assertIn("Xin ý kiến về Đề án nhân sự", home.text)
        page = self.get("/my/consultations/%d" % self.consultation_id)
        self.assertEqual(page.status_code, 200)
        self.assertIn("đề án", page.text)
        self.assertIn("Đồng ý", page.text)
        path = "/my/consultations/%d/respond" % self.consultation_id
        refused = self.post(path, {"opinion": "disagree", "reason": ""}, page.text)
        self.assertEqual(refused.status_code, 200)
        self.assertIn("pm-error", refused.text)
        done = self.post(path, {"opinion": "disagree",
                                "reason": "Chưa rõ tiêu chuẩn."}, page.text)
        self.assertEqual(done.status_code, 303)
        with self.sudo_env() as env:
            response = env["paperless.consultation.response"].search(
                [("consultation_id", "=", self.consultation_id)])
            self.assertEqual((response.user_id.login, response.opinion,
                              response.reason),
                             ("pm_asked", "disagree", "Chưa rõ tiêu chuẩn."))
        page = self.get("/my/consultations/%d" % self.consultation_id)
        self.assertIn("Chưa rõ tiêu chuẩn.", page.text)

    def test_not_asked_is_a_404(self):
        self.login("pm_not_asked")
        self.assertRoomRefusal(
            self.get("/my/consultations/%d" % self.consultation_id), 404)
        response = self.post("/my/consultations/%d/respond" % self.consultation_id,
                             {"opinion": "agree"})
        self.assertRoomRefusal(response, 404)
        with self.sudo_env() as env:
            self.assertFalse(env["paperless.consultation.response"].search(
                [("consultation_id", "=", self.consultation_id)]))
