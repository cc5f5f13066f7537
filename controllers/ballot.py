# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ballots in the meeting room: members vote; the chair of the meeting (and
the office) open and close the votes and watch the live count. Every change
goes through the ballot's own methods, as the signed-in user."""
import json
import random
import time

import werkzeug.exceptions
from psycopg2 import OperationalError
from werkzeug.utils import redirect

from odoo import http
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from .main import PaperlessMember, needs_confirmation, room_context, room_page

MAX_TRIES = 5


class BallotController(http.Controller):

    def _my_ballot(self, ballot_id):
        """The ballot, read with the user's rules, and its meeting, which must
        be one of the user's meetings in the room (404 otherwise)."""
        ballot = request.env["paperless.ballot"].search([("id", "=", ballot_id)])
        if not ballot:
            raise werkzeug.exceptions.NotFound()
        return ballot, PaperlessMember()._my_meeting(ballot.meeting_id.id)

    def _back(self, meeting, ballot, done):
        return redirect("/my/meetings/%d?done=%s#ballot-%d" % (
            meeting.id, done, ballot.id), 303)

    @http.route("/my/ballot/<int:ballot_id>/vote", type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def ballot_vote(self, ballot_id, option_id=None, **kwargs):
        """A member votes from the meeting page (plain form POST), then goes
        back to it: one option of a resolution, or the names kept on an
        election ballot (checkboxes ``option_ids``; none kept is a blank
        ballot). A vote does not conflict with other votes; a serialization
        failure (only inside a larger transaction) is retried."""
        ballot, meeting = self._my_ballot(ballot_id)
        try:
            if ballot.kind == "election":
                # As posted: cast_vote checks each id (a translated refusal).
                choice = request.httprequest.form.getlist("option_ids")
            else:
                choice = int(option_id or 0)
            self._cast_with_retry(ballot_id, choice)
        except (UserError, ValidationError, AccessError, ValueError) as error:
            request.env.cr.rollback()
            request.env.clear()
            # Shown on the page itself: no error text travels in a URL.
            member = PaperlessMember()
            return member._render_meeting(
                member._my_meeting(meeting.id),
                error=getattr(error, "name", False) or str(error))
        return self._back(meeting, ballot, "voted")

    def _cast_with_retry(self, ballot_id, option_id):
        tries = 0
        while True:
            try:
                return request.env["paperless.ballot"].browse(ballot_id).cast_vote(
                    option_id)
            except OperationalError as error:
                if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY \
                        or tries >= MAX_TRIES:
                    raise
                request.env.cr.rollback()
                request.env.clear()
                tries += 1
                time.sleep(random.uniform(0.0, 0.1 * 2 ** tries))

    @http.route(["/my/ballot/<int:ballot_id>/open",
                 "/my/ballot/<int:ballot_id>/close"], type="http", auth="user",
                methods=["POST"], csrf=False)  # checked by room_page
    @room_page
    def ballot_open_close(self, ballot_id, confirmed=None, **kwargs):
        """The chair's big Open / Close buttons. A secret or personnel ballot
        asks once more on a page of its own (no script needed); the ballot's
        action checks who may do it."""
        verb = request.httprequest.path.rstrip("/").rsplit("/", 1)[1]
        ballot, meeting = self._my_ballot(ballot_id)
        if needs_confirmation(ballot) and confirmed != "1":
            return request.render("paperless_meeting.member_ballot_confirm",
                                  room_context({
                                      "ballot": ballot, "meeting": meeting,
                                      "verb": verb, "page_title": ballot.name}))
        try:
            # No savepoint: the close starts its own transaction (READ
            # COMMITTED, see paperless.ballot); a refusal rolls back.
            if verb == "open":
                ballot.action_open()
            else:
                ballot.action_close()
        except (UserError, ValidationError) as error:
            request.env.cr.rollback()
            request.env.clear()
            return PaperlessMember()._render_meeting(meeting, error=error.name)
        return self._back(meeting, ballot, "opened" if verb == "open" else "closed")

    @http.route("/my/ballot/<int:ballot_id>/live", type="http", auth="user",
                methods=["GET"])
    @room_page
    def ballot_live(self, ballot_id, **kwargs):
        """The live count the meeting page polls every few seconds: what the
        ballot's live_data() gives this user (a secret ballot only how many
        have voted until it closes)."""
        ballot = self._my_ballot(ballot_id)[0]
        return request.make_response(json.dumps(ballot.live_data()), headers=[
            ("Content-Type", "application/json; charset=utf-8"),
            ("Cache-Control", "no-store, private"),
        ])
