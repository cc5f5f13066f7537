# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The meeting room for members: phone-first pages and the stamped reader's
copy of each document. Everything is read with the signed-in user's own
rights; a meeting or document they may not see is a 404."""
import base64
import logging

import werkzeug
import werkzeug.utils

from odoo import _, fields, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import content_disposition, request

from ..models.pdf_stamp import StampError, stamp_pdf

_logger = logging.getLogger(__name__)

# Messages shown after a successful POST (redirect-after-post).
DONE_MESSAGES = {
    "accepted": lambda: _("Thank you: you will attend."),
    "declined": lambda: _("Your absence and its reason were sent to the office."),
    "delegated": lambda: _("Your substitute was sent to the office."),
    "checked_in": lambda: _("You are checked in."),
    "note": lambda: _("Your note was saved."),
    "voted": lambda: _("Your vote was recorded."),
}


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
        return {
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
    def my_meetings(self, **kw):
        rows = request.env["paperless.meeting"]._member_meetings()
        return request.render("paperless_meeting.member_meeting_list", {
            "rows": rows, "page_title": _("My Meetings")})

    @http.route("/my/meetings/<int:meeting_id>", type="http", auth="user",
                methods=["GET"])
    def my_meeting(self, meeting_id, done=None, **kw):
        return self._render_meeting(self._my_meeting(meeting_id), done=done)

    @http.route("/my/meetings/<int:meeting_id>/answer", type="http", auth="user",
                methods=["POST"])
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
                methods=["POST"])
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
