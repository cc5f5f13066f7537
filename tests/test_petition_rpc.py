# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A denouncer's identity over XML-RPC, through every read path: read,
search, search_read, read_group, order, export, the identity table itself
and the chatter. Only the handler and the managers read it."""
from xmlrpc.client import Fault

from odoo.tools import mute_logger

from .rpc_roles import RpcRolesCase

MODEL = "paperless.petition"
IDENTITY = "paperless.petition.identity"
NAMES = ("Trần Thị Tố Giác", "Lê Văn Khiếu Nại")


class TestPetitionIdentityRpc(RpcRolesCase):

    def make_fixtures(self, env):
        secretary = env["res.users"].browse(self.uids["secretary"])
        Petition = env[MODEL].sudo(secretary)
        self.denunciation = Petition.create({
            "name": "Tố cáo cán bộ xã", "petition_type": "denunciation",
            "handler_id": self.uids["member"], "received_date": "2026-11-02",
            "petitioner_name": NAMES[0], "petitioner_address": "Thôn Đông",
            "petitioner_contact": "0912 000 111"})
        self.complaint = Petition.create({
            "name": "Khiếu nại quyết định", "petition_type": "complaint",
            "handler_id": self.uids["member"], "received_date": "2026-11-03",
            "petitioner_name": NAMES[1]})
        self.denunciation.message_post(body="Đã chuyển người xử lý.")
        self.ids = [self.denunciation.id, self.complaint.id]

    def names_seen(self, role):
        """Every petitioner name the role gets back through the ORM's read
        paths of the petition and of the identity table."""
        seen = []
        rows = self.call(role, MODEL, "search_read", [("id", "in", self.ids)],
                         fields=["petitioner_name", "petitioner_address",
                                 "petitioner_contact"])
        seen += [row[name] for row in rows for name in (
            "petitioner_name", "petitioner_address", "petitioner_contact")]
        exported = self.call(role, MODEL, "export_data", self.ids,
                             ["petitioner_name", "petitioner_contact"])
        seen += [value for row in exported["datas"] for value in row]
        mine = [("petition_id", "in", self.ids)]
        identities = self.call(role, IDENTITY, "search_read", mine,
                               fields=["petitioner_name", "petitioner_contact"])
        seen += [row[name] for row in identities
                 for name in ("petitioner_name", "petitioner_contact")]
        groups = self.call(role, IDENTITY, "read_group", mine,
                           ["petitioner_name"], ["petitioner_name"])
        seen += [group["petitioner_name"] for group in groups]
        return {value for value in seen if value}

    def test_denouncer_hidden_through_every_read_path(self):
        everyone = {NAMES[0], "Thôn Đông", "0912 000 111", NAMES[1]}
        self.assertEqual(self.names_seen("member"), everyone)   # the handler
        self.assertEqual(self.names_seen("manager"), everyone)
        # The office reads the complainant, not the denouncer.
        self.assertEqual(self.names_seen("secretary"), {NAMES[1]})
        for role in ("leader", "outsider"):
            self.assertEqual(self.call(role, MODEL, "search",
                                       [("id", "in", self.ids)]), [])
            self.assertEqual(self.call(role, IDENTITY, "search", []), [])
        for role in ("internal", "portal"):
            self.assertAccessError(role, MODEL, "search", [])
            self.assertAccessError(role, IDENTITY, "search", [])

    def test_no_search_group_or_order_on_the_identity(self):
        # The petitioner fields are not stored: no domain, grouping or order
        # can test them (refused, or ignored).
        with mute_logger("odoo.osv.expression", "odoo.http", "odoo.models",
                         "odoo.service.model", "odoo.sql_db"):
            for domain in ([("petitioner_name", "=", NAMES[0])],
                           [("petitioner_name", "ilike", "Tố")]):
                try:
                    found = self.call("secretary", MODEL, "search",
                                      [("id", "in", self.ids)] + domain)
                except Fault:
                    continue
                # Ignored: the answer does not depend on the name.
                self.assertEqual(sorted(found), sorted(self.ids))
            with self.assertRaises(Fault):
                self.call("secretary", MODEL, "read_group",
                          [("id", "in", self.ids)], ["petitioner_name"],
                          ["petitioner_name"])
            orders = []
            for order in ("petitioner_name asc", "petitioner_name desc"):
                try:
                    orders.append(self.call("secretary", MODEL, "search",
                                            [("id", "in", self.ids)], order=order))
                except Fault:
                    orders.append("refused")
            self.assertEqual(orders[0], orders[1])
        # The identity table itself: the office finds only the complainant,
        # whatever it asks.
        self.assertEqual(self.call("secretary", IDENTITY, "search_count",
                                   [("petitioner_name", "=", NAMES[0])]), 0)
        self.assertEqual(self.call("secretary", IDENTITY, "search_count",
                                   [("petition_id", "=", self.denunciation.id)]), 0)
        self.assertAccessError("secretary", IDENTITY, "write", [
            self.identity_id()], {"petitioner_name": "Đổi tên"})

    def test_chatter_does_not_carry_the_identity(self):
        for role in ("secretary", "member", "manager"):
            messages = self.call(role, "mail.message", "search_read", [
                ("model", "=", MODEL), ("res_id", "=", self.denunciation.id)],
                fields=["body"])
            self.assertTrue(messages, role)
            for message in messages:
                self.assertNotIn(NAMES[0], message["body"] or "")
        # Nothing tracked holds it either (administrators only read those).
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM mail_tracking_value WHERE "
                "old_value_char = %s OR new_value_char = %s", (NAMES[0], NAMES[0]))
            self.assertEqual(cr.fetchone()[0], 0)
        # Leaders and others see no message of it.
        self.assertEqual(self.call("leader", "mail.message", "search", [
            ("model", "=", MODEL), ("res_id", "=", self.denunciation.id)]), [])

    def identity_id(self):
        return self.call("manager", IDENTITY, "search",
                         [("petition_id", "=", self.denunciation.id)])[0]
