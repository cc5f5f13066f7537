# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue #12 on the real server: the leader directs an incoming document
onto a meeting over XML-RPC; the invitee reads its file through the stamped
reader over HTTP, but not the incoming document over XML-RPC or JSON-RPC."""
import requests

from .common import PDF_B64
from .rpc_case import RpcError
from .rpc_roles import ROLE_GROUPS, RpcRolesCase, make_user

MODEL = "paperless.incoming.document"


class TestIncomingAgendaRpc(RpcRolesCase):

    def make_fixtures(self, env):
        secretary = env["res.users"].browse(self.uids["secretary"])
        handler = make_user(env, "acl_handler", ROLE_GROUPS["member"])
        self.uids["handler"] = handler.id
        document = env[MODEL].sudo(secretary).create({
            "sender": "Ban Tuyên giáo", "reference": "88-CV/BTG",
            "summary": "Về kế hoạch tuyên truyền", "received_date": "2026-11-25",
            "leader_id": self.uids["leader"]})
        self.file = env["paperless.document"].sudo(secretary).create({
            "name": "Công văn 88", "incoming_id": document.id,
            "datas": PDF_B64, "datas_fname": "cong_van_88.pdf"})
        document.action_register()
        document.action_submit()
        self.incoming_id = document.id

    def json_call(self, role, model, method, *args, **kwargs):
        base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]
        response = requests.post(base + "/jsonrpc", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "service": "object", "method": "execute_kw",
                "args": [self.db, self.uids[role], "acl_%s" % role, model,
                         method, list(args), kwargs]}}, timeout=60).json()
        if "error" in response:
            data = response["error"].get("data", {})
            raise RpcError(data.get("name", "?"), data.get("message", ""))
        return response["result"]

    def login(self, login):
        self.opener.cookies.clear()
        base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]
        response = self.opener.post(
            base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}},
            timeout=20).json()
        self.assertTrue(response["result"]["uid"], login)

    def test_direction_onto_a_meeting_and_the_invitee_reads_the_copy(self):
        # The leader directs over XML-RPC, onto the draft meeting they chair.
        self.call("leader", MODEL, "write", [self.incoming_id], {
            "direction": "Đưa ra họp cho ý kiến.",
            "assignee_id": self.uids["handler"], "deadline": "2026-12-20",
            "meeting_id": self.draft_id})
        self.assertTrue(self.call("leader", MODEL, "action_direct",
                                  [self.incoming_id]))
        row = self.call("secretary", MODEL, "read", [self.incoming_id],
                        ["state", "agenda_item_id"])[0]
        self.assertEqual(row["state"], "directed")
        item_id = row["agenda_item_id"][0]
        copies = self.call("secretary", "paperless.document", "search",
                           [("agenda_item_id", "=", item_id)])
        self.assertEqual(len(copies), 1)
        self.call("secretary", "paperless.meeting", "action_schedule",
                  [self.draft_id])

        # The invitee reads the copy, stamped and logged, not the original.
        self.login("acl_member")
        response = self.url_open("/paperless/document/%d" % copies[0])
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get("Content-Type"), "application/pdf")
        self.assertTrue(response.headers.get("X-Paperless-Trace-Id"))
        self.assertEqual(self.url_open(
            "/paperless/document/%d" % self.file.id).status_code, 404)
        logs = self.call("secretary", "paperless.document.access", "search_read",
                         [("document_id", "=", copies[0])], fields=["user_id"])
        self.assertEqual([row["user_id"][0] for row in logs], [self.uids["member"]])

        # The incoming document stays out of the invitee's reach.
        self.assertEqual(self.call("member", MODEL, "search",
                                   [("id", "=", self.incoming_id)]), [])
        self.assertAccessError("member", MODEL, "read", [self.incoming_id],
                               ["summary"])
        self.assertAccessError("member", "paperless.agenda.item", "read",
                               [item_id], ["incoming_ids"])
        with self.assertRaises(RpcError) as caught:
            self.json_call("member", MODEL, "read", [self.incoming_id],
                           ["summary", "direction"])
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        # The item itself is the meeting's, read by the invitee.
        item = self.json_call("member", "paperless.agenda.item", "read",
                              [item_id], ["name", "description"])[0]
        self.assertEqual(item["name"], "Về kế hoạch tuyên truyền")
        self.assertIn("88-CV/BTG", item["description"])

    def test_leader_not_presented_cannot_set_the_meeting(self):
        # The manager, a leader too, was not presented the document.
        with self.assertRaises(RpcError) as caught:
            self.json_call("manager", MODEL, "write", [self.incoming_id],
                           {"meeting_id": self.draft_id})
        self.assertEqual(caught.exception.name, "odoo.exceptions.UserError")
        self.assertAccessError("manager", MODEL, "action_direct",
                               [self.incoming_id])
        with self.assertRaises(RpcError) as caught:
            self.json_call("outsider", MODEL, "write", [self.incoming_id],
                           {"meeting_id": self.draft_id})
        self.assertEqual(caught.exception.name, "odoo.exceptions.AccessError")
        # A scheduled meeting: refused with the reason, in Vietnamese for a
        # client that sends the user's language (as the web client does).
        with self.assertRaises(RpcError) as caught:
            self.json_call("leader", MODEL, "write", [self.incoming_id],
                           {"meeting_id": self.meeting_id},
                           context={"lang": "vi_VN"})
        self.assertEqual(caught.exception.name, "odoo.exceptions.UserError")
        self.assertIn("đã được lên lịch", caught.exception.message)
        row = self.call("secretary", MODEL, "read", [self.incoming_id],
                        ["meeting_id", "state"])[0]
        self.assertEqual((row["meeting_id"], row["state"]), (False, "submitted"))
