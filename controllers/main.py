# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The meeting room for members: phone-first pages and the stamped reader's
copy of each document. Everything is read with the signed-in user's own
rights; a meeting or document they may not see is a 404, a person outside
the room a 403, both as a Vietnamese page of the room (``room_page``)."""
import base64
import functools
import logging

import babel.dates
import babel.numbers
import werkzeug
import werkzeug.exceptions
import werkzeug.utils

from odoo import _, fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import content_disposition, request

from odoo.addons.web.controllers.main import Home

from ..models.pdf_stamp import StampError, stamp_pdf

_logger = logging.getLogger(__name__)

ROOM_GROUP = "paperless_meeting.group_paperless_member"
OFFICE_GROUP = "paperless_meeting.group_paperless_secretary"
ROOM_ACTION = "paperless_meeting.paperless_member_page_action"
# Ids are PostgreSQL integers: a larger one can name no record (and would
# make the query itself fail).
MAX_ID = 2 ** 31 - 1
REFUSALS = {
    400: lambda: _("This page was open for too long or your session has "
                   "changed: please go back, reload the page and try again."),
    403: lambda: _("You cannot open this page."),
    404: lambda: _("This page does not exist, or it is not open to you."),
    422: lambda: _("This request cannot be carried out."),
}

# Messages shown after a successful POST (redirect-after-post).
DONE_MESSAGES = {
    "accepted": lambda: _("Thank you: you will attend."),
    "declined": lambda: _("Your absence and its reason were sent to the office."),
    "delegated": lambda: _("Your substitute was sent to the office."),
    "checked_in": lambda: _("You are checked in."),
    "note": lambda: _("Your note was saved."),
    "voted": lambda: _("Your vote was recorded."),
    "opened": lambda: _("The vote is open."),
    "closed": lambda: _("The vote is closed; its result is below."),
}


def is_room_user(env):
    """Members and leaders who are not office staff: the room is their home."""
    user = env.user
    return user.has_group(ROOM_GROUP) and not user.has_group(OFFICE_GROUP)


def render_refusal(code, message=None):
    """The room's own page for an expected refusal (400, 403, 404, 422), in the
    user's language, instead of werkzeug's English one or a server error."""
    response = request.render("paperless_meeting.member_error_page", room_context({
        "code": code,
        "message": message or REFUSALS[code](),
        "page_title": {400: _("Please Try Again"),
                       422: _("Cannot Be Done")}.get(code, _("Page Not Available")),
    }), status=code)
    response.flatten()
    return response


def room_context(values):
    """What every room page gets besides its own values."""
    return dict(values, **date_formatter(request.env))


def room_page(func):
    """Wrap a room route: only people of the room (403 otherwise), ids in
    range (404), the CSRF token of a form (400; the room's POST routes are
    declared ``csrf=False`` so that this check, the same as Odoo's, answers
    with the room's page), and every expected refusal raised inside
    (werkzeug's NotFound/Forbidden/UnprocessableEntity, the ORM's
    AccessError and MissingError) answered by the room's refusal page, the
    page rendered inside so that a refusal while rendering is one too."""
    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        try:
            if any(isinstance(value, int) and not 0 < value <= MAX_ID
                   for value in args + tuple(kwargs.values())):
                raise werkzeug.exceptions.NotFound()
            if request.httprequest.method == "POST" and not request.validate_csrf(
                    kwargs.pop("csrf_token", None)):
                raise werkzeug.exceptions.BadRequest()
            if not request.env.user.has_group(ROOM_GROUP):
                raise werkzeug.exceptions.Forbidden(_(
                    "The meeting room is open to the members invited to "
                    "meetings. If you should have access, please ask the "
                    "office."))
            response = func(self, *args, **kwargs)
            if getattr(response, "is_qweb", False):
                response.flatten()
            return response
        except werkzeug.exceptions.BadRequest:
            code, message = 400, None
        except (werkzeug.exceptions.NotFound, MissingError):
            code, message = 404, None
        except werkzeug.exceptions.Forbidden as error:
            code, message = 403, (
                error.description if error.description
                != werkzeug.exceptions.Forbidden.description else None)
        except AccessError:
            code, message = 403, None
        except werkzeug.exceptions.UnprocessableEntity as error:
            code, message = 422, error.description
        # Nothing of a refused request is kept.
        request.env.cr.rollback()
        request.env.clear()
        return render_refusal(code, message)
    return wrapper


def format_percent(env, count, base):
    """``66,67 %`` for a Vietnamese reader, ``66.67 %`` in English."""
    if not base or count is None:
        return ""
    locale = env.context.get("lang") or "en_US"
    return "%s %%" % babel.numbers.format_decimal(
        100.0 * count / base, format="0.00", locale=locale)


def date_formatter(env):
    """``format_dt(value, pattern)`` and ``format_span(start, end)`` for the
    room's pages, in the user's time zone and language: "Thứ Bảy,
    19/12/2026, 08:00–10:00", no seconds."""
    locale = env.context.get("lang") or "en_US"
    full = "EEEE, dd/MM/yyyy, HH:mm"

    def format_dt(value, pattern=full):
        if not value:
            return ""
        local = fields.Datetime.context_timestamp(
            env.user, fields.Datetime.from_string(value))
        return babel.dates.format_datetime(local, pattern, locale=locale)

    def format_span(start, end):
        if not end:
            return format_dt(start)
        same_day = format_dt(start, "yyyyMMdd") == format_dt(end, "yyyyMMdd")
        return "%s–%s" % (format_dt(start),
                          format_dt(end, "HH:mm" if same_day else full))
    return {"format_dt": format_dt, "format_span": format_span}


def needs_confirmation(ballot):
    """Secret and personnel ballots are opened and closed in two steps."""
    return ballot.secret or ballot.kind == "election"


def ballot_values(env, meeting):
    """The meeting's ballots for the room (template member_ballots): open
    ones first with their live counts, then the closed results; the chair of
    the meeting and the office also get the drafts they may open once the
    meeting runs. Read as ``env``'s user."""
    user = env.user
    manage = user.has_group(OFFICE_GROUP) or meeting.chair_id == user
    rows = {"open": [], "closed": [], "draft": []}
    for ballot in meeting.ballot_ids:
        if ballot.state == "draft" and not (
                manage and meeting.state == "in_progress"):
            continue
        live = ballot.live_data()
        base = ballot._pass_base() if ballot.state == "closed" else 0
        options = [dict(option, percent=format_percent(
            env, option["count"], base)) for option in live["options"]]
        rows[ballot.state].append({
            "ballot": ballot, "live": live, "options": options,
            "confirm": needs_confirmation(ballot),
        })
    return {"manage_ballots": manage, "ballots_open": rows["open"],
            "ballots_closed": rows["closed"], "ballots_draft": rows["draft"]}


def room_home_values(env, now=None):
    """What /my/meetings shows: the user's meetings and, for each upcoming
    one, what needs the user (an unanswered invitation, documents not yet
    read, open votes they can cast), in a fixed number of queries whatever
    the number of meetings. Read with the user's own rights."""
    rows = env["paperless.meeting"]._member_meetings(now=now)
    active = env["paperless.meeting"].browse([
        row["meeting"].id for row in rows if row["upcoming"]])
    needs = {meeting_id: {"unanswered": False, "unread": 0, "votes": 0}
             for meeting_id in active.ids}
    for row in rows:
        # Once checked in, the member is there: no answer is asked any more.
        if row["upcoming"] and row["attendee"].response == "invited" \
                and row["attendee"].attendance != "present":
            needs[row["meeting"].id]["unanswered"] = True
    documents = env["paperless.document"].search_read(
        [("meeting_id", "in", active.ids)], ["meeting_id"])
    read_ids = {group["document_id"][0] for group in env[
        "paperless.document.access"].read_group(
            [("user_id", "=", env.uid),
             ("document_id", "in", [doc["id"] for doc in documents])],
            ["document_id"], ["document_id"])}
    for document in documents:
        if document["id"] not in read_ids:
            needs[document["meeting_id"][0]]["unread"] += 1
    ballots = env["paperless.ballot"].search([
        ("meeting_id", "in", active.ids), ("state", "=", "open")])
    for ballot in ballots:
        if ballot.can_vote and not ballot.my_voted:
            needs[ballot.meeting_id.id]["votes"] += 1
    todo = [(row["meeting"], needs[row["meeting"].id]) for row in rows
            if row["upcoming"] and any(needs[row["meeting"].id].values())]
    consultations = env["paperless.consultation"].search(
        [("waiting_for_me", "=", True)])
    return {"rows": rows, "needs": needs, "todo": todo,
            "consultations_waiting": consultations}


class PaperlessMember(http.Controller):

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _my_meeting(self, meeting_id):
        """The user's meeting, through their own record rules; the office and
        chairs open the back office for meetings they are not invited to."""
        meeting = request.env["paperless.meeting"].search([
            ("id", "=", meeting_id), ("state", "!=", "draft"),
            ("attendee_ids.user_id", "=", request.env.uid),
        ])
        if not meeting:
            raise werkzeug.exceptions.NotFound()
        return meeting

    def _meeting_values(self, meeting, error=None, done=None):
        env = request.env
        attendee = meeting.attendee_ids.filtered(
            lambda row: row.user_id == env.user)[:1]
        documents = meeting.document_ids
        read_ids = set(env["paperless.document.access"].search([
            ("user_id", "=", env.uid), ("document_id", "in", documents.ids),
        ]).mapped("document_id").ids)
        notes = env["paperless.document.comment"].search([
            ("document_id", "in", documents.ids)])
        notes_by_document = {}
        for note in notes:
            notes_by_document.setdefault(note.document_id.id, []).append(note)
        by_item = {}
        for document in documents:
            by_item.setdefault(document.agenda_item_id.id, []).append(document)
        values = {
            "meeting": meeting,
            "attendee": attendee,
            "documents": documents,
            "documents_by_item": by_item,
            "read_ids": read_ids,
            "notes_by_document": notes_by_document,
            "visibilities": self._visibilities(),
            "error": error,
            "done": DONE_MESSAGES[done]() if done in DONE_MESSAGES else None,
            "page_title": meeting.name,
        }
        values.update(ballot_values(env, meeting))
        return room_context(values)

    def _visibilities(self):
        env = request.env
        return env["paperless.document.comment"]._fields[
            "visibility"]._description_selection(env)

    def _render_meeting(self, meeting, error=None, done=None):
        return request.render("paperless_meeting.member_meeting_page",
                              self._meeting_values(meeting, error=error, done=done))

    # ------------------------------------------------------------------
    # Pages
    # ------------------------------------------------------------------
    @http.route("/my/meetings", type="http", auth="user", methods=["GET"])
    @room_page
    def my_meetings(self, **kw):
        values = room_home_values(request.env)
        values["page_title"] = _("My Meetings")
        return request.render("paperless_meeting.member_meeting_list",
                              room_context(values))

    @http.route("/my/meetings/<int:meeting_id>", type="http", auth="user",
                methods=["GET"])
    @room_page
    def my_meeting(self, meeting_id, done=None, **kw):
        return self._render_meeting(self._my_meeting(meeting_id), done=done)

    @http.route("/my/meetings/<int:meeting_id>/answer", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_meeting_answer(self, meeting_id, answer=None, reason=None,
                          delegate_name=None, **kw):
        meeting = self._my_meeting(meeting_id)
        attendee = meeting.attendee_ids.filtered(
            lambda row: row.user_id == request.env.user)[:1]
        try:
            with request.env.cr.savepoint():
                done = self._answer(attendee, answer, reason, delegate_name)
        except (UserError, ValidationError, AccessError) as error:
            request.env.clear()
            return self._render_meeting(meeting, error=error.name)
        return werkzeug.utils.redirect(
            "/my/meetings/%d?done=%s" % (meeting.id, done), 303)

    def _answer(self, attendee, answer, reason, delegate_name):
        # As the user, no sudo: the attendee methods check their rights.
        if answer == "accept":
            attendee.action_accept()
            return "accepted"
        if answer == "decline":
            attendee.action_decline(reason)
            return "declined"
        if answer == "delegate":
            attendee.action_delegate(reason=reason, delegate_name=delegate_name)
            return "delegated"
        if answer == "check_in":
            attendee.action_check_in()
            return "checked_in"
        raise UserError(_("Unknown answer."))

    @http.route("/my/meetings/<int:meeting_id>/note", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_meeting_note(self, meeting_id, document_id=None, body=None,
                        visibility="private", **kw):
        meeting = self._my_meeting(meeting_id)
        document = meeting.document_ids.filtered(
            lambda doc: str(doc.id) == (document_id or ""))
        if not document:
            raise werkzeug.exceptions.NotFound()
        if visibility not in dict(self._visibilities()):
            return self._render_meeting(meeting, error=_("Unknown visibility."))
        try:
            with request.env.cr.savepoint():
                request.env["paperless.document.comment"].create({
                    "document_id": document.id, "body": body or "",
                    "visibility": visibility,
                })
        except (UserError, ValidationError, AccessError) as error:
            request.env.clear()
            return self._render_meeting(meeting, error=error.name)
        return werkzeug.utils.redirect(
            "/my/meetings/%d?done=note#document-%d" % (meeting.id, document.id), 303)

    # ------------------------------------------------------------------
    # Documents: the reader's stamped copy
    # ------------------------------------------------------------------
    @http.route(["/paperless/document/<int:document_id>",
                 "/paperless/document/<int:document_id>/download"],
                type="http", auth="user", methods=["GET"])
    @room_page
    def document(self, document_id, **kw):
        download = request.httprequest.path.rstrip("/").endswith("/download")
        env = request.env
        # The user's own rights decide: record rules on the document (and so
        # on its attachment) make a document of another meeting a 404.
        document = env["paperless.document"].search([("id", "=", document_id)])
        if not document:
            raise werkzeug.exceptions.NotFound()
        is_pdf = document._is_pdf()
        if (download or not is_pdf) and not document.allow_download:
            raise werkzeug.exceptions.Forbidden(_(
                "This document can only be viewed on screen."))
        # The raw file is the office's (field groups): read it as superuser,
        # now that the search above proved this reader may see the document.
        data = base64.b64decode(document.sudo().datas or b"")
        user = env.user
        access_model = env["paperless.document.access"]
        trace_id = access_model._default_trace_id()
        stamped = False
        if is_pdf:
            when = fields.Datetime.context_timestamp(
                user, fields.Datetime.from_string(fields.Datetime.now()))
            try:
                data = stamp_pdf(data, user.name, when.strftime("%d/%m/%Y %H:%M"),
                                 trace_id)
                stamped = True
            except StampError as error:
                # A damaged or encrypted file is never served unstamped.
                _logger.warning("Cannot stamp document %s: %s", document.id, error)
                raise werkzeug.exceptions.UnprocessableEntity(_(
                    "This document cannot be prepared for reading; please tell "
                    "the office."))
        mode = "download" if (download or not is_pdf) else "view"
        # Nobody holds the create right on the log: the controller writes the
        # row with sudo(), for the reader captured above, only after the
        # document's access check passed.
        access_model.sudo().create({
            "document_id": document.id, "user_id": user.id, "trace_id": trace_id,
            "mode": mode, "document_version": document.version,
            "stamped": stamped,
        })
        filename = document.datas_fname or document.name
        disposition = content_disposition(filename)
        if mode == "view":
            disposition = disposition.replace("attachment;", "inline;", 1)
        return request.make_response(data, headers=[
            ("Content-Type", "application/pdf" if is_pdf
             else (document.mimetype or "application/octet-stream")),
            ("Content-Length", str(len(data))),
            ("Content-Disposition", disposition),
            ("Cache-Control", "no-store, private"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Paperless-Trace-Id", trace_id),
        ])


class RoomHome(Home):
    """Members and leaders land in the meeting room, not in an empty back
    office: after the login form, and (through their home action, which the
    web client opens when /web has no action of its own) when they open the
    back office bare, as the Odoo phone app does. The office keeps the back
    office."""

    def _login_redirect(self, uid, redirect=None):
        if redirect:
            return super()._login_redirect(uid, redirect=redirect)
        env = request.env(user=uid)
        self._set_room_home(env)
        if is_room_user(env):
            return "/my/meetings"
        return super()._login_redirect(uid, redirect=redirect)

    @http.route()
    def web_client(self, s_action=None, **kw):
        if request.session.uid:
            self._set_room_home(request.env(user=request.session.uid))
        return super().web_client(s_action=s_action, **kw)

    @staticmethod
    def _set_room_home(env):
        """Keep the user's home action in step with their groups: the room
        for room users without a home of their own, none for the office."""
        user = env.user
        room = env.ref(ROOM_ACTION)
        # action_id is one of the fields users write on themselves.
        if is_room_user(env):
            if not user.action_id:
                user.write({"action_id": room.id})
        elif user.action_id == room:
            user.write({"action_id": False})
