# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's own models must not show what the addon's rules hide: the meeting's
calendar event, the chatter, attachments and followers of meetings, over
XML-RPC as an internal user without a paperless group, as a member who is
not invited and as a portal user."""
import base64

from odoo import SUPERUSER_ID, api

from .rpc_roles import RpcRolesCase, make_user

TITLE = "Hội nghị bí mật"
DRAFT_TITLE = "Cuộc họp nháp kín"
DRAFT_NOTE = "Bàn trước về nhân sự"
# Core Odoo indexes the ASCII words of text attachments only.
INDEXED_WORD = "PersonnelShortlistToken"
CALENDAR_WINDOW = [("start", "<=", "2026-12-31 16:59:59"),
                   ("stop", ">=", "2026-11-30 17:00:00")]
STRANGERS = ("internal", "outsider", "portal")


class TestCalendarEventPrivacy(RpcRolesCase):

    def test_strangers_see_nothing_of_the_meeting_event(self):
        for role in STRANGERS:
            self.assertEqual(self.call(
                role, "calendar.event", "search_read",
                [("id", "=", self.event_id)], ["name"]), [], role)
            self.assertAccessError(role, "calendar.event", "read",
                                   [self.event_id], ["name", "location"])
            self.assertEqual(self.call(role, "calendar.event", "search",
                                       [("name", "ilike", "bí mật")]), [], role)
            self.assertEqual(self.call(role, "calendar.event", "name_search",
                                       "bí mật", []), [], role)
            groups = self.call(role, "calendar.event", "read_group", [],
                               ["name", "location"], ["location"])
            self.assertNotIn("Phòng 7", str(groups), role)
            # What the calendar view loads for a month.
            shown = self.call(role, "calendar.event", "search_read",
                              CALENDAR_WINDOW, ["name", "location"])
            self.assertNotIn(self.event_id, [event["id"] for event in shown], role)
            self.assertEqual(self.call(
                role, "calendar.attendee", "search_read",
                [("event_id", "=", self.event_id)], ["partner_id"]), [], role)
            self.assertAccessError(role, "calendar.event", "write",
                                   [self.event_id], {"name": "Đổi tên"})

    def test_strangers_cannot_read_the_invitation_files(self):
        """Each invitation e-mail carries the event as invitation.ics; its
        indexed text holds the meeting's online link."""
        domain = [("name", "=", "invitation.ics"),
                  ("index_content", "ilike", "meet.example.org/bi-mat")]
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            files = env["ir.attachment"].search(domain)
            self.assertEqual(len(files), 3)  # member, chair, secretary
            self.assertEqual(set(files.mapped("res_model")), {"mail.message"})
        for role in STRANGERS:
            self.assertEqual(self.call(role, "ir.attachment", "search", domain),
                             [], role)
            self.assertEqual(self.call(role, "ir.attachment", "read_group", domain,
                                       ["name"], ["name"]), [], role)
            self.assertAccessError(role, "ir.attachment", "read", files.ids,
                                   ["datas"])
        # The file goes with its e-mail once sent.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["mail.message"].browse(files.mapped("res_id")).unlink()
            self.assertFalse(env["ir.attachment"].search(domain))

    def test_strangers_get_no_message_about_the_event(self):
        """The event's own messages carry the meeting's title."""
        domain = [("model", "in", ("calendar.event", "calendar.attendee"))]
        self.call("internal", "calendar.event", "create", {
            "name": "Họp giao ban", "start": "2026-12-02 01:00:00",
            "stop": "2026-12-02 02:00:00"})
        for role in ("internal", "outsider"):
            groups = self.call(role, "mail.message", "read_group", domain,
                               ["record_name"], ["record_name"])
            self.assertNotIn(TITLE, str(groups), role)
            # Searching the events' messages leaves the meeting's out (core
            # calendar would fail on it instead).
            found = self.call(role, "mail.message", "search_read", domain,
                              ["record_name"])
            self.assertIn("Họp giao ban", str(found), role)
            self.assertNotIn(TITLE, str(found), role)
        groups = self.call("member", "mail.message", "read_group", domain,
                           ["record_name"], ["record_name"])
        self.assertIn(TITLE, str(groups))

    def test_invitees_and_office_see_the_event(self):
        for role in ("member", "leader", "secretary"):
            event = self.call(role, "calendar.event", "read", [self.event_id],
                              ["name", "location", "description", "partner_ids"])[0]
            self.assertEqual(event["name"], TITLE, role)
            self.assertIn("Phòng 7", event["location"], role)
            self.assertIn("chương trình kín", event["description"], role)
            self.assertIn(self.partner_ids["member"], event["partner_ids"], role)
            shown = self.call(role, "calendar.event", "search_read",
                              CALENDAR_WINDOW, ["name"])
            self.assertIn(self.event_id, [row["id"] for row in shown], role)
        rows = self.call("member", "calendar.attendee", "search_read",
                         [("event_id", "=", self.event_id)], ["partner_id"])
        self.assertEqual(len(rows), 3)  # the member, the chair, the secretary
        # An invitee answers their own invitation, not another's, and the
        # event itself changes only through the meeting.
        mine = [row["id"] for row in rows
                if row["partner_id"][0] == self.partner_ids["member"]]
        others = [row["id"] for row in rows if row["id"] not in mine]
        self.assertIs(self.call("member", "calendar.attendee", "write", mine,
                                {"state": "tentative"}), True)
        # ... from the calendar's own buttons too (which post on the event).
        self.call("member", "calendar.attendee", "do_accept", mine)
        self.assertEqual(self.call("member", "calendar.attendee", "read", mine,
                                   ["state"])[0]["state"], "accepted")
        self.assertAccessError("member", "calendar.attendee", "write", others,
                               {"state": "declined"})
        self.assertAccessError("member", "calendar.event", "write",
                               [self.event_id], {"name": "Đổi tên"})
        self.assertAccessError("member", "calendar.event", "unlink", [self.event_id])

        # The office of another unit sees the event no more than others.
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            unit = env["res.company"].create({"name": "Đảng ủy khối khác"})
            office = make_user(env, "acl_other_office",
                               ["paperless_meeting.group_paperless_secretary"])
            office.write({"company_ids": [(6, 0, unit.ids)], "company_id": unit.id})
            self.uids["other_office"] = office.id
        self.assertAccessError("other_office", "calendar.event", "read",
                               [self.event_id], ["name"])
        self.assertEqual(self.call("other_office", "calendar.attendee", "search",
                                   [("event_id", "=", self.event_id)]), [])
        # Other events keep core Odoo's visibility.
        event_id = self.call("internal", "calendar.event", "create", {
            "name": "Họp giao ban", "start": "2026-12-02 01:00:00",
            "stop": "2026-12-02 02:00:00"})
        self.assertEqual(self.call("outsider", "calendar.event", "read", [event_id],
                                   ["name"])[0]["name"], "Họp giao ban")
        self.assertTrue(self.call("outsider", "calendar.event", "write", [event_id],
                                  {"location": "Phòng 2"}))


