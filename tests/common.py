# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from contextlib import contextmanager

from odoo.tests.common import SavepointCase

from .pdf_samples import build_pdf, page_objects

# A real one-page PDF with its cross-reference table (the upload check
# refuses a file without one).
PDF_BYTES = build_pdf(page_objects())
PDF_B64 = base64.b64encode(PDF_BYTES)

ROLE_GROUPS = {
    "member": "paperless_meeting.group_paperless_member",
    "leader": "paperless_meeting.group_paperless_leader",
    "secretary": "paperless_meeting.group_paperless_secretary",
    "manager": "paperless_meeting.group_paperless_manager",
}


# The office's people: Vietnamese, in Vietnam's time zone.
USER_LANG = "vi_VN"
USER_TZ = "Asia/Ho_Chi_Minh"


def create_user(env, login, role, name=None, **values):
    """A Vietnamese user holding one paperless role (and nothing else but
    internal user); ``values`` overrides the defaults (e.g. ``email=False``)."""
    return env["res.users"].with_context(no_reset_password=True).create(dict({
        "name": name or login.title(),
        "login": login,
        "password": login,
        "email": "%s@example.org" % login,
        "lang": USER_LANG,
        "tz": USER_TZ,
        "groups_id": [(6, 0, [env.ref(ROLE_GROUPS[role]).id])],
    }, **values))


def meeting_values(env, chair, secretary, attendees, **overrides):
    values = {
        "name": "Standing Committee, December",
        "kind": "standing_committee",
        "date_start": "2026-12-01 01:30:00",
        "date_end": "2026-12-01 04:30:00",
        "location": "Room 1",
        "chair_id": chair.id,
        "secretary_id": secretary.id,
        # Each item concluded: a meeting closes only with its conclusions.
        "agenda_item_ids": [(0, 0, {"name": "Budget report", "sequence": 1,
                                    "conclusion": "<p>Đã thảo luận.</p>"}),
                            (0, 0, {"name": "Draft resolution", "sequence": 2,
                                    "conclusion": "<p>Đã thảo luận.</p>"})],
        "attendee_ids": [(0, 0, {"user_id": user.id, "role": "member"})
                         for user in attendees],
    }
    values.update(overrides)
    return values


class PaperlessCase(SavepointCase):
    """One user per role, and a scheduled meeting with documents.

    ``member`` and ``member2`` are invited; ``outsider`` is a member who is
    not; ``leader`` chairs; ``secretary`` prepares it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.member = create_user(env, "pm_member", "member")
        cls.member2 = create_user(env, "pm_member2", "member")
        cls.outsider = create_user(env, "pm_outsider", "member")
        cls.leader = create_user(env, "pm_leader", "leader")
        cls.secretary = create_user(env, "pm_secretary", "secretary")
        cls.manager = create_user(env, "pm_manager", "manager")
        cls.Meeting = env["paperless.meeting"]
        cls.meeting = cls.Meeting.sudo(cls.secretary).create(meeting_values(
            env, cls.leader, cls.secretary, cls.member | cls.member2))
        cls.document = env["paperless.document"].sudo(cls.secretary).create({
            "name": "Draft resolution",
            "meeting_id": cls.meeting.id,
            "agenda_item_id": cls.meeting.agenda_item_ids[1].id,
            "datas": PDF_B64,
            "datas_fname": "resolution.pdf",
        }).sudo(env.uid)

    @classmethod
    def schedule(cls, meeting=None):
        (meeting or cls.meeting).sudo(cls.secretary).action_schedule()

    def attendee_of(self, user, meeting=None):
        return (meeting or self.meeting).attendee_ids.filtered(
            lambda attendee: attendee.user_id == user)

    @contextmanager
    def assertRefused(self, exception, regex=None):
        """Assert ``exception`` and that the transaction keeps nothing of the
        refused call, as an RPC client would see it after the rollback."""
        checker = (self.assertRaisesRegex(exception, regex) if regex
                   else self.assertRaises(exception))
        with checker:
            with self.cr.savepoint():
                yield
        self.env.clear()
