# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A Vietnamese office end to end over XML-RPC: the secretary creates and
schedules, members answer, the office starts and closes. Every call carries
the caller's own context (lang vi_VN, tz), as the web client and the phone
apps send it."""
from email.header import decode_header, make_header
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, SavepointCase, get_db_name

from ..models.ir_translation import template_code

from .common import create_user, meeting_values


class TestVietnameseFlow(HttpCase):

    def setUp(self):
        super().setUp()
        # HTTP requests run on the registry's test cursor, not on self.cr.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {
                "secretary": create_user(env, "vi_secretary", "secretary",
                                         "Nguyễn Thị Thư"),
                "leader": create_user(env, "vi_leader", "leader", "Trần Văn Lãnh"),
                "member1": create_user(env, "vi_member1", "member", "Lê Văn Minh"),
                "member2": create_user(env, "vi_member2", "member", "Phạm Thị Hoa"),
                "member3": create_user(env, "vi_member3", "member", "Võ Văn Tâm"),
            }
            self.uids = {role: user.id for role, user in users.items()}
        self.db = get_db_name()
        self.contexts = {}

    def call(self, role, model, method, *args, **kwargs):
        login = "vi_%s" % role
        if role not in self.contexts:
            # What a client does once after login: the user's own context.
            self.contexts[role] = self.xmlrpc_object.execute_kw(
                self.db, self.uids[role], login, "res.users", "context_get", [])
        kwargs.setdefault("context", self.contexts[role])
        return self.xmlrpc_object.execute_kw(
            self.db, self.uids[role], login, model, method, list(args), kwargs)

    def env(self):
        """A superuser's look at what the server did, on the test cursor."""
        return api.Environment(self.registry.cursor(), SUPERUSER_ID, {})

    def create_meeting(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = env["res.users"].browse
            values = meeting_values(
                env, users(self.uids["leader"]), users(self.uids["secretary"]),
                users([self.uids["member1"], self.uids["member2"],
                       self.uids["member3"]]),
                name="Họp Ban Thường vụ tháng 12", location="Phòng họp số 1",
                date_start="2026-12-19 01:00:00", date_end="2026-12-19 04:00:00")
        return self.call("secretary", "paperless.meeting", "create", values)

    def test_secretary_schedules_and_writes_in_vietnamese(self):
        """The blocker: Odoo 11's Vietnamese subject of the notification
        e-mail lost its %s, so every e-mail notification failed to render."""
        meeting_id = self.create_meeting()
        self.assertEqual(self.contexts["secretary"]["lang"], "vi_VN")
        self.assertIs(self.call("secretary", "paperless.meeting", "action_schedule",
                                [meeting_id]), True)
        message_id = self.call(
            "secretary", "paperless.meeting", "message_post", [meeting_id],
            body="Đề nghị các đồng chí nghiên cứu tài liệu trước.",
            message_type="comment", subtype="mail.mt_comment")
        self.assertIsInstance(message_id, int)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            mails = env["mail.mail"].search([("mail_message_id", "=", message_id)])
            self.assertEqual(
                set(mails.mapped("recipient_ids.name")),
                {"Trần Văn Lãnh", "Lê Văn Minh", "Phạm Thị Hoa", "Võ Văn Tâm"})
            self.assertEqual(set(mails.mapped("subject")),
                             {"Trả lời: Họp Ban Thường vụ tháng 12"})

    def attendee_ids(self, meeting_id, role):
        return self.call(role, "paperless.meeting.attendee", "search", [
            ("meeting_id", "=", meeting_id), ("user_id", "=", self.uids[role])])

    def test_office_and_members_end_to_end(self):
        meeting_id = self.create_meeting()
        self.assertIs(self.call("secretary", "paperless.meeting", "action_schedule",
                                [meeting_id]), True)
        # The members answer from their phones.
        self.assertIs(self.call("member1", "paperless.meeting.attendee",
                                "action_accept",
                                self.attendee_ids(meeting_id, "member1")), True)
        self.assertIs(self.call("member2", "paperless.meeting.attendee",
                                "action_decline",
                                self.attendee_ids(meeting_id, "member2"),
                                "Đi công tác nước ngoài"), True)
        self.assertIs(self.call("member3", "paperless.meeting.attendee",
                                "action_delegate",
                                self.attendee_ids(meeting_id, "member3"),
                                reason="Nằm viện",
                                delegate_name="Nguyễn Văn Phó, Phó Chánh Văn phòng"),
                      True)
        # The office opens the meeting, the chair checks in, the office closes.
        # Days ahead of its date: the office confirms the early start.
        context = dict(self.call("secretary", "res.users", "context_get"),
                       paperless_start_confirmed=True)
        self.call("secretary", "paperless.meeting", "action_start", [meeting_id],
                  context=context)
        self.assertIs(self.call("leader", "paperless.meeting", "action_my_check_in",
                                [meeting_id]), True)
        self.call("secretary", "paperless.meeting.attendee", "action_mark_present",
                  self.attendee_ids(meeting_id, "member1"))
        self.assertIs(self.call("secretary", "paperless.meeting", "action_done",
                                [meeting_id]), True)
        answers = self.call("secretary", "paperless.meeting.attendee", "search_read",
                            [("meeting_id", "=", meeting_id)],
                            ["user_id", "response", "attendance"])
        self.assertEqual(
            sorted((row["user_id"][1], row["response"], row["attendance"])
                   for row in answers),
            [("Lê Văn Minh", "accepted", "present"),
             ("Nguyễn Thị Thư", "invited", "unknown"),
             ("Phạm Thị Hoa", "declined", "unknown"),
             ("Trần Văn Lãnh", "invited", "present"),
             ("Võ Văn Tâm", "delegated", "unknown")])
        # The chatter, as the secretary reads it: Vietnamese throughout.
        messages = self.call("secretary", "mail.message", "search_read",
                             [("model", "=", "paperless.meeting"),
                              ("res_id", "=", meeting_id)],
                             ["body"])
        bodies = " ".join(message["body"] for message in messages)
        self.assertIn("Cuộc họp được tạo", bodies)
        self.assertIn("Đã gửi giấy mời đến 5 đại biểu.", bodies)
        for english in ("created", "Invitations", "attendees"):
            self.assertNotIn(english, bodies)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            tracked = env["mail.tracking.value"].search([
                ("mail_message_id.model", "=", "paperless.meeting"),
                ("mail_message_id.res_id", "=", meeting_id),
                ("field", "=", "state")])
            self.assertEqual(set(tracked.mapped("field_desc")), {"Trạng thái"})
            self.assertEqual(sorted(tracked.mapped("new_value_char")),
                             ["Nháp", "Đang họp", "Đã kết thúc", "Đã lên lịch"])
            # Every e-mail that went out or waits in the queue is Vietnamese.
            mails = env["mail.mail"].search([("recipient_ids.user_ids", "in",
                                              list(self.uids.values()))])
            self.assertTrue(mails)
            for mail in mails:
                self.assertIn("Họp Ban Thường vụ tháng 12", mail.subject)
                self.assertNotRegex(mail.subject, "invitation|Re:|Date updated")

    def test_secretary_without_an_email_address(self):
        """Many in the office have no e-mail address: their messages go out
        under the office's; with neither, a Vietnamese message says what to
        do, and nothing is created."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            secretary = env["res.users"].browse(self.uids["secretary"])
            secretary.email = False
            secretary.company_id.email = "vanphong@tinhuy.example.vn"
        meeting_id = self.create_meeting()
        self.assertIs(self.call("secretary", "paperless.meeting", "action_schedule",
                                [meeting_id]), True)
        messages = self.call("secretary", "mail.message", "search_read",
                             [("model", "=", "paperless.meeting"),
                              ("res_id", "=", meeting_id),
                              ("author_id.user_ids", "=", self.uids["secretary"])],
                             ["email_from"])
        self.assertTrue(messages)
        # Odoo writes the name RFC 2047 encoded, as for any sender.
        self.assertEqual({str(make_header(decode_header(message["email_from"])))
                          for message in messages},
                         {"Nguyễn Thị Thư <vanphong@tinhuy.example.vn>"})
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].browse(self.uids["secretary"]).company_id.email = False
        with self.assertRaisesRegex(Fault, "^<Fault 2: .*Tài khoản của đồng chí và "
                                    "Văn phòng đều chưa có địa chỉ e-mail"):
            self.create_meeting()
        self.assertEqual(self.call(
            "secretary", "paperless.meeting", "search_count",
            [("name", "=", "Họp Ban Thường vụ tháng 12")]), 1)

    def test_invitations_sent_is_a_note(self):
        """The office's own record of the invitations is a note: the
        invitees already get the calendar invitation, not a second e-mail."""
        meeting_id = self.create_meeting()
        self.call("secretary", "paperless.meeting", "action_schedule", [meeting_id])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            meeting = env["paperless.meeting"].browse(meeting_id)
            message = meeting.message_ids.filtered(
                lambda message: "Đã gửi giấy mời đến 5 đại biểu." in message.body)
            self.assertEqual(message.subtype_id, env.ref("mail.mt_note"))
            self.assertEqual(len(meeting.message_partner_ids), 5)
            self.assertFalse(message.needaction_partner_ids)
            self.assertFalse(env["mail.mail"].search(
                [("mail_message_id", "=", message.id)]))


class TestCoreTranslations(SavepointCase):
    """Odoo 11's own Vietnamese translations of the mail templates, as the
    addon leaves them (it ships corrections in i18n_extra/vi.po)."""

    def broken_template_translations(self):
        translations = self.env["ir.translation"].search([
            ("lang", "=", "vi_VN"), ("type", "=", "model"),
            ("name", "=like", "mail.template,%"), ("value", "!=", False)])
        return [(translation.name, translation.res_id)
                for translation in translations
                if template_code(translation.value) != template_code(translation.src)]

    def notify_in_vietnamese(self):
        """A comment on a meeting, e-mailed to a Vietnamese follower."""
        secretary = create_user(self.env, "tr_secretary", "secretary")
        member = create_user(self.env, "tr_member", "member")
        meeting = self.env["paperless.meeting"].sudo(secretary).with_context(
            lang="vi_VN").create(meeting_values(
                self.env, secretary, secretary, member, name="Họp giao ban"))
        meeting.message_subscribe(partner_ids=member.partner_id.ids)
        # Queued, not sent at once, to read what would go out.
        message = meeting.with_context(mail_notify_force_send=False).message_post(
            body="Kính mời dự họp.", subtype="mail.mt_comment")
        return self.env["mail.mail"].search([("mail_message_id", "=", message.id)])

    def test_template_translations_keep_their_code(self):
        self.assertEqual(template_code("${'Re: %s' % a}"),
                         template_code("${'Trả lời: %s' % a}"))
        self.assertNotEqual(template_code("${'Re: %s' % a}"),
                            template_code("${'Trả lời: ' % a}"))
        self.assertEqual(self.broken_template_translations(), [])
        self.assertEqual(self.notify_in_vietnamese().subject,
                         "Trả lời: Họp giao ban")

    def test_general_channel_greets_in_vietnamese(self):
        welcome = self.env.ref("mail.module_install_notification")
        self.assertIn("Chào mừng đồng chí đến với kênh #general", welcome.body)
        self.assertNotIn("Welcome", welcome.body + welcome.subject)
        self.assertNotIn("employees", self.env.ref(
            "mail.channel_all_employees").description)

    def test_vietnamese_loaded_from_settings_after_the_addon(self):
        """Settings > Translations > Load a Translation, once the addon is
        installed: Odoo's broken terms come back from the core modules'
        files and the addon's corrections must still win (the sign-up
        template is a ``noupdate`` record, which Odoo never overwrites)."""
        subject = ("mail.template,subject",
                   "mail.mail_template_data_notification_email_default")
        signup = ("mail.template,body_html",
                  "auth_signup.mail_template_user_signup_account_created")
        terms = self.env["ir.translation"]
        for name, xmlid in (subject, signup):
            terms |= terms.search([("lang", "=", "vi_VN"), ("name", "=", name),
                                   ("res_id", "=", self.env.ref(xmlid).id)])
        self.assertEqual(len(terms), 2)
        terms.unlink()
        self.env["base.language.install"].create(
            {"lang": "vi_VN", "overwrite": False}).lang_install()
        self.assertEqual(self.broken_template_translations(), [])
        self.assertEqual(self.notify_in_vietnamese().subject,
                         "Trả lời: Họp giao ban")
        newcomer = create_user(self.env, "tr_newcomer", "member")
        template = self.env.ref(
            "auth_signup.mail_template_user_signup_account_created")
        # As /web/signup sends it once an invited person set their password.
        mail = self.env["mail.mail"].browse(template.with_context(
            lang="vi_VN", auth_login="auth_login=tr_newcomer%40example.org",
        ).send_mail(newcomer.id))
        self.assertIn("Tài khoản của bạn đã được khởi tạo thành công", mail.body_html)
        self.assertNotIn("Mật khẩu", mail.body_html)
