# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The calendar invitation e-mails of a scheduled meeting, really sent by
Odoo to an SMTP server on loopback (aiosmtpd) and read as they arrive."""
import email
import socket
import threading
from contextlib import contextmanager
from email import policy

from aiosmtpd.controller import Controller

from odoo.tools import html2plaintext

from .common import PaperlessCase, create_user, meeting_values


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(
            envelope.original_content or envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def sending_for_real():
    """Odoo sends nothing from a thread flagged as testing (pytest-odoo
    flags the test's): lift the flag while the queue goes to the server."""
    thread = threading.current_thread()
    testing = getattr(thread, "testing", False)
    thread.testing = False
    try:
        yield
    finally:
        thread.testing = testing


class TestInvitationMail(PaperlessCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inbox = Inbox()
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=free_port())
        cls.smtp.start()
        cls.env["ir.mail_server"].create({
            "name": "Loopback", "smtp_host": "127.0.0.1",
            "smtp_port": cls.smtp.port, "smtp_encryption": "none", "sequence": 0,
        })
        env = cls.env
        cls.unit = env["res.partner"].create({
            "name": "Văn phòng Tỉnh ủy Bình Dương", "is_company": True,
            "email": "vanphong@tinhuy.example.vn",
        })
        cls.invitee = create_user(env, "inv_member", "member", "Lê Văn Minh")
        cls.guest = create_user(env, "inv_guest", "member", "John Guest",
                                lang="en_US")
        cls.meeting = cls.Meeting.sudo(cls.secretary).create(meeting_values(
            env, cls.leader, cls.secretary, cls.invitee | cls.guest,
            name="Họp Ban Thường vụ tháng 12", unit_id=cls.unit.id,
            location="Phòng họp số 1, Trụ sở Tỉnh ủy",
            date_start="2026-12-19 01:00:00", date_end="2026-12-19 04:00:00"))

    @classmethod
    def tearDownClass(cls):
        cls.smtp.stop()
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        self.inbox.messages.clear()

    def deliver(self):
        """Send the queued e-mails of this meeting's people; return what
        arrived, by the recipient's address."""
        partners = self.meeting.attendee_ids.mapped("user_id.partner_id")
        mails = self.env["mail.mail"].search([
            ("state", "=", "outgoing"), ("recipient_ids", "in", partners.ids)])
        with sending_for_real():
            mails.send(raise_exception=True)
        return {message["To"].addresses[0].addr_spec: message
                for message in self.inbox.messages}

    def schedule_as_vietnamese_secretary(self):
        # The web client sends the user's context with every call.
        self.meeting.sudo(self.secretary).with_context(
            lang="vi_VN", tz="Asia/Ho_Chi_Minh").action_schedule()

    def test_invitation_in_vietnamese_from_the_office_with_the_ics(self):
        self.schedule_as_vietnamese_secretary()
        received = self.deliver()
        # Every invitee, the chair and the secretary, one e-mail each.
        self.assertEqual(set(received), set(self.meeting.attendee_ids.mapped(
            "user_id.email")))
        message = received["inv_member@example.org"]
        self.assertEqual(message["Subject"], "Giấy mời: Họp Ban Thường vụ tháng 12")
        self.assertEqual(str(message["From"]),
                         "Văn phòng Tỉnh ủy Bình Dương <vanphong@tinhuy.example.vn>")
        html = message.get_body(("html",)).get_content()
        text = html2plaintext(html)
        for vietnamese in ("Giấy mời họp", "Kính gửi đồng chí Lê Văn Minh",
                           "Văn phòng Tỉnh ủy Bình Dương trân trọng kính mời",
                           "Thứ Bảy, 19/12/2026, 08:00 – 11:00",
                           "Phòng họp số 1, Trụ sở Tỉnh ủy", "Chủ trì",
                           "Budget report", "Trả lời và đọc tài liệu"):
            self.assertIn(vietnamese, text)
        for english in ("Dear", "Accept", "Decline", "Invitation", "Details",
                        "YourCompany", "AM", "PM"):
            self.assertNotIn(english, text)
        self.assertIn("/my/meetings/%d" % self.meeting.id, html)
        ics = [part for part in message.iter_attachments()
               if part.get_content_type() == "text/calendar"]
        self.assertEqual([part.get_filename() for part in ics], ["invitation.ics"])
        # iCalendar text is UTF-8 (RFC 5545), the part names no charset.
        calendar = ics[0].get_payload(decode=True).decode("utf-8")
        self.assertIn("SUMMARY:Họp Ban Thường vụ tháng 12", calendar)
        self.assertIn("DTSTART:20261219T010000Z", calendar)
        self.assertIn("DTEND:20261219T040000Z", calendar)

    def test_invitation_follows_the_readers_language(self):
        self.schedule_as_vietnamese_secretary()
        message = self.deliver()["inv_guest@example.org"]
        self.assertEqual(message["Subject"], "Invitation: Họp Ban Thường vụ tháng 12")
        text = html2plaintext(message.get_body(("html",)).get_content())
        self.assertIn("Dear John Guest", text)
        self.assertIn("Saturday, 19/12/2026, 08:00 – 11:00", text)

    def test_without_a_unit_the_company_speaks(self):
        """No organising unit: the office is the company, its address the
        company's, else the secretary's."""
        company = self.secretary.company_id
        company.write({"name": "Văn phòng Tỉnh ủy Bình Dương", "email": False})
        self.meeting.unit_id = False
        self.schedule_as_vietnamese_secretary()
        message = self.deliver()["inv_member@example.org"]
        self.assertEqual(str(message["From"]),
                         "Văn phòng Tỉnh ủy Bình Dương <pm_secretary@example.org>")
        self.assertIn("Văn phòng Tỉnh ủy Bình Dương trân trọng kính mời",
                      html2plaintext(message.get_body(("html",)).get_content()))
