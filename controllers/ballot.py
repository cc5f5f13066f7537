# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
import time

from psycopg2 import OperationalError
from werkzeug.utils import redirect

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

from .main import PaperlessMember

MAX_TRIES = 5


class BallotController(http.Controller):

    @http.route("/my/ballot/<int:ballot_id>/vote", type="http", auth="user",
                methods=["POST"], website=False, csrf=True)
    def ballot_vote(self, ballot_id, option_id=None, **kwargs):
        """A member votes from the meeting page (plain form POST), then goes
        back to it. Serialization failures (a vote racing another vote or the
        close) are retried with a fresh transaction, as Odoo's RPC does."""
        ballot = request.env["paperless.ballot"].browse(ballot_id)
        try:
            ballot.check_access_rights("read")
            ballot.check_access_rule("read")
            # The member may read the ballot (checked above); the meeting id
            # is only used for the redirect.
            meeting_id = ballot.sudo().meeting_id.id
        except (AccessError, MissingError):
            return request.not_found()
        try:
            self._cast_with_retry(ballot_id, int(option_id or 0))
        except (UserError, ValidationError, AccessError, ValueError) as error:
            request.env.cr.rollback()
            # Shown on the page itself: no error text travels in a URL.
            member = PaperlessMember()
            return member._render_meeting(
                member._my_meeting(meeting_id),
                error=getattr(error, "name", False) or str(error))
        return redirect("/my/meetings/%d?done=voted#ballot-%d" % (
            meeting_id, ballot_id), 303)

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
