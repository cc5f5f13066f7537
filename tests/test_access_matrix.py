# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may do what on every paperless model, over XML-RPC, one user per role.

MATRIX is the intended answer. Meetings: ``m`` is in progress, with the member
and a guest invited and the leader in the chair; ``d`` is a draft chaired by
the leader, the member invited; ``x`` is scheduled, neither the member nor the
leader invited. Each model's fixture rows are labelled ``<meeting>[:<what>]``
(see ``fixture_*``).

``see``: one cell per role, in ROLES order (member, leader, secretary,
manager, internal user without a paperless group, portal user): the fixture
rows the role finds (search), reads (read) and counts (read_group), as labels
or label prefixes ("m" is every row of meeting m), "*" for every row, "" for
none (allowed, nothing found), "-" for refused (AccessError on all three).
``create``, ``write``, ``unlink``: one letter per role: Y allowed, - refused
with an AccessError, o only on the role's own row (refused on another's).

Adding a model: one line in MATRIX and a ``fixture_<model>`` method.
"""
from xmlrpc.client import Fault

from odoo import SUPERUSER_ID, api

from .common import PDF_B64, meeting_values
from .rpc_roles import ACCESS_ERROR, ROLES, RpcRolesCase, make_user

ALL = "*"
REFUSED = "-"

MATRIX = [
    # model, see (member, leader, secretary, manager, internal, portal),
    #     create, write, unlink
    ("paperless.meeting", ("m", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.meeting.attendee", ("m", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.agenda.item", ("m", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.document", ("m", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.document.comment", ("m:member m:secretary", "m:secretary",
                                    "m:secretary d x", "m:secretary d x", "-", "-"),
     "YYYY--", "o-Y---", "o-Y---"),
    ("paperless.document.access", ("m:member", "m:leader", ALL, ALL, "-", "-"),
     "------", "------", "------"),
    ("paperless.ballot", ("m:closed", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.ballot.option", ("m:closed", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.ballot.voter", ("m:closed:member", "m:closed:leader", ALL, ALL,
                                "-", "-"),
     "------", "------", "------"),
    ("paperless.ballot.vote", ("-", "-", ALL, ALL, "-", "-"),
     "------", "------", "------"),
    ("paperless.ballot.seal", ("-", "-", ALL, ALL, "-", "-"),
     "------", "------", "------"),
    ("paperless.paper", ("-", "-", ALL, ALL, "-", "-"),
     "------", "------", "------"),
    ("paperless.paper.setting", ("-", "-", ALL, ALL, "-", "-"),
     "------", "---Y--", "------"),
    ("paperless.reserved.opinion", ("m", "m d", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.resolution", ("m:issued", "m:issued", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.consultation", ("m", "m", ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    ("paperless.consultation.response", ("m:member", "m:leader", ALL, ALL, "-", "-"),
     "------", "------", "------"),
    # i: incoming documents of the unit; the leader is presented
    # "presented" and "directed", the member assigned "directed".
    ("paperless.incoming.document", ("i:directed", "i:presented i:directed",
                                     ALL, ALL, "-", "-"),
     "--YY--", "--YY--", "--YY--"),
    # p: petitions of the unit; "p:member" a denunciation handled by the
    # member, "p:leader" a complaint handled by the leader, "p:none" a
    # denunciation nobody handles yet; both denunciations extended. Who
    # sent a denunciation: its handler and the managers only. The office
    # and the managers record a sender through the petition (its create
    # and write): a direct create is refused, as Odoo 11 checks the write
    # of the row's stored unit (company_id) against their unit rules
    # while it is still empty.
    ("paperless.petition", ("p:member", "p:leader", ALL, ALL, "-", "-"),
     "--YY--", "ooYY--", "--YY--"),
    ("paperless.petition.identity", ("p:member", "p:leader", "p:leader", ALL,
                                     "-", "-"),
     "YY----", "oooY--", "--oY--"),
    ("paperless.petition.extension", ("p:member", "", ALL, ALL, "-", "-"),
     "------", "------", "------"),
]


def fixture_name(model):
    return "fixture_%s" % model.replace(".", "_")


class TestAccessMatrix(RpcRolesCase):

    # ------------------------------------------------------------------
    # Fixtures: self.rows[model] = {label: id}
    # ------------------------------------------------------------------
    def make_fixtures(self, env):
        users = env["res.users"].browse
        self.users = {role: users(uid) for role, uid in self.uids.items()}
        guest = make_user(env, "acl_guest",
                          ["paperless_meeting.group_paperless_member"])
        self.uids["guest"] = guest.id
        secretary = self.users["secretary"]
        Meeting = env["paperless.meeting"].sudo(secretary)
        meetings = {"m": Meeting.browse(self.meeting_id),
                    "d": Meeting.browse(self.draft_id)}
        meetings["x"] = Meeting.create(meeting_values(
            env, self.users["manager"], secretary, self.users["outsider"],
            name="Cuộc họp khác"))
        meetings["x"].action_schedule()
        Attendee = env["paperless.meeting.attendee"].sudo(secretary)
        Attendee.create({"meeting_id": self.meeting_id, "user_id": guest.id,
                         "role": "member"})
        self.meetings = {key: meeting.id for key, meeting in meetings.items()}
        Document = env["paperless.document"].sudo(secretary)
        documents = {"m": Document.browse(self.document_id)}
        for key in ("d", "x"):
            documents[key] = Document.create({
                "name": "Tài liệu %s" % key, "meeting_id": self.meetings[key],
                "datas": PDF_B64, "datas_fname": "%s.pdf" % key})
        self.documents = {key: document.id for key, document in documents.items()}
        self.rows = {}
        self.rows["paperless.meeting"] = dict(self.meetings)
        self.rows["paperless.document"] = dict(self.documents)
        self.rows["paperless.meeting.attendee"] = {
            "%s:%s" % (key, self.role_of(attendee.user_id.id)): attendee.id
            for key, meeting in meetings.items()
            for attendee in meeting.attendee_ids}
        self.rows["paperless.agenda.item"] = {
            "%s:%d" % (key, number): item.id
            for key, meeting in meetings.items()
            for number, item in enumerate(meeting.agenda_item_ids, 1)}
        self._make_notes(env, documents)
        self._make_access_log(env)
        self._make_ballots(env, meetings)
        self._make_papers(env, meetings)
        self._make_consultations(env)
        self._make_incoming(env)
        self._make_petitions(env)
        # A stored field of each model to read and group by: reading only
        # "id" would skip the record rules in Odoo 11.
        self.read_fields = {
            model: next(name for name, field in env[model]._fields.items()
                        if field.store and name != "id"
                        and field.type in ("char", "integer", "many2one"))
            for model in self.rows}

    def role_of(self, uid):
        return {value: key for key, value in self.uids.items()}[uid]

    def _make_notes(self, env, documents):
        Comment = env["paperless.document.comment"]
        notes = {
            "m:member": Comment.sudo(self.users["member"]).create({
                "document_id": documents["m"].id, "body": "Ghi chú riêng"}),
        }
        for key, visibility in (("m", "attendees"), ("d", "secretary"),
                                ("x", "attendees")):
            notes["%s:secretary" % key] = Comment.sudo(self.users["secretary"]).create({
                "document_id": documents[key].id, "body": "Ghi chú %s" % key,
                "visibility": visibility})
        self.rows["paperless.document.comment"] = {
            label: note.id for label, note in notes.items()}

    def _make_access_log(self, env):
        # As the reading route writes them: with sudo, after its access check.
        Access = env["paperless.document.access"]
        self.rows["paperless.document.access"] = {
            "%s:%s" % (key, role): Access.create({
                "document_id": self.documents[key],
                "user_id": self.uids[role]}).id
            for key, role in (("m", "member"), ("m", "leader"), ("x", "secretary"))}

    def _make_ballots(self, env, meetings):
        """A named ballot voted on by the member and the leader and closed in
        meeting m, and draft ballots in every meeting; all through the actions
        the office, the chair and the voters use."""
        secretary = self.users["secretary"]
        Ballot = env["paperless.ballot"].sudo(secretary)
        meeting = meetings["m"]
        # Started early on purpose (the fixed dates are in the future).
        meeting.with_context(paperless_start_confirmed=True).action_start()
        meeting.attendee_ids.filtered(
            lambda attendee: attendee.user_id.id in (
                self.uids["member"], self.uids["leader"])).action_mark_present()
        closed = Ballot.create({"meeting_id": meeting.id,
                                "name": "Thông qua nghị quyết"})
        closed.action_open()
        for role, number in (("member", 0), ("leader", 1)):
            closed.sudo(self.users[role]).cast_vote(closed.option_ids[number].id)
        closed.action_close()
        ballots = {"m:closed": closed}
        for key in ("m", "d", "x"):
            ballots["%s:draft" % key] = Ballot.create({
                "meeting_id": self.meetings[key], "name": "Dự kiến %s" % key})
        self.rows["paperless.ballot"] = {
            label: ballot.id for label, ballot in ballots.items()}
        self.rows["paperless.ballot.option"] = {
            "%s:%d" % (label, number): option.id
            for label, ballot in ballots.items()
            for number, option in enumerate(ballot.option_ids, 1)}
        # Technical reads of who voted, to label the rows.
        self.rows["paperless.ballot.voter"] = {
            "m:closed:%s" % self.role_of(voter.user_id.id): voter.id
            for voter in closed.sudo().voter_ids}
        self.rows["paperless.ballot.vote"] = {
            "m:closed:%s" % self.role_of(vote.voter_user_id.id): vote.id
            for vote in env["paperless.ballot.vote"].search([
                ("ballot_id", "=", closed.id)])}
        self.rows["paperless.ballot.seal"] = {"m:closed": closed.sudo().seal_id.id}

    def _make_papers(self, env, meetings):
        """The registers' lines the fixtures issued, the unit's paper
        settings, reserved opinions, and a draft and an issued resolution of
        a motion meeting m passed."""
        secretary = self.users["secretary"]
        keys = {meeting_id: key for key, meeting_id in self.meetings.items()}
        self.rows["paperless.paper"] = {
            "%s:%s" % (keys[paper.meeting_id.id], paper.kind): paper.id
            for paper in env["paperless.paper"].search([
                ("meeting_id", "in", list(self.meetings.values()))])}
        self.rows["paperless.paper.setting"] = {
            "u:%s" % setting.kind: setting.id
            for setting in env["paperless.paper.setting"].search([
                ("company_id", "=", secretary.company_id.id)])}
        Opinion = env["paperless.reserved.opinion"].sudo(secretary)
        self.rows["paperless.reserved.opinion"] = {
            "%s:1" % key: Opinion.create({
                "agenda_item_id": meetings[key].agenda_item_ids[0].id,
                "user_id": meetings[key].attendee_ids[-1].user_id.id,
                "opinion": "Bảo lưu ý kiến %s" % key}).id
            for key in ("m", "d", "x")}
        passed = env["paperless.ballot"].sudo(secretary).create({
            "meeting_id": self.meeting_id, "name": "Thông qua đề án",
            "pass_rule": "cast_majority"})
        passed.action_open()
        for role in ("member", "leader"):
            passed.sudo(self.users[role]).cast_vote(passed.option_ids[0].id)
        passed.action_close()
        self.passed_ballot_id = passed.id
        Resolution = env["paperless.resolution"].sudo(secretary)
        resolutions = {
            label: Resolution.create({
                "name": "Nghị quyết %s" % label, "meeting_id": self.meeting_id,
                "ballot_id": passed.id, "content": "<p>Quyết nghị.</p>"})
            for label in ("m:draft", "m:issued")}
        resolutions["m:issued"].action_issue()
        self.rows["paperless.resolution"] = {
            label: resolution.id for label, resolution in resolutions.items()}

    def _make_consultations(self, env):
        """Requests for opinions: ``m`` open, asked of the member and the
        leader, both answered; ``d`` a draft asked of the member; ``x`` open,
        asked of the outsider only."""
        Consultation = env["paperless.consultation"].sudo(self.users["secretary"])
        asked = {"m": ["member", "leader"], "d": ["member"], "x": ["outsider"]}
        consultations = {}
        for key, roles in asked.items():
            consultations[key] = Consultation.create({
                "name": "Xin ý kiến %s" % key, "description": "<p>Dự thảo.</p>",
                "deadline": "2099-12-05 10:00:00",
                "respondent_ids": [(6, 0, [self.uids[role] for role in roles])]})
        (consultations["m"] | consultations["x"]).action_open()
        responses = {}
        for role in ("member", "leader"):
            responses["m:%s" % role] = consultations["m"].sudo(
                self.users[role]).respond("agree")
        self.rows["paperless.consultation"] = {
            key: consultation.id for key, consultation in consultations.items()}
        self.rows["paperless.consultation.response"] = responses

    def _make_incoming(self, env):
        """Incoming documents: a draft, one presented to the leader, one
        the leader directed to the member."""
        Incoming = env["paperless.incoming.document"].sudo(self.users["secretary"])
        rows = {}
        for label in ("draft", "presented", "directed"):
            rows["i:%s" % label] = document = Incoming.create({
                "sender": "Tỉnh ủy", "summary": "Văn bản %s" % label,
                "leader_id": self.uids["leader"]})
            if label != "draft":
                document.action_register()
                document.action_submit()
        directed = rows["i:directed"].sudo(self.users["leader"])
        directed.write({"direction": "Giao đồng chí xử lý.",
                        "assignee_id": self.uids["member"],
                        "deadline": "2099-12-31"})
        directed.action_direct()
        self.rows["paperless.incoming.document"] = {
            label: document.id for label, document in rows.items()}

    def _make_petitions(self, env):
        """Petitions recorded by the office with their senders, accepted
        and extended through the actions."""
        Petition = env["paperless.petition"].sudo(self.users["secretary"])
        handlers = {"member": self.uids["member"], "leader": self.uids["leader"],
                    "none": False}
        petitions = {}
        for key, handler in handlers.items():
            petitions["p:%s" % key] = petition = Petition.create({
                "name": "Đơn %s" % key, "received_date": "2026-11-02",
                "petition_type": "complaint" if key == "leader" else "denunciation",
                "handler_id": handler, "petitioner_name": "Người gửi %s" % key})
            if key != "leader":
                petition.action_accept("2026-11-03")
                petition.action_extend(reason="Cần xác minh thêm")
        self.rows["paperless.petition"] = {
            label: petition.id for label, petition in petitions.items()}
        Identity = env["paperless.petition.identity"]
        self.rows["paperless.petition.identity"] = {
            label: Identity.search([("petition_id", "=", petition.id)]).id
            for label, petition in petitions.items()}
        self.rows["paperless.petition.extension"] = {
            label: petition.extension_ids.id
            for label, petition in petitions.items() if petition.extension_ids}

    def _bare_petition(self, env, petition_type="complaint", handler=None):
        """A new petition of the unit without a sender."""
        return env["paperless.petition"].create({
            "name": "Đơn mới", "petition_type": petition_type,
            "handler_id": self.uids[handler] if handler else False}).id

    # ------------------------------------------------------------------
    # What each model needs for create / write / unlink. ``fresh`` builds,
    # with the superuser's env, a new row to delete (owned by ``owner``, a
    # role, where rows have an owner).
    # ------------------------------------------------------------------
    def fixture_paperless_meeting(self):
        def fresh(env, owner):
            return env["paperless.meeting"].create(meeting_values(
                env, self.users["leader"], self.users["secretary"],
                self.users["member"], name="Để xoá")).id
        return {
            "create": lambda role: {
                "name": "Họp mới", "date_start": "2026-12-05 01:00:00",
                "date_end": "2026-12-05 03:00:00"},
            "write": ("m", {"location": "Phòng 8"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_meeting_attendee(self):
        def fresh(env, owner):
            values = {"meeting_id": self.draft_id, "user_id": self.uids["guest"]}
            Attendee = env["paperless.meeting.attendee"]
            # A refused unlink leaves the row of the last attempt.
            domain = [(key, "=", value) for key, value in values.items()]
            return (Attendee.search(domain) or Attendee.create(values)).id
        return {
            "create": lambda role: {"meeting_id": self.draft_id,
                                    "user_id": self.uids[role], "role": "guest"},
            # Invitees answer through the actions only, never by write.
            "write": ("m:guest", {"role": "guest"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_agenda_item(self):
        def fresh(env, owner):
            return env["paperless.agenda.item"].create({
                "meeting_id": self.draft_id, "name": "Để xoá"}).id
        return {
            "create": lambda role: {"meeting_id": self.draft_id, "name": "Mục mới"},
            "write": ("m:1", {"description": "Ghi chú"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_document(self):
        def fresh(env, owner):
            return env["paperless.document"].create({
                "name": "Để xoá", "meeting_id": self.draft_id, "datas": PDF_B64,
                "datas_fname": "xoa.pdf"}).id
        return {
            "create": lambda role: {
                "name": "Tài liệu mới", "meeting_id": self.draft_id,
                "datas": PDF_B64.decode(), "datas_fname": "moi.pdf"},
            "write": ("m", {"description": "Tóm tắt"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_document_comment(self):
        def fresh(env, owner):
            author = env["res.users"].browse(self.uids[owner or "secretary"])
            return env["paperless.document.comment"].sudo(author).create({
                "document_id": self.document_id, "body": "Để xoá"}).id
        return {
            "create": lambda role: {"document_id": self.document_id,
                                    "body": "Ghi chú của tôi"},
            "write": ("m:secretary", {"body": "Sửa lại"}),
            "own": {"member": "m:member"}, "fresh": fresh,
        }

    def fixture_paperless_document_access(self):
        def fresh(env, owner):
            return self.rows["paperless.document.access"]["m:member"]
        return {
            "create": lambda role: {"document_id": self.document_id,
                                    "user_id": self.uids[role]},
            "write": ("m:member", {"mode": "download"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_ballot(self):
        def fresh(env, owner):
            return env["paperless.ballot"].create({
                "meeting_id": self.draft_id, "name": "Để xoá"}).id
        return {
            "create": lambda role: {"meeting_id": self.draft_id,
                                    "name": "Biểu quyết mới"},
            "write": ("m:draft", {"name": "Câu hỏi sửa"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_ballot_option(self):
        ballot_id = self.rows["paperless.ballot"]["d:draft"]

        def fresh(env, owner):
            return env["paperless.ballot.option"].create({
                "ballot_id": ballot_id, "name": "Để xoá"}).id
        return {
            "create": lambda role: {"ballot_id": ballot_id, "name": "Phương án mới"},
            "write": ("m:draft:1", {"name": "Phương án sửa"}), "own": {},
            "fresh": fresh,
        }

    def fixture_paperless_ballot_voter(self):
        return {
            "create": lambda role: {
                "ballot_id": self.rows["paperless.ballot"]["m:draft"],
                "user_id": self.uids[role]},
            "write": ("m:closed:member", {"user_id": self.uids["guest"]}), "own": {},
            "fresh": lambda env, owner: self.rows[
                "paperless.ballot.voter"]["m:closed:member"],
        }

    def fixture_paperless_ballot_vote(self):
        options = self.rows["paperless.ballot.option"]
        return {
            "create": lambda role: {
                "ballot_id": self.rows["paperless.ballot"]["m:draft"],
                "option_id": options["m:draft:1"], "voter_user_id": self.uids[role]},
            "write": ("m:closed:member", {"option_id": options["m:closed:2"]}),
            "own": {},
            "fresh": lambda env, owner: self.rows[
                "paperless.ballot.vote"]["m:closed:member"],
        }

    def fixture_paperless_ballot_seal(self):
        return {
            "create": lambda role: {
                "ballot_id": self.rows["paperless.ballot"]["m:draft"],
                "sequence": 999999, "hash": "0" * 64},
            "write": ("m:closed", {"hash": "0" * 64}), "own": {},
            "fresh": lambda env, owner: self.rows["paperless.ballot.seal"]["m:closed"],
        }

    def fixture_paperless_paper(self):
        return {
            "create": lambda role: {
                "name": "99-GM/TU", "company_id": self.users[role].company_id.id,
                "kind": "invitation", "year": 2026, "sequence_number": 99,
                "date_issued": "2026-12-01", "res_model": "paperless.meeting",
                "res_id": self.draft_id},
            "write": ("m:invitation", {"subject": "Sửa trích yếu"}), "own": {},
            "fresh": lambda env, owner: self.rows["paperless.paper"]["m:invitation"],
        }

    def fixture_paperless_paper_setting(self):
        return {
            "create": lambda role: {"company_id": self.users[role].company_id.id,
                                    "kind": "invitation"},
            "write": ("u:invitation", {"signer_title": "BÍ THƯ"}), "own": {},
            "fresh": lambda env, owner: self.rows[
                "paperless.paper.setting"]["u:invitation"],
        }

    def fixture_paperless_reserved_opinion(self):
        item_id = self.rows["paperless.agenda.item"]["d:1"]

        def fresh(env, owner):
            return env["paperless.reserved.opinion"].create({
                "agenda_item_id": item_id, "user_id": self.uids["member"],
                "opinion": "Để xoá"}).id
        return {
            "create": lambda role: {"agenda_item_id": item_id,
                                    "user_id": self.uids["member"],
                                    "opinion": "Ý kiến bảo lưu"},
            "write": ("m:1", {"opinion": "Sửa lại"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_resolution(self):
        def fresh(env, owner):
            return env["paperless.resolution"].create({
                "name": "Để xoá", "meeting_id": self.meeting_id,
                "ballot_id": self.passed_ballot_id}).id
        return {
            "create": lambda role: {"name": "Nghị quyết mới",
                                    "meeting_id": self.meeting_id,
                                    "ballot_id": self.passed_ballot_id},
            "write": ("m:draft", {"name": "Sửa trích yếu"}), "own": {},
            "fresh": fresh,
        }

    def fixture_paperless_consultation(self):
        def fresh(env, owner):
            return env["paperless.consultation"].create({
                "name": "Để xoá", "deadline": "2099-12-05 10:00:00"}).id
        return {
            "create": lambda role: {"name": "Xin ý kiến mới",
                                    "deadline": "2099-12-06 10:00:00"},
            "write": ("m", {"deadline": "2099-12-07 10:00:00"}), "own": {},
            "fresh": fresh,
        }

    def fixture_paperless_consultation_response(self):
        rows = self.rows["paperless.consultation.response"]
        return {
            "create": lambda role: {
                "consultation_id": self.rows["paperless.consultation"]["x"],
                "user_id": self.uids[role]},
            # (Answers are set by respond only: the ACL refuses any write.)
            "write": ("m:member", {"user_id": self.uids["member"]}), "own": {},
            "fresh": lambda env, owner: rows["m:member"],
        }

    def fixture_paperless_incoming_document(self):
        def fresh(env, owner):
            return env["paperless.incoming.document"].create({
                "sender": "Để xoá", "summary": "Để xoá"}).id
        return {
            "create": lambda role: {"sender": "Huyện ủy", "summary": "Văn bản mới",
                                    "company_id": self.users[role].company_id.id},
            "write": ("i:draft", {"notes": "Ghi chú"}), "own": {}, "fresh": fresh,
        }

    def fixture_paperless_petition(self):
        def fresh(env, owner):
            return env["paperless.petition"].create({"name": "Để xoá"}).id
        return {
            "create": lambda role: {"name": "Đơn mới", "received_date": "2026-11-05",
                                    "company_id": self.users[role].company_id.id},
            "write": ("p:none", {"content": "Nội dung đơn"}),
            "own": {"member": "p:member", "leader": "p:leader"}, "fresh": fresh,
        }

    def fixture_paperless_petition_identity(self):
        def fresh(env, owner):
            # The office's own: a complaint's sender; another's: a
            # denunciation's (protected).
            petition_type = "complaint" if owner == "secretary" else "denunciation"
            return env["paperless.petition.identity"].create({
                "petition_id": self._bare_petition(env, petition_type),
                "petitioner_name": "Để xoá"}).id
        return {
            # Each role records the sender of a petition it handles (the
            # office: of its unit's complaint).
            "create": lambda role: {
                "petition_id": self.fresh_row({"fresh": lambda env, owner: (
                    self._bare_petition(env, handler=owner))},
                    role if role in ("member", "leader") else None),
                "petitioner_name": "Người gửi mới"},
            "write": ("p:none", {"petitioner_address": "Phường 2"}),
            "own": {"member": "p:member", "leader": "p:leader",
                    "secretary": "p:leader"},
            "fresh": fresh,
        }

    def fixture_paperless_petition_extension(self):
        rows = self.rows["paperless.petition.extension"]
        return {
            "create": lambda role: {
                "petition_id": self.rows["paperless.petition"]["p:member"],
                "days": 300, "reason": "Tự ý"},
            "write": ("p:member", {"reason": "Sửa lý do"}), "own": {},
            "fresh": lambda env, owner: rows["p:none"],
        }

    # ------------------------------------------------------------------
    # The cells
    # ------------------------------------------------------------------
    def outcome(self, role, model, method, *args):
        """"ok" and the result, or "refused" (AccessError), or the fault."""
        try:
            return "ok", self.call(role, model, method, *args)
        except Fault as fault:
            if fault.faultCode == ACCESS_ERROR:
                return "refused", None
            return "fault", fault.faultString.strip().splitlines()[-1][:200]

    def expected_labels(self, rows, cell, role):
        tokens = cell.split()
        return {label for label in rows
                if cell == ALL or any(label == token or label.startswith(token + ":")
                                      for token in tokens)}

    def check_see(self, model, role, cell, failures):
        rows = self.rows[model]
        all_ids = sorted(rows.values())
        label_of = {row_id: label for label, row_id in rows.items()}
        where = [("id", "in", all_ids)]
        field = self.read_fields[model]
        results = {
            "search": self.outcome(role, model, "search", where),
            "read_group": self.outcome(role, model, "read_group", where,
                                       [field], [field]),
        }
        if cell == REFUSED:
            results["read"] = self.outcome(role, model, "read", all_ids, [field])
            for method, (status, value) in results.items():
                if status != "refused":
                    failures.append("%s × %s × %s: expected refused, got %s %s" % (
                        model, role, method, status, value))
            return
        expected = self.expected_labels(rows, cell, role)
        status, found = results["search"]
        found_labels = {label_of.get(row_id, row_id) for row_id in found or []}
        if status != "ok" or found_labels != expected:
            failures.append("%s × %s × search: expected %s, got %s %s" % (
                model, role, sorted(expected), status,
                sorted(found_labels) if status == "ok" else found))
        status, groups = results["read_group"]
        count = status == "ok" and sum(
            group["%s_count" % field] for group in groups)
        if status != "ok" or count != len(expected):
            failures.append("%s × %s × read_group: expected %d rows, got %s %s" % (
                model, role, len(expected), status,
                count if status == "ok" else groups))
        visible = [rows[label] for label in sorted(expected)]
        if visible:
            status, value = self.outcome(role, model, "read", visible, [field])
            if status != "ok":
                failures.append("%s × %s × read %s: expected allowed, got %s %s" % (
                    model, role, sorted(expected), status, value))
        for label in sorted(set(rows) - expected):
            status, value = self.outcome(role, model, "read", [rows[label]],
                                         [field])
            if status != "refused":
                failures.append("%s × %s × read %s: expected refused, got %s %s" % (
                    model, role, label, status, value))

    def expect(self, failures, cell, role, model, op, allowed, status, value):
        wanted = "ok" if allowed else "refused"
        if status != wanted:
            failures.append("%s × %s × %s (%s): expected %s, got %s %s" % (
                model, role, op, cell, wanted, status, value))

    def fresh_row(self, fixture, owner=None):
        with self.registry.cursor() as cr:
            return fixture["fresh"](api.Environment(cr, SUPERUSER_ID, {}), owner)

    def check_create(self, model, role, cell, fixture, failures):
        status, value = self.outcome(role, model, "create", fixture["create"](role))
        self.expect(failures, cell, role, model, "create", cell == "Y", status, value)

    def check_write(self, model, role, cell, fixture, failures):
        label, values = fixture["write"]
        target = self.rows[model][label]
        if cell == "o":
            own = self.rows[model][fixture["own"][role]]
            status, value = self.outcome(role, model, "write", [own], values)
            self.expect(failures, cell, role, model, "write own row", True,
                        status, value)
        status, value = self.outcome(role, model, "write", [target], values)
        self.expect(failures, cell, role, model, "write %s" % label, cell == "Y",
                    status, value)

    def check_unlink(self, model, role, cell, fixture, failures):
        if cell == "o":
            status, value = self.outcome(
                role, model, "unlink", [self.fresh_row(fixture, role)])
            self.expect(failures, cell, role, model, "unlink own row", True,
                        status, value)
        status, value = self.outcome(role, model, "unlink", [self.fresh_row(fixture)])
        self.expect(failures, cell, role, model, "unlink", cell == "Y", status, value)

    def check_model(self, model, see, create, write, unlink):
        fixture = getattr(self, fixture_name(model))()
        failures = []
        for index, role in enumerate(ROLES):
            self.check_see(model, role, see[index], failures)
            self.check_create(model, role, create[index], fixture, failures)
            self.check_write(model, role, write[index], fixture, failures)
            self.check_unlink(model, role, unlink[index], fixture, failures)
        if failures:
            self.fail("\n".join(failures))


def _make_test(line):
    def test(self):
        self.check_model(*line)
    test.__name__ = "test_%s" % line[0].replace(".", "_")
    test.__doc__ = "Access matrix of %s" % line[0]
    return test


for _line in MATRIX:
    setattr(TestAccessMatrix, "test_%s" % _line[0].replace(".", "_"),
            _make_test(_line))