class TestChatterLeaks(RpcRolesCase):

    def make_fixtures(self, env):
        secretary = env["res.users"].browse(self.uids["secretary"])
        Meeting = env["paperless.meeting"].sudo(secretary)
        draft = Meeting.browse(self.draft_id)
        draft.message_post(body=DRAFT_NOTE, subtype="mail.mt_note")
        Attachment = env["ir.attachment"].sudo(secretary)
        self.draft_attachment_id = Attachment.create({
            "name": "nhan_su.txt", "datas_fname": "nhan_su.txt",
            "res_model": "paperless.meeting", "res_id": draft.id,
            "datas": base64.b64encode(INDEXED_WORD.encode()),
            "mimetype": "text/plain",
        }).id
        env["mail.activity"].sudo(secretary).create({
            "res_model_id": env.ref("paperless_meeting.model_paperless_meeting").id,
            "res_id": draft.id, "summary": DRAFT_NOTE, "user_id": secretary.id,
            "activity_type_id": env.ref("mail.mail_activity_data_todo").id,
        })
        # An e-mail about the draft waiting in the outgoing queue.
        env["mail.mail"].create({
            "subject": DRAFT_TITLE, "body_html": "<p>%s</p>" % DRAFT_NOTE,
            "model": "paperless.meeting", "res_id": draft.id,
            "email_to": "office@example.org",
        })
        meeting = Meeting.browse(self.meeting_id)
        meeting.message_post(body="Tài liệu đã gửi", subtype="mail.mt_comment")
        self.meeting_attachment_id = Attachment.create({
            "name": "giay_moi.txt", "datas_fname": "giay_moi.txt",
            "res_model": "paperless.meeting", "res_id": meeting.id,
            "datas": base64.b64encode(b"Invitation letter"),
            "mimetype": "text/plain",
        }).id

    def test_strangers_get_no_chatter_of_a_meeting_they_cannot_read(self):
        draft_messages = [("model", "=", "paperless.meeting"),
                          ("res_id", "=", self.draft_id)]
        for role in ("internal", "outsider"):
            for groupby in ("record_name", "body", "res_id"):
                groups = self.call(role, "mail.message", "read_group",
                                   [("model", "=", "paperless.meeting")],
                                   [groupby], [groupby])
                self.assertNotIn(DRAFT_TITLE, str(groups), (role, groupby))
                self.assertNotIn(DRAFT_NOTE, str(groups), (role, groupby))
            self.assertEqual(self.call(role, "mail.message", "search_count",
                                       draft_messages), 0, role)
            self.assertEqual(self.call(role, "mail.message", "search",
                                       draft_messages), [], role)

        # The invitee still reads the meeting's chatter, the office every
        # meeting's, drafts included.
        domain = [("model", "=", "paperless.meeting"),
                  ("res_id", "=", self.meeting_id)]
        count = self.call("member", "mail.message", "search_count", domain)
        self.assertGreater(count, 0)
        groups = self.call("member", "mail.message", "read_group", domain,
                           ["res_id"], ["res_id"])
        self.assertEqual([group["res_id_count"] for group in groups], [count])
        messages = self.call("member", "mail.message", "message_fetch", domain)
        self.assertIn("Tài liệu đã gửi", str(messages))
        groups = self.call("secretary", "mail.message", "read_group",
                           [("model", "=", "paperless.meeting")],
                           ["record_name"], ["record_name"])
        self.assertIn(DRAFT_TITLE, str(groups))

    def test_strangers_get_no_attachment_of_a_meeting_they_cannot_read(self):
        for role in ("internal", "outsider"):
            groups = self.call(role, "ir.attachment", "read_group",
                               [("res_model", "=like", "paperless.%")],
                               ["index_content"], ["index_content"])
            self.assertNotIn(INDEXED_WORD, str(groups), role)
            groups = self.call(role, "ir.attachment", "read_group",
                               [], ["name"], ["name"])
            self.assertNotIn("nhan_su.txt", str(groups), role)
            self.assertEqual(self.call(
                role, "ir.attachment", "search",
                [("index_content", "ilike", INDEXED_WORD)]), [], role)
            self.assertAccessError(role, "ir.attachment", "read",
                                   [self.draft_attachment_id], ["index_content"])

    def test_raw_meeting_file_stays_with_the_office(self):
        raw = [("res_model", "=", "paperless.document"),
               ("res_field", "=", "datas"), ("res_id", "=", self.document_id)]
        for role in ("member", "leader"):
            self.assertEqual(self.call(role, "ir.attachment", "search", raw),
                             [], role)
            self.assertEqual(self.call(role, "ir.attachment", "read_group", raw,
                                       ["index_content"], ["index_content"]), [], role)
            self.assertAccessError(role, "paperless.document", "read",
                                   [self.document_id], ["datas"])
        self.assertEqual(len(self.call("secretary", "ir.attachment", "search", raw)),
                         1)
        # The meeting's own chatter attachments stay with its invitees.
        chatter = [("res_model", "=", "paperless.meeting"),
                   ("res_id", "=", self.meeting_id)]
        self.assertEqual(self.call("member", "ir.attachment", "search", chatter),
                         [self.meeting_attachment_id])
        groups = self.call("member", "ir.attachment", "read_group", chatter,
                           ["name"], ["name"])
        self.assertEqual([group["name"] for group in groups], ["giay_moi.txt"])

    def test_nobody_follows_a_meeting_they_cannot_read(self):
        for role in ("internal", "outsider"):
            partner_id = self.partner_ids[role]
            self.assertAccessError(role, "mail.followers", "create", {
                "res_model": "paperless.meeting", "res_id": self.draft_id,
                "partner_id": partner_id}, message=(
                    "Đồng chí không thể theo dõi hồ sơ cuộc họp mà đồng chí "
                    "không có quyền xem."))
            self.assertFalse(self.call(role, "paperless.meeting",
                                       "message_subscribe_users", [self.draft_id]))
            # Nor by moving one's follower row from a record one may follow.
            follower_id = self.call(role, "mail.followers", "create", {
                "res_model": "res.partner", "res_id": partner_id,
                "partner_id": partner_id})
            self.assertAccessError(role, "mail.followers", "write", [follower_id], {
                "res_model": "paperless.meeting", "res_id": self.draft_id})
            self.assertEqual(self.call(
                "secretary", "mail.followers", "search_count",
                [("res_model", "=", "paperless.meeting"),
                 ("res_id", "=", self.draft_id), ("partner_id", "=", partner_id)]),
                0, role)

    def test_strangers_do_not_see_who_follows_a_meeting(self):
        followers = [("res_model", "=", "paperless.meeting")]
        for role in ("internal", "outsider"):
            self.assertEqual(self.call(role, "mail.followers", "search_read",
                                       followers, ["partner_id"]), [], role)
            self.assertEqual(self.call(role, "mail.followers", "read_group",
                                       followers, ["res_id"], ["res_id"]), [], role)
        visible = self.call("member", "mail.followers", "search_read", followers,
                            ["res_id", "partner_id"])
        self.assertEqual({row["res_id"] for row in visible}, {self.meeting_id})
        self.assertIn(self.partner_ids["member"],
                      [row["partner_id"][0] for row in visible])
        hidden = self.call("secretary", "mail.followers", "search",
                           [("res_model", "=", "paperless.meeting"),
                            ("res_id", "=", self.draft_id)])
        self.assertTrue(hidden)
        self.assertAccessError("member", "mail.followers", "read", hidden,
                               ["partner_id"])

    def test_pages_of_rows_stay_full(self):
        """Hidden rows do not leave holes in a page: each page of followers
        is as long as asked, and the pages together are the visible rows."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            partner_ids = []
            for index in range(5):
                partner = env["res.partner"].create({"name": "Theo dõi %d" % index})
                partner_ids.append(partner.id)
                # Alternating: a row on the draft (hidden from the member),
                # then a row on the partner itself (visible).
                for model, res_id in (("paperless.meeting", self.draft_id),
                                      ("res.partner", partner.id)):
                    env["mail.followers"].create({
                        "res_model": model, "res_id": res_id,
                        "partner_id": partner.id})
        domain = [("partner_id", "in", partner_ids)]
        pages = [self.call("member", "mail.followers", "search", domain,
                           offset, 2, "id") for offset in (0, 2, 4)]
        self.assertEqual([len(page) for page in pages], [2, 2, 1])
        rows = self.call("member", "mail.followers", "read", sum(pages, []),
                         ["res_model"])
        self.assertEqual({row["res_model"] for row in rows}, {"res.partner"})
        self.assertEqual(self.call("member", "mail.followers", "search_count",
                                   domain), 5)
        self.assertEqual(self.call("secretary", "mail.followers", "search_count",
                                   domain), 10)

    def test_strangers_get_no_activity_or_queued_mail_of_a_meeting(self):
        for role in ("internal", "outsider"):
            for model, field in (("mail.activity", "summary"),
                                 ("mail.mail", "subject")):
                pointer = "res_model" if model == "mail.activity" else "model"
                domain = [(pointer, "=", "paperless.meeting"),
                          ("res_id", "=", self.draft_id)]
                self.assertEqual(self.call(role, model, "search_read", domain,
                                           [field]), [], (role, model))
                groups = self.call(role, model, "read_group", [], [field], [field])
                self.assertNotIn(DRAFT_NOTE, str(groups), (role, model))
                self.assertNotIn(DRAFT_TITLE, str(groups), (role, model))
                hidden = self.call("secretary", model, "search", domain)
                self.assertEqual(len(hidden), 1, model)
                self.assertAccessError(role, model, "read", hidden, [field])
        # The office still sees them.
        activities = self.call("secretary", "mail.activity", "search_read", [
            ("res_model", "=", "paperless.meeting"), ("res_id", "=", self.draft_id)],
            ["summary"])
        self.assertEqual([row["summary"] for row in activities], [DRAFT_NOTE])
