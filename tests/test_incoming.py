# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Incoming documents through the ORM as each role: the register's numbers,
the flow draft → done, who sees and writes what, and secret documents."""
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from .common import PDF_B64, create_user

LAN = "paperless_meeting.incoming_independent_lan"


class IncomingCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.unit = env["res.company"].create({"name": "Đảng ủy Khối Thử nghiệm"})
        cls.other_unit = env["res.company"].create({"name": "Huyện ủy Thử nghiệm"})
        units = {"company_id": cls.unit.id,
                 "company_ids": [(6, 0, cls.unit.ids)]}
        cls.clerk = create_user(env, "in_clerk", "secretary", **units)
        cls.leader = create_user(env, "in_leader", "leader", **units)
        cls.leader2 = create_user(env, "in_leader2", "leader", **units)
        cls.handler = create_user(env, "in_handler", "member", **units)
        cls.helper = create_user(env, "in_helper", "member", **units)
        cls.stranger = create_user(env, "in_stranger", "member", **units)
        cls.other_clerk = create_user(
            env, "in_other_clerk", "secretary", company_id=cls.other_unit.id,
            company_ids=[(6, 0, cls.other_unit.ids)])
        cls.Incoming = env["paperless.incoming.document"]

    def new(self, user=None, **values):
        return self.Incoming.sudo(user or self.clerk).create(dict({
            "sender": "Ban Tổ chức Tỉnh ủy", "reference": "125-CV/BTCTU",
            "document_date": "2026-11-20", "received_date": "2026-11-25",
            "document_type": "Công văn", "summary": "Về công tác cán bộ",
            "company_id": self.unit.id,
        }, **values))

    def presented(self, **values):
        document = self.new(leader_id=self.leader.id, **values)
        document.action_register()
        document.action_submit()
        return document

    def directed(self):
        document = self.presented()
        as_leader = document.sudo(self.leader)
        as_leader.write({
            "direction": "Giao Ban Tổ chức chủ trì, tham mưu.",
            "assignee_id": self.handler.id,
            "co_assignee_ids": [(6, 0, self.helper.ids)],
            "deadline": "2026-12-05"})
        as_leader.action_direct()
        return document


class TestIncomingRegister(IncomingCase):

    def test_numbers_follow_per_unit_year_and_register(self):
        first, second = self.new(), self.new()
        secret = self.new(confidentiality="confidential")
        next_year = self.new(received_date="2027-01-02")
        other = self.new(user=self.other_clerk, company_id=self.other_unit.id)
        for document in (first, second, secret, next_year, other):
            document.action_register()
        self.assertEqual(
            [(d.register_kind, d.registry_year, d.registry_number)
             for d in (first, second, secret, next_year, other)],
            [("incoming", 2026, 1), ("incoming", 2026, 2),
             ("incoming_secret", 2026, 1), ("incoming", 2027, 1),
             ("incoming", 2026, 1)])
        self.assertEqual(second.name, "2/2026")
        self.assertEqual(secret.name, "1/2026-M")
        self.assertEqual(first.state, "registered")

    def test_register_only_once_and_only_by_the_office(self):
        document = self.new()
        with self.assertRaises(AccessError):
            document.sudo(self.other_clerk).action_register()
        document.action_register()
        with self.assertRaises(UserError):
            document.action_register()
        self.assertEqual(document.registry_number, 1)

    def test_numbers_cannot_be_written(self):
        document = self.new()
        for vals in ({"registry_number": 7}, {"state": "done"},
                     {"registry_year": 2020}):
            with self.assertRaises(UserError):
                document.sudo(self.clerk).write(vals)
        with self.assertRaises(UserError):
            self.new(registry_number=3)

    def test_database_refuses_a_duplicate_number(self):
        first, second = self.new(), self.new()
        first.action_register()
        second.action_register()
        with self.assertRaises(IntegrityError), self.cr.savepoint(), \
                mute_logger("odoo.sql_db"):
            second._lock_write_system({"registry_number": 1})

    def test_registered_stays_in_the_register(self):
        document = self.new()
        document.action_register()
        with self.assertRaises(UserError):
            document.sudo(self.clerk).unlink()
        draft = self.new()
        draft.sudo(self.clerk).unlink()
        self.assertFalse(draft.exists())

    def test_junk_arguments(self):
        with self.assertRaises(UserError):
            self.Incoming.sudo(self.clerk).browse().action_register()
        with self.assertRaises(UserError):
            (self.new() | self.new()).action_register()


class TestIncomingFlow(IncomingCase):

    def test_direction_flow(self):
        document = self.directed()
        self.assertEqual(document.state, "directed")
        as_handler = document.sudo(self.handler)
        as_handler.action_start()
        with self.assertRaises(UserError):
            as_handler.action_done()  # no outcome yet
        as_handler.write({"outcome": "Đã tham mưu văn bản trả lời."})
        as_handler.action_done()
        self.assertEqual(document.state, "done")
        with self.assertRaises(UserError):
            document.sudo(self.clerk).write({"notes": "Sửa sau khi xong"})

    def test_present_needs_a_leader(self):
        document = self.new()
        document.action_register()
        with self.assertRaises(UserError):
            document.action_submit()

    def test_only_the_presented_leader_directs(self):
        document = self.presented()
        values = {"direction": "Chỉ đạo", "assignee_id": self.handler.id,
                  "deadline": "2026-12-05"}
        for user in (self.leader2, self.clerk, self.handler):
            with self.assertRaises((AccessError, UserError)), self.cr.savepoint():
                document.sudo(user).write(values)
        with self.assertRaises(AccessError):
            document.sudo(self.clerk).action_direct()
        with self.assertRaises(UserError):
            document.sudo(self.leader).action_direct()  # nothing written yet
        document.sudo(self.leader).write(values)
        document.sudo(self.leader).action_direct()
        self.assertEqual(document.direction, "Chỉ đạo")
        # Written once: nobody changes the direction afterwards.
        with self.assertRaises(UserError):
            document.sudo(self.leader).write({"direction": "Khác"})

    def test_leader_does_not_edit_the_register(self):
        document = self.presented()
        with self.assertRaises(UserError):
            document.sudo(self.leader).write({"summary": "Khác"})
        with self.assertRaises(UserError):
            document.sudo(self.clerk).write({"summary": "Khác"})

    def test_deadline_not_before_arrival(self):
        document = self.presented()
        with self.assertRaises(ValidationError):
            document.sudo(self.leader).write({"deadline": "2026-11-01"})

    def test_people_work_for_the_unit(self):
        with self.assertRaises(ValidationError):
            self.new(leader_id=self.other_clerk.id)


class TestIncomingVisibility(IncomingCase):

    def visible(self, user, documents):
        return self.Incoming.sudo(user).search([("id", "in", documents.ids)])

    def test_who_sees_what(self):
        draft = self.new()
        presented = self.presented()
        directed = self.directed()
        other = self.new(user=self.other_clerk, company_id=self.other_unit.id)
        every = draft | presented | directed | other
        self.assertEqual(self.visible(self.clerk, every), draft | presented | directed)
        self.assertEqual(self.visible(self.other_clerk, every), other)
        self.assertEqual(self.visible(self.leader, every), presented | directed)
        self.assertEqual(self.visible(self.leader2, every), self.Incoming)
        self.assertEqual(self.visible(self.handler, every), directed)
        self.assertEqual(self.visible(self.helper, every), directed)
        self.assertEqual(self.visible(self.stranger, every), self.Incoming)
        with self.assertRaises(AccessError):
            presented.sudo(self.stranger).read(["summary"])
        with self.assertRaises(AccessError):
            presented.sudo(self.handler).read(["summary"])

    def test_files_are_read_as_their_document(self):
        document = self.presented()
        file = self.env["paperless.document"].sudo(self.clerk).create({
            "name": "Công văn 125", "incoming_id": document.id,
            "datas": PDF_B64, "datas_fname": "cv125.pdf"})
        self.assertEqual(file.company_id, self.unit)
        Document = self.env["paperless.document"]
        self.assertEqual(Document.sudo(self.leader).search(
            [("id", "=", file.id)]), file)
        self.assertFalse(Document.sudo(self.leader2).search([("id", "=", file.id)]))
        self.assertFalse(Document.sudo(self.handler).search([("id", "=", file.id)]))
        self.assertFalse(Document.sudo(self.other_clerk).search(
            [("id", "=", file.id)]))
        with self.assertRaises(AccessError):
            file.sudo(self.leader).write({"name": "Khác"})


class TestIncomingSecret(IncomingCase):

    def attach(self, document):
        Document = self.env["paperless.document"].sudo(self.clerk)
        return Document.with_context(**document.env.context).create({
            "name": "Bản mật", "incoming_id": document.id,
            "datas": PDF_B64, "datas_fname": "mat.pdf"})

    def test_secret_file_refused(self):
        for level in ("confidential", "secret", "top_secret"):
            document = self.new(confidentiality=level)
            with self.assertRaisesRegex(UserError, "mạng LAN độc lập"), \
                    self.cr.savepoint():
                self.attach(document.with_context(lang="vi_VN"))
            self.assertFalse(document.file_ids)
        # Registered as metadata only.
        document.action_register()
        self.assertEqual(document.register_kind, "incoming_secret")

    def test_normal_file_accepted_and_not_made_secret_afterwards(self):
        document = self.new()
        self.attach(document)
        with self.assertRaises(ValidationError):
            document.sudo(self.clerk).write({"confidentiality": "secret"})

    def test_independent_lan_accepts_secret_files(self):
        self.env["ir.config_parameter"].set_param(LAN, "1")
        document = self.new(confidentiality="secret")
        self.assertTrue(self.attach(document))
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.paperless_incoming_independent_lan)
        settings.paperless_incoming_independent_lan = False
        settings.execute()
        with self.assertRaises(UserError):
            self.attach(document)
