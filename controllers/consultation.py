# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Requests for opinions in the meeting room: read the draft and its
documents, answer with three large buttons and a reason, on a phone. Read
and answered with the signed-in user's own rights (``respond`` checks who
answers)."""
import werkzeug
import werkzeug.utils

from odoo import _, http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request

from .main import room_context, room_page

DONE = {"answered": lambda: _("Your opinion was recorded.")}


class PaperlessConsultationRoom(http.Controller):

    def _my_consultation(self, consultation_id):
        consultation = request.env["paperless.consultation"].search([
            ("id", "=", consultation_id), ("state", "!=", "draft"),
            ("respondent_ids", "in", request.env.uid)])
        if not consultation:
            raise werkzeug.exceptions.NotFound()
        return consultation

    def _render(self, consultation, error=None, done=None):
        read_ids = set(request.env["paperless.document.access"].search([
            ("user_id", "=", request.env.uid),
            ("document_id", "in", consultation.document_ids.ids)]).mapped(
                "document_id").ids)
        return request.render("paperless_meeting.member_consultation_page",
                              room_context({
                                  "consultation": consultation,
                                  "response": consultation.my_response_id,
                                  "read_ids": read_ids,
                                  "error": error,
                                  "done": DONE[done]() if done in DONE else None,
                                  "page_title": consultation.name,
                              }))

    @http.route("/my/consultations", type="http", auth="user", methods=["GET"])
    @room_page
    def my_consultations(self, **kw):
        consultations = request.env["paperless.consultation"].search([
            ("state", "!=", "draft"), ("respondent_ids", "in", request.env.uid)])
        waiting = consultations.filtered("waiting_for_me")
        return request.render("paperless_meeting.member_consultation_list",
                              room_context({
                                  "waiting": waiting,
                                  "others": consultations - waiting,
                                  "page_title": _("Requests for Opinions"),
                              }))

    @http.route("/my/consultations/<int:consultation_id>", type="http",
                auth="user", methods=["GET"])
    @room_page
    def my_consultation(self, consultation_id, done=None, **kw):
        return self._render(self._my_consultation(consultation_id), done=done)

    @http.route("/my/consultations/<int:consultation_id>/respond", type="http",
                auth="user", methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def my_consultation_respond(self, consultation_id, opinion=None, reason=None,
                                **kw):
        consultation = self._my_consultation(consultation_id)
        try:
            with request.env.cr.savepoint():
                consultation.respond(opinion, reason)
        except (UserError, ValidationError, AccessError) as error:
            request.env.clear()
            return self._render(consultation, error=error.name)
        return werkzeug.utils.redirect(
            "/my/consultations/%d?done=answered" % consultation.id, 303)
