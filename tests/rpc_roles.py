# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One user per role, called over XML-RPC on the real server (as a phone or
any other client would), for the access tests."""
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, get_db_name

from .common import PDF_B64, meeting_values

# The paperless groups of each role, beside base.group_user; "internal" is an
# internal user without any paperless group, "portal" a portal user.
ROLE_GROUPS = {
    "member": ["paperless_meeting.group_paperless_member"],
    "leader": ["paperless_meeting.group_paperless_leader"],
    "secretary": ["paperless_meeting.group_paperless_secretary"],
    "manager": ["paperless_meeting.group_paperless_manager"],
    "internal": ["base.group_user"],
    "portal": ["base.group_portal"],
}
ROLES = tuple(ROLE_GROUPS)
# XML-RPC fault code of odoo.exceptions.AccessError (odoo/service/wsgi_server.py).
ACCESS_ERROR = 4


def make_user(env, login, group_xmlids):
    """A Vietnamese user in exactly the given groups (and what they imply)."""
    return env["res.users"].with_context(no_reset_password=True).create({
        "name": login.replace("_", " ").title(),
        "login": login,
        "password": login,
        "email": "%s@example.org" % login,
        "lang": "vi_VN",
        "tz": "Asia/Ho_Chi_Minh",
        "groups_id": [(6, 0, [env.ref(xmlid).id for xmlid in group_xmlids])],
    })


class RpcRolesCase(HttpCase):
    """``self.uids[role]`` for every role of ROLES plus ``outsider`` (a member
    not invited); a scheduled meeting chaired by the leader, prepared by the
    secretary, with the member invited (``meeting_id``), its document, and a
    draft meeting (``draft_id``) that only the office sees. Subclasses add
    fixtures in ``make_fixtures(env)``, run on the server's test cursor."""

    def setUp(self):
        super().setUp()
        self.db = get_db_name()
        # Odoo 11 HttpCase: the server works on the registry's test cursor,
        # not on self.cr; fixtures go through that cursor (rolled back after).
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            users = {role: make_user(env, "acl_%s" % role, groups)
                     for role, groups in ROLE_GROUPS.items()}
            users["outsider"] = make_user(env, "acl_outsider", ROLE_GROUPS["member"])
            self.uids = {role: user.id for role, user in users.items()}
            self.partner_ids = {role: user.partner_id.id
                                for role, user in users.items()}
            secretary = users["secretary"]
            Meeting = env["paperless.meeting"].sudo(secretary)
            meeting = Meeting.create(meeting_values(
                env, users["leader"], secretary, users["member"],
                name="Hội nghị bí mật", location="Phòng 7",
                online_url="https://meet.example.org/bi-mat",
                description="<p>Nội dung chương trình kín</p>"))
            document = env["paperless.document"].sudo(secretary).create({
                "name": "Dự thảo nghị quyết", "meeting_id": meeting.id,
                "datas": PDF_B64, "datas_fname": "nghi_quyet.pdf",
            })
            meeting.action_schedule()
            draft = Meeting.create(meeting_values(
                env, users["leader"], secretary, users["member"],
                name="Cuộc họp nháp kín", location="Phòng 9"))
            self.meeting_id = meeting.id
            self.event_id = meeting.calendar_event_id.id
            self.document_id = document.id
            self.draft_id = draft.id
            self.make_fixtures(env)

    def make_fixtures(self, env):
        """Hook for more fixtures, with the superuser's env of the test cursor."""

    def login(self, login):
        """Sign ``self.opener`` in as ``login`` (password = login), for the
        HTTP routes."""
        self.opener.cookies.clear()
        base = self.xmlrpc_url.rsplit("/xmlrpc/", 1)[0]
        response = self.opener.post(
            base + "/web/session/authenticate",
            json={"jsonrpc": "2.0", "method": "call", "params": {
                "db": self.db, "login": login, "password": login}},
            timeout=20).json()
        self.assertTrue(response["result"]["uid"], login)

    def call(self, role, model, method, *args, **kwargs):
        login = "acl_%s" % role
        return self.xmlrpc_object.execute_kw(
            self.db, self.uids[role], login, model, method, list(args), kwargs)

    def assertAccessError(self, role, model, method, *args, message=None,
                          **kwargs):
        """The call is refused with an AccessError (not another fault),
        saying ``message`` (in the user's language) when given."""
        with self.assertRaises(Fault) as caught:
            self.call(role, model, method, *args, **kwargs)
        self.assertEqual(
            caught.exception.faultCode, ACCESS_ERROR,
            "%s %s.%s: expected an AccessError, got %s" % (
                role, model, method, caught.exception.faultString[-300:]))
        if message:
            self.assertIn(message, caught.exception.faultString)
