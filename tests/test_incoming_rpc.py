# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Incoming documents over XML-RPC and HTTP, one user per role: what each
finds, reads and counts, who may direct, and their files through the same
stamped reader as meeting documents."""
from .common import PDF_B64
from .rpc_roles import RpcRolesCase

MODEL = "paperless.incoming.document"


class TestIncomingRpc(RpcRolesCase):

    def make_fixtures(self, env):
        secretary = env["res.users"].browse(self.uids["secretary"])
        Incoming = env[MODEL].sudo(secretary)

        def new(summary, **values):
            return Incoming.create(dict({
                "sender": "Ủy ban kiểm tra", "summary": summary,
                "received_date": "2026-11-25"}, **values))

        self.draft_in = new("Nháp kín")
        self.presented_in = new("Đã trình", leader_id=self.uids["leader"])
        self.directed_in = new("Đã giao", leader_id=self.uids["leader"])
        for document in (self.presented_in, self.directed_in):
            document.action_register()
            document.action_submit()
        self.file = env["paperless.document"].sudo(secretary).create({
            "name": "Công văn đến", "incoming_id": self.directed_in.id,
            "datas": PDF_B64, "datas_fname": "cong_van.pdf"})
        as_leader = self.directed_in.sudo(self.uids["leader"])
        as_leader.write({"direction": "Đồng chí chủ trì xử lý.",
                         "assignee_id": self.uids["member"],
                         "deadline": "2026-12-10"})
        as_leader.action_direct()
        self.every = [self.draft_in.id, self.presented_in.id, self.directed_in.id]

    def found(self, role):
        domain = [("id", "in", self.every)]
        ids = sorted(self.call(role, MODEL, "search", domain))
        read = sorted(row["id"] for row in self.call(
            role, MODEL, "search_read", domain, fields=["summary"]))
        count = sum(row["state_count"] for row in self.call(
            role, MODEL, "read_group", domain, ["state"], ["state"]))
        self.assertEqual(read, ids, role)
        self.assertEqual(count, len(ids), role)
        return ids

    def test_visibility_per_role(self):
        everything = sorted(self.every)
        self.assertEqual(self.found("secretary"), everything)
        self.assertEqual(self.found("manager"), everything)
        self.assertEqual(self.found("leader"), sorted(
            [self.presented_in.id, self.directed_in.id]))
        self.assertEqual(self.found("member"), [self.directed_in.id])
        self.assertEqual(self.found("outsider"), [])
        for role in ("internal", "portal"):
            self.assertAccessError(role, MODEL, "search", [])
        self.assertAccessError("outsider", MODEL, "read", [self.presented_in.id],
                               ["summary"])
        self.assertAccessError("member", MODEL, "read", [self.presented_in.id],
                               ["direction"])

    def test_direction_over_rpc(self):
        presented = self.presented_in.id
        for role in ("member", "outsider", "internal"):
            self.assertAccessError(role, MODEL, "action_direct", [presented])
        # The office sees it but does not direct it.
        self.assertAccessError("secretary", MODEL, "action_direct", [presented])
        self.call("leader", MODEL, "write", [presented], {
            "direction": "Văn phòng tham mưu.", "assignee_id": self.uids["member"],
            "deadline": "2026-12-09"})
        self.assertTrue(self.call("leader", MODEL, "action_direct", [presented]))
        row = self.call("member", MODEL, "read", [presented], ["state", "direction"])
        self.assertEqual((row[0]["state"], row[0]["direction"]),
                         ("directed", "Văn phòng tham mưu."))

    def test_files_through_the_stamped_reader(self):
        url = "/paperless/document/%d" % self.file.id
        reader = "/my/documents/%d/read" % self.file.id
        self.login("acl_member")
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers.get("X-Paperless-Trace-Id"))
        self.assertEqual(self.url_open(reader).status_code, 200)
        for login in ("acl_outsider", "acl_leader"):
            self.login(login)
            expected = 200 if login == "acl_leader" else 404
            self.assertEqual(self.url_open(url).status_code, expected, login)
        # The read is logged for the reader.
        logs = self.call("secretary", "paperless.document.access", "search_read",
                         [("document_id", "=", self.file.id)], fields=["user_id"])
        self.assertEqual(sorted(row["user_id"][0] for row in logs),
                         sorted([self.uids["member"], self.uids["leader"]]))
