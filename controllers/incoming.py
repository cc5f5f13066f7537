# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Incoming documents in the meeting room, for leaders and handlers on
their phones: what waits for their direction, what they are assigned, the
register's data and the stamped files, the direction form, Start and Done.
Read and written with the signed-in user's own rights: record rules decide
what they see, the model's write() and actions decide what they may do."""
from datetime import timedelta

import werkzeug
import werkzeug.utils

from odoo import SUPERUSER_ID, _, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from ..models.paperless_paper import CONFIDENTIALITY_MARKS, URGENCY, URGENCY_MARKS
from .information import info_context
from .main import MAX_ID, room_page

DONE = {
    "directed": lambda: _("Your direction was sent to the lead handler."),
    "started": lambda: _("You started handling this document."),
    "saved": lambda: _("The outcome was saved."),
    "done": lambda: _("The document is done."),
}
# An open deadline at most this many working days away is highlighted.
NEAR_WORKING_DAYS = 2
RECENT_DONE = 10
# URGENCY runs from normal to flash.
URGENCY_RANK = {key: rank for rank, (key, _label) in enumerate(URGENCY)}
MEMBER_GROUP = "paperless_meeting.group_paperless_member"


def mine_domain(env):
    """Documents presented to the user (once presented) or assigned to them
    (once directed): also for the office, whose record rules show the whole
    unit, the room lists only the user's own."""
    uid = env.uid
    return ["|", "&", ("leader_id", "=", uid),
            ("state", "not in", ("draft", "registered")),
            "&", ("state", "in", ("directed", "in_progress", "done")),
            "|", ("assignee_id", "=", uid), ("co_assignee_ids", "in", [uid])]


def deadline_mark(document, today):
    """``overdue``, ``near`` (at most NEAR_WORKING_DAYS working days left)
    or False, for an open document."""
    if not document.deadline or document.state == "done":
        return False
    deadline = fields.Date.from_string(document.deadline)
    if deadline < today:
        return "overdue"
    # Only a deadline within a week can be that near: the working-day count
    # (which reads the unit's holidays) is not asked for the others.
    if deadline <= today + timedelta(days=7) and \
            document.company_id._paperless_working_days_between(
                today, deadline) <= NEAR_WORKING_DAYS:
        return "near"
    return False


def parse_id(value):
    """A positive id posted by the form, or None."""
    value = (value or "").strip()
    if not value.isdigit() or not 0 < int(value) <= MAX_ID:
        return None
    return int(value)


