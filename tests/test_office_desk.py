# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office at its desk: Vietnamese formats, the meeting's date line, the
kanban's columns, the precise scheduling message, the early start and the
substitute's attendance (ORM, as each role)."""
from datetime import datetime, timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools.safe_eval import safe_eval

from .common import PaperlessCase, create_user, meeting_values

VI = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}


def in_hours(hours):
    """A UTC datetime string ``hours`` from now (the early-start rule is
    about the real clock)."""
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=hours))


class TestOfficeDesk(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.secretary, cls.member, cls.member2, cls.leader):
            user.write(VI)

    def vi(self, record, user=None):
        """``record`` as ``user`` (the secretary), reading Vietnamese."""
        return record.sudo(user or self.secretary).with_context(**VI)

    # ------------------------------------------------------------------
    # Vietnamese formats
    # ------------------------------------------------------------------
    def test_vietnamese_formats_on_install(self):
        lang = self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "vi_VN")])
        self.assertEqual(
            (lang.date_format, lang.time_format, lang.decimal_point,
             lang.thousands_sep),
            ("%d/%m/%Y", "%H:%M", ",", "."))
        self.assertEqual(lang.format("%.2f", 200.0 / 3, grouping=True), "66,67")
        self.assertEqual(lang.format("%.1f", 1234567.5, grouping=True),
                         "1.234.567,5")

    def test_loading_vietnamese_again_restores_its_formats(self):
        lang = self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "vi_VN")])
        # What Odoo's base data ships / a server without the vi locale makes.
        lang.write({"time_format": "%H:%M:%S", "decimal_point": ".",
                    "thousands_sep": ",", "date_format": "%m/%d/%Y"})
        self.env["res.lang"].load_lang("vi_VN")
        self.assertEqual(
            (lang.date_format, lang.time_format, lang.decimal_point,
             lang.thousands_sep),
            ("%d/%m/%Y", "%H:%M", ",", "."))

    # ------------------------------------------------------------------
    # The meeting's date line
    # ------------------------------------------------------------------
    def test_date_line_in_vietnamese_and_local_time(self):
        meeting = self.vi(self.meeting)
        meeting.write({"date_start": "2026-12-19 01:00:00",
                       "date_end": "2026-12-19 03:00:00"})
        self.assertEqual(meeting.date_display, "Thứ Bảy, 19/12/2026, 08:00–10:00")
        # Across midnight (local time), both days are named.
        meeting.write({"date_start": "2026-12-19 16:30:00",
                       "date_end": "2026-12-19 18:00:00"})
        self.assertEqual(
            meeting.date_display,
            "Thứ Bảy, 19/12/2026, 23:30 – Chủ Nhật, 20/12/2026, 01:00")

    # ------------------------------------------------------------------
    # Kanban and lists
    # ------------------------------------------------------------------
    def test_kanban_columns_follow_the_flow_closed_ones_folded(self):
        office = self.Meeting.sudo(self.secretary)
        scheduled = office.create(meeting_values(
            self.env, self.leader, self.secretary, self.member))
        scheduled.action_schedule()
        done = scheduled.copy()
        done.action_schedule()
        # Two days before its planned start: confirmed, as the wizard does.
        done.with_context(paperless_start_confirmed=True).action_start()
        done.action_done()
        meetings = self.meeting | scheduled | done
        groups = self.vi(self.Meeting).read_group(
            [("id", "in", meetings.ids)], ["state"], ["state"],
            orderby="date_start")
        self.assertEqual(
            [(group["state"], group["state_count"], group["__fold"])
             for group in groups],
            [("draft", 1, False), ("scheduled", 1, False), ("done", 1, True)])

    def test_meetings_soonest_first(self):
        for view in ("kanban", "tree"):
            arch = etree.fromstring(self.Meeting.sudo(self.secretary)
                                    .fields_view_get(view_type=view)["arch"])
            self.assertEqual(arch.get("default_order"), "date_start", view)

    def test_my_invitations_are_only_mine(self):
        self.schedule()
        action = self.env.ref(
            "paperless_meeting.paperless_meeting_attendee_action_mine")
        for user in (self.secretary, self.member):
            domain = safe_eval(action.domain or "[]", {"uid": user.id})
            context = safe_eval(action.context, {"uid": user.id})
            rows = self.env["paperless.meeting.attendee"].sudo(user).search(domain)
            self.assertEqual(rows.mapped("user_id"), user)
            # The default filters are not OR-ed with "mine".
            self.assertNotIn("search_default_mine", context)
        search = etree.fromstring(self.env["paperless.meeting.attendee"]
                                  .fields_view_get(view_type="search")["arch"])
        nodes = [node.get("name") or node.tag for node in search
                 if node.tag in ("filter", "separator")]
        self.assertLess(nodes.index("mine"), nodes.index("separator"))
        self.assertLess(nodes.index("separator"), nodes.index("open"))

    def test_empty_ballot_list_speaks_of_ballots(self):
        action = self.env.ref("paperless_meeting.paperless_ballot_action")
        help_text = self.env["paperless.ballot"].with_context(
            lang="vi_VN").get_empty_list_help(action.with_context(
                lang="vi_VN").help)
        self.assertIn("biểu quyết", help_text)
        self.assertNotIn("tài liệu", help_text)

    # ------------------------------------------------------------------
    # Scheduling says exactly what is missing
    # ------------------------------------------------------------------
    def test_schedule_names_every_missing_requirement(self):
        no_mail = create_user(self.env, "pm_no_mail", "member", "Trần Không Thư")
        no_mail.write(dict(VI, email=False))
        meeting = self.vi(self.Meeting).create({
            "name": "Họp chưa đủ", "date_start": "2026-12-03 01:00:00",
            "date_end": "2026-12-03 02:00:00", "secretary_id": False,
        })
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            meeting.action_schedule()
        message = refusal.exception.name
        for expected in ("Chưa thể lên lịch cuộc họp \"Họp chưa đủ\"",
                         "Chọn người chủ trì.",
                         "Thêm ít nhất một nội dung vào chương trình",
                         "Mời ít nhất một đại biểu",
                         "Nhập phòng họp hoặc đường dẫn họp trực tuyến."):
            self.assertIn(expected, message)
        meeting.write({
            "chair_id": self.leader.id, "location": "Phòng 2",
            "agenda_item_ids": [(0, 0, {"name": "Báo cáo"})],
            "attendee_ids": [(0, 0, {"user_id": no_mail.id})],
        })
        # An invitee without an e-mail address does not hold the meeting up:
        # the invitation reaches them in the meeting room.
        meeting.action_schedule()
        self.assertEqual(meeting.state, "scheduled")
        self.assertIn(no_mail, meeting.attendee_ids.mapped("user_id"))

    # ------------------------------------------------------------------
    # Starting long before the planned start needs a confirmation
    # ------------------------------------------------------------------
    def test_early_start_is_refused_without_confirmation(self):
        self.meeting.write({"date_start": in_hours(50), "date_end": in_hours(52)})
        self.schedule()
        meeting = self.vi(self.meeting)
        with self.assertRaises(UserError) as refusal, self.cr.savepoint():
            meeting.action_start()
        self.assertIn("còn hơn 2 giờ nữa", refusal.exception.name)
        self.assertIn(meeting.date_display, refusal.exception.name)
        self.assertEqual(self.meeting.state, "scheduled")
        # From the form, the button opens the confirmation instead.
        action = meeting.with_context(paperless_start_ask=True).action_start()
        self.assertEqual(action["res_model"], "paperless.meeting.start.confirm")
        self.assertEqual(action["context"], {"default_meeting_id": meeting.id})
        self.assertEqual(self.meeting.state, "scheduled")
        wizard = self.env["paperless.meeting.start.confirm"].sudo(
            self.secretary).with_context(**VI, **action["context"]).create({})
        self.assertIn("Vẫn bắt đầu ngay?", wizard.message)
        self.assertEqual(wizard.action_confirm(),
                         {"type": "ir.actions.act_window_close"})
        self.assertEqual(self.meeting.state, "in_progress")

    def test_start_close_to_the_planned_time_needs_no_confirmation(self):
        self.meeting.write({"date_start": in_hours(2.5), "date_end": in_hours(4)})
        self.schedule()
        with self.assertRefused(UserError):
            self.meeting.sudo(self.secretary).action_start()
        self.meeting.write({"date_start": in_hours(1.5)})
        self.assertIs(self.vi(self.meeting).with_context(
            paperless_start_ask=True).action_start(), True)
        self.assertEqual(self.meeting.state, "in_progress")

    def test_only_the_office_confirms_an_early_start(self):
        self.meeting.write({"date_start": in_hours(50), "date_end": in_hours(52)})
        self.schedule()
        for user in (self.member, self.leader):
            wizard = self.env["paperless.meeting.start.confirm"].sudo(user).create(
                {"meeting_id": self.meeting.id})
            with self.assertRefused(AccessError):
                wizard.action_confirm()
        self.assertEqual(self.meeting.state, "scheduled")

    # ------------------------------------------------------------------
    # Attendance
    # ------------------------------------------------------------------
    def test_substitute_recorded_as_attending(self):
        self.schedule()
        delegating = self.attendee_of(self.member)
        delegating.sudo(self.member).action_delegate(
            reason="Đi công tác", delegate_name="Đồng chí Phó ban")
        rows = (delegating | self.attendee_of(self.member2)).sudo(self.secretary)
        self.assertIs(rows.action_mark_present(), True)
        self.assertEqual(delegating.attendance, "substitute")
        self.assertTrue(delegating.check_in_time)
        self.assertEqual(self.attendee_of(self.member2).attendance, "present")
        # The invitee's own view of the invitation: who came, in Vietnamese.
        mine = self.vi(delegating, self.member)
        self.assertEqual(mine.delegate_name, "Đồng chí Phó ban")
        self.assertEqual(
            dict(mine.fields_get(["attendance"])["attendance"]["selection"])[
                mine.attendance], "Người dự thay có mặt")
        # The invitee themself is not present: no quorum, no vote.
        self.assertEqual(self.meeting.present_count, 1)
        # Marked absent, the substitute did not come.
        delegating.sudo(self.secretary).action_mark_absent()
        self.assertEqual(delegating.attendance, "absent")
