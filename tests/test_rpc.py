# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The API that phones and other clients use: XML-RPC and JSON-RPC over the
real HTTP server, as each role, with each (Vietnamese) user's own context as
the clients send it."""
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from .common import PDF_B64, create_user, meeting_values


class TestRpc(HttpCase):

    def setUp(self):
        super().setUp()
        # In Odoo 11 the HTTP server works on the registry's test cursor, not
        # on self.cr: fixtures go through that cursor (rolled back at the end).
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {role: create_user(env, "rpc_%s" % role, role)
                     for role in ("member", "secretary", "leader")}
            outsider = create_user(env, "rpc_outsider", "member")
            meeting = env["paperless.meeting"].sudo(users["secretary"]).create(
                meeting_values(env, users["leader"], users["secretary"],
                               users["member"]))
            document = env["paperless.document"].sudo(users["secretary"]).create({
                "name": "Budget", "meeting_id": meeting.id, "datas": PDF_B64,
                "datas_fname": "budget.pdf",
            })
            self.uids = {role: user.id for role, user in users.items()}
            self.uids["outsider"] = outsider.id
            self.meeting_id = meeting.id
            self.document_id = document.id
        self.db = get_db_name()
        self.contexts = {}

    def call(self, role, model, method, *args, **kwargs):
        password = "rpc_%s" % role
        if role not in self.contexts:
            # What a client does once after login: the user's own context.
            self.contexts[role] = self.xmlrpc_object.execute_kw(
                self.db, self.uids[role], password, "res.users", "context_get", [])
        kwargs.setdefault("context", self.contexts[role])
        return self.xmlrpc_object.execute_kw(
            self.db, self.uids[role], password, model, method, list(args), kwargs)

    def assertFault(self, code, text):
        """A refusal reaches the client as a Fault of the exception's class
        (2: UserError, 4: AccessError, 1: any other), in Vietnamese."""
        return self.assertRaisesRegex(Fault, "^<Fault %d: .*%s" % (code, text))

    def test_xmlrpc_workflow_as_office_and_member(self):
        self.assertIs(self.call("secretary", "paperless.meeting", "action_schedule",
                                [self.meeting_id]), True)
        meetings = self.call("member", "paperless.meeting", "search_read",
                             [], ["name", "state", "my_response"])
        self.assertEqual([(m["id"], m["state"], m["my_response"]) for m in meetings],
                         [(self.meeting_id, "scheduled", "invited")])
        attendee_ids = self.call("member", "paperless.meeting.attendee", "search",
                                 [("meeting_id", "=", self.meeting_id),
                                  ("user_id", "=", self.uids["member"])])
        self.assertIs(self.call("member", "paperless.meeting.attendee",
                                "action_decline", attendee_ids, "Đi công tác"), True)
        self.assertEqual(self.call("member", "paperless.meeting.attendee", "read",
                                   attendee_ids, ["response"])[0]["response"],
                         "declined")
        for method in ("action_start", "action_done"):
            self.assertIs(self.call(
                "secretary", "paperless.meeting", method, [self.meeting_id],
                context={"paperless_start_confirmed": True}), True)

    def test_xmlrpc_refusals_are_clear_faults(self):
        self.call("secretary", "paperless.meeting", "action_schedule",
                  [self.meeting_id])
        with self.assertFault(4, "hạn chế về an ninh"):
            self.call("outsider", "paperless.meeting", "read",
                      [self.meeting_id], ["name"])
        with self.assertFault(4, "hạn chế về an ninh"):
            self.call("outsider", "paperless.document", "read",
                      [self.document_id], ["datas"])
        with self.assertFault(4, "Chỉ Văn phòng"):
            self.call("member", "paperless.meeting", "action_start",
                      [self.meeting_id])
        with self.assertFault(1, "ValidationError.*phải sau thời gian bắt đầu"):
            self.call("secretary", "paperless.meeting", "write", [self.meeting_id],
                      {"date_end": "2026-11-30 00:00:00"})
        with self.assertFault(1, "ValidationError.*nêu lý do"):
            ids = self.call("member", "paperless.meeting.attendee", "search",
                            [("user_id", "=", self.uids["member"])])
            self.call("member", "paperless.meeting.attendee", "action_decline", ids)

    def test_jsonrpc_member_answers_from_the_phone(self):
        self.call("secretary", "paperless.meeting", "action_schedule",
                  [self.meeting_id])
        base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]
        response = self.opener.post(
            base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": "rpc_member", "password": "rpc_member"}},
            timeout=20).json()
        self.assertEqual(response["result"]["uid"], self.uids["member"])
        # The web client sends the session's user context with every call.
        context = response["result"]["user_context"]
        self.assertEqual((context["lang"], context["tz"]),
                         ("vi_VN", "Asia/Ho_Chi_Minh"))

        def call_kw(model, method, args):
            return self.opener.post(base + "/web/dataset/call_kw", json={
                "jsonrpc": "2.0", "method": "call", "params": {
                    "model": model, "method": method, "args": args,
                    "kwargs": {"context": context}},
            }, timeout=20).json()

        ids = call_kw("paperless.meeting.attendee", "search",
                      [[("user_id", "=", self.uids["member"])]])["result"]
        self.assertEqual(len(ids), 1)
        self.assertIs(call_kw("paperless.meeting.attendee", "action_accept",
                              [ids])["result"], True)
        refused = call_kw("paperless.meeting.attendee", "write",
                          [ids, {"role": "chair"}])
        self.assertEqual(refused["error"]["data"]["name"],
                         "odoo.exceptions.AccessError")
        self.assertIn("do Văn phòng quản lý", refused["error"]["data"]["message"])