class PaperlessIncomingRoom(http.Controller):

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _my_incoming(self, incoming_id):
        """The user's document, through their own record rules."""
        document = request.env["paperless.incoming.document"].search(
            [("id", "=", incoming_id)] + mine_domain(request.env))
        if not document:
            raise werkzeug.exceptions.NotFound()
        return document

    def _candidates(self, document):
        """Who may handle it: the people of the room who work for the
        document's unit (the model's constraint checks it again)."""
        return request.env["res.users"].search([
            # Not the superuser: a technical account, nobody's handler.
            ("id", "!=", SUPERUSER_ID), ("share", "=", False),
            ("company_ids", "in", document.company_id.ids),
            ("groups_id", "in", request.env.ref(MEMBER_GROUP).ids),
        ], order="name")

    def _meetings(self, document):
        """The meetings the direction may put it on: the unit's, still in
        preparation, that the leader may read (action_direct checks again)."""
        return request.env["paperless.meeting"].search([
            ("company_id", "=", document.company_id.id), ("state", "=", "draft")],
            order="date_start, id")

    @staticmethod
    def _form(document):
        """The forms' fields as stored (a refused POST shows what was typed)."""
        return {"direction": document.direction or "",
                "assignee_id": document.assignee_id.id,
                "co_assignee_ids": document.co_assignee_ids.ids,
                "deadline": document.deadline or "",
                "deadline_days": document.deadline_days or "",
                "meeting_id": document.meeting_id.id,
                "outcome": document.outcome or ""}

    def _values(self, values):
        env = request.env
        Incoming = env["paperless.incoming.document"]
        return info_context(dict(
            values, section="incoming",
            today=Incoming._today(),
            urgency_marks=URGENCY_MARKS,
            secrecy_marks=CONFIDENTIALITY_MARKS,
            deadline_mark=deadline_mark,
            states=dict(Incoming._fields["state"]._description_selection(env)),
        ))

    def _render(self, document, error=None, done=None, form=None):
        env = request.env
        uid = env.uid
        leader = document.leader_id.id == uid and document.state == "submitted"
        # Secret documents carry no file in this system (and a phone is no
        # place for one): the room shows their register data only.
        files = document.file_ids if not document.is_secret \
            else env["paperless.document"]
        read_ids = set(env["paperless.document.access"].search([
            ("user_id", "=", uid), ("document_id", "in", files.ids)]).mapped(
                "document_id").ids)
        return request.render("paperless_meeting.member_incoming_page", self._values({
            "document": document,
            "files": files,
            "read_ids": read_ids,
            "can_direct": leader,
            "candidates": self._candidates(document) if leader else None,
            "meetings": self._meetings(document) if leader else None,
            "lead": document.assignee_id.id == uid,
            "form": form or self._form(document),
            "error": error,
            "done": DONE[done]() if done in DONE else None,
            "page_title": document.summary,
        }))

    def _act(self, document, act, form):
        """Run ``act`` in a savepoint: on a refusal of the model nothing of
        it is kept and the page says why, with what was typed."""
        try:
            with request.env.cr.savepoint():
                done = act()
        except (UserError, ValidationError, AccessError) as error:
            request.env.clear()
            return self._render(document, error=error.name, form=form)
        return werkzeug.utils.redirect(
            "/my/incoming/%d?done=%s" % (document.id, done), 303)

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/my/incoming", type="http", auth="user", methods=["GET"])
    @room_page
    def my_incoming_list(self, **kw):
        env = request.env
        Incoming = env["paperless.incoming.document"]
        uid = env.uid
        order = "deadline, received_date desc, id desc"
        # The most urgent first (hỏa tốc, thượng khẩn, khẩn), then the newest.
        to_direct = Incoming.search(
            [("leader_id", "=", uid), ("state", "=", "submitted")],
            order="received_date desc, id desc").sorted(
                lambda document: -URGENCY_RANK[document.urgency])
        assigned = Incoming.search(
            [("state", "in", ("directed", "in_progress")), "|",
             ("assignee_id", "=", uid), ("co_assignee_ids", "in", [uid])],
            order=order)
        # What the leader directed, to follow while it is handled.
        directed = Incoming.search(
            [("leader_id", "=", uid), ("state", "in", ("directed", "in_progress"))],
            order=order) - assigned
        done = Incoming.search(
            [("state", "=", "done")] + mine_domain(env),
            order="write_date desc, id desc", limit=RECENT_DONE)
        return request.render("paperless_meeting.member_incoming_list", self._values({
            "to_direct": to_direct, "assigned": assigned, "directed": directed,
            "recent_done": done,
            "page_title": _("Incoming Documents"),
        }))

    @http.route("/my/incoming/<int:incoming_id>", type="http", auth="user",
                methods=["GET"])
    @room_page
    def my_incoming(self, incoming_id, done=None, **kw):
        return self._render(self._my_incoming(incoming_id), done=done)

    @http.route("/my/incoming/<int:incoming_id>/direct", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_incoming_direct(self, incoming_id, direction=None, assignee_id=None,
                           deadline=None, deadline_days=None, meeting_id=None,
                           **kw):
        document = self._my_incoming(incoming_id)
        co_ids = [parse_id(value) for value in
                  request.httprequest.form.getlist("co_assignee_ids")]
        form = {"direction": direction or "", "assignee_id": parse_id(assignee_id),
                "co_assignee_ids": [value for value in co_ids if value],
                "deadline": (deadline or "").strip(),
                "deadline_days": (deadline_days or "").strip(),
                "meeting_id": parse_id(meeting_id)}

        def direct():
            # As the user, no sudo: write() lets only the presented leader
            # write these fields, action_direct() checks the rest.
            document.write(self._direction_values(form, co_ids))
            document.action_direct()
            return "directed"
        return self._act(document, direct, form)

    def _direction_values(self, form, co_ids):
        # A forged or stale id: refused here, before the database would.
        people = set(uid for uid in [form["assignee_id"]] + co_ids if uid)
        if None in co_ids or len(request.env["res.users"].search(
                [("id", "in", list(people))])) != len(people):
            raise UserError(_("Please choose the handlers from the list."))
        if form["deadline"] and form["deadline_days"]:
            raise UserError(_("Give the deadline as a date or as a number of "
                              "working days, not both."))
        days = 0
        if form["deadline_days"]:
            try:
                days = int(form["deadline_days"])
            except ValueError:
                raise UserError(_("The number of working days must be a "
                                  "whole number."))
        if form["deadline"]:
            try:
                fields.Date.from_string(form["deadline"])
            except ValueError:
                raise UserError(_("The deadline is not a valid date."))
        return {
            "direction": form["direction"].strip(),
            "assignee_id": form["assignee_id"] or False,
            "co_assignee_ids": [(6, 0, form["co_assignee_ids"])],
            "deadline": form["deadline"] or False,
            "deadline_days": days,
            # The model refuses a meeting the leader may not read, of
            # another unit or no longer in preparation.
            "meeting_id": form["meeting_id"] or False,
        }

    @http.route("/my/incoming/<int:incoming_id>/start", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_incoming_start(self, incoming_id, **kw):
        document = self._my_incoming(incoming_id)

        def start():
            document.action_start()  # checks the lead handler itself
            return "started"
        return self._act(document, start, None)

    @http.route("/my/incoming/<int:incoming_id>/outcome", type="http",
                auth="user", methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_incoming_outcome(self, incoming_id, outcome=None, close=None, **kw):
        document = self._my_incoming(incoming_id)
        form = dict(self._form(document), outcome=outcome or "")

        def save():
            # write() lets only the lead handler (or the office) write it,
            # while the document is in progress; action_done() wants it.
            document.write({"outcome": (outcome or "").strip()})
            if close:
                document.action_done()
                return "done"
            return "saved"
        return self._act(document, save, form)
