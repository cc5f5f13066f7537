# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The phone reader: a page in the meeting room that shows a document with
Odoo's pdf.js, page by page. It loads only the stamped copy
(/paperless/document/<id>, which stamps and logs), keeps where the reader
stopped, and takes notes tied to a page. Everything is read and written
with the signed-in user's own rights; a document they may not read is a 404.
"""
import json

import werkzeug
import werkzeug.utils

from odoo import _, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .main import room_page


class PaperlessReader(http.Controller):

    def _readable_document(self, document_id):
        Document = request.env["paperless.document"]
        # No read right at all (internal users outside the addon, portal):
        # the same 404 as a document of someone else's meeting.
        if not Document.check_access_rights("read", raise_exception=False):
            raise werkzeug.exceptions.NotFound()
        # The user's own record rules decide.
        document = Document.search([("id", "=", document_id)])
        if not document or not document._is_pdf():
            raise werkzeug.exceptions.NotFound()
        return document

    def _render(self, document, page=None, error=None, done=False, body=""):
        env = request.env
        Progress = env["paperless.document.progress"]
        if not page:
            page = Progress.get_page(document.id)
        page = max(1, min(int(page), document.page_count or int(page)))
        notes = env["paperless.document.comment"].search(
            [("document_id", "=", document.id)], order="page, create_date, id")
        meeting = document.meeting_id
        return request.render("paperless_meeting.document_reader_page", {
            "document": document,
            "meeting": meeting,
            "page": page,
            "notes": notes,
            "can_note": meeting.state in ("scheduled", "in_progress"),
            "visibilities": env["paperless.document.comment"]._fields[
                "visibility"]._description_selection(env),
            "error": error,
            "done": done,
            "body": body,
            "page_title": document.name,
        })

    @http.route("/my/documents/<int:document_id>/read", type="http", auth="user",
                methods=["GET"])
    @room_page
    def reader_page(self, document_id, page=None, done=None, **kw):
        document = self._readable_document(document_id)
        try:
            page = int(page) if page else None
        except ValueError:
            page = None
        return self._render(document, page=page, done=bool(done))

    @http.route("/my/documents/<int:document_id>/progress", type="http",
                auth="user", methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def progress(self, document_id, page=None, **kw):
        """Where the reader is (sent by the reader page as pages turn)."""
        document = self._readable_document(document_id)
        try:
            kept = request.env["paperless.document.progress"].set_page(
                document.id, page)
        except (UserError, ValidationError):
            raise werkzeug.exceptions.BadRequest()
        return request.make_response(json.dumps({"page": kept}), headers=[
            ("Content-Type", "application/json"), ("Cache-Control", "no-store")])

    @http.route("/my/documents/<int:document_id>/note", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def note(self, document_id, page=None, body=None, visibility="private", **kw):
        document = self._readable_document(document_id)
        try:
            page = max(1, int(page or 1))
        except ValueError:
            page = 1
        Comment = request.env["paperless.document.comment"]
        if visibility not in dict(Comment._fields["visibility"]._description_selection(
                request.env)):
            return self._render(document, page=page, error=_("Unknown visibility."),
                                body=body)
        try:
            with request.env.cr.savepoint():
                # As the user, no sudo: the note's own checks apply.
                Comment.create({
                    "document_id": document.id, "body": body or "",
                    "visibility": visibility, "page": page,
                })
        except (UserError, ValidationError, AccessError) as error:
            request.env.clear()
            return self._render(document, page=page, error=error.name, body=body)
        return werkzeug.utils.redirect(
            "/my/documents/%d/read?page=%d&done=1" % (document.id, page), 303)
