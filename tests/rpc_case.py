# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A meeting in progress with an open ballot, driven over JSON-RPC (the
``/jsonrpc`` service phones and other clients use) as each role."""
import requests

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from .common import PDF_B64, create_user, meeting_values

# What a client may get back for a refused call: clear errors, never a crash.
CLEAR_ERRORS = {
    "odoo.exceptions.UserError", "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError", "odoo.exceptions.MissingError",
    "odoo.exceptions.except_orm", "odoo.exceptions.Warning",
}


class RpcError(Exception):
    """A JSON-RPC error as the client sees it: the exception's class name
    and its message."""

    def __init__(self, name, message):
        super().__init__("%s: %s" % (name, message))
        self.name = name
        self.message = message


class RpcCase(HttpCase):
    """Roles: ``member`` (invited, present), ``member2`` (invited, present),
    ``leader`` (chairs), ``secretary`` (the office), ``nogroup`` (an internal
    user with no paperless group). ``meeting_id`` is in progress with an open
    ``ballot_id`` (secret) and a ``document_id``."""

    ballot_values = {"name": "Adopt the plan", "secret": True}

    def setUp(self):
        super().setUp()
        # In Odoo 11 the HTTP server works on the registry's test cursor:
        # fixtures go through that cursor (rolled back at the end).
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {role: create_user(env, "rpc_%s" % role, role)
                     for role in ("member", "secretary", "leader")}
            users["member2"] = create_user(env, "rpc_member2", "member")
            users["nogroup"] = env["res.users"].with_context(
                no_reset_password=True).create({
                    "name": "No Group", "login": "rpc_nogroup",
                    "password": "rpc_nogroup", "email": "rpc_nogroup@example.org",
                    "groups_id": [(6, 0, [env.ref("base.group_user").id])]})
            office = users["secretary"]
            meeting = env["paperless.meeting"].sudo(office).create(meeting_values(
                env, users["leader"], office, users["member"] | users["member2"]))
            document = env["paperless.document"].sudo(office).create({
                "name": "Plan", "meeting_id": meeting.id, "datas": PDF_B64,
                "datas_fname": "plan.pdf"})
            meeting.action_schedule()
            meeting.with_context(paperless_start_confirmed=True).action_start()
            meeting.attendee_ids.sudo(office).action_mark_present()
            ballot = env["paperless.ballot"].sudo(office).create(dict(
                self.ballot_values, meeting_id=meeting.id))
            ballot.action_open()
            self.uids = {role: user.id for role, user in users.items()}
            self.meeting_id, self.ballot_id = meeting.id, ballot.id
            self.option_ids = ballot.option_ids.ids
            self.document_id = document.id
            self.attendee_ids = {
                role: meeting.attendee_ids.filtered(
                    lambda row, user=user: row.user_id == user).id
                for role, user in users.items()}
        self.db = get_db_name()
        self.base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]

    def rpc(self, role, model, method, *args, **kwargs):
        """``execute_kw`` over JSON-RPC as ``role``; a refusal raises
        RpcError with the server's exception class name."""
        response = requests.post(self.base + "/jsonrpc", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "service": "object", "method": "execute_kw",
                "args": [self.db, self.uids[role], "rpc_%s" % role, model, method,
                         list(args), kwargs]}}, timeout=60).json()
        if "error" in response:
            data = response["error"].get("data", {})
            raise RpcError(data.get("name", "?"), data.get("message", ""))
        return response["result"]

    def assertClearRefusal(self, role, model, method, *args, **kwargs):
        """The call is refused with a clear error (never a crash); returns
        the error."""
        with self.assertRaises(RpcError) as caught:
            self.rpc(role, model, method, *args, **kwargs)
        self.assertIn(caught.exception.name, CLEAR_ERRORS, caught.exception)
        return caught.exception

    def sql(self, query, params=()):
        with self.registry.cursor() as cr:
            cr.execute(query, params)
            return cr.fetchall() if cr.description else None
