# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PaperlessBallotVote(models.Model):
    """Who chose what, for named ballots only.

    A secret ballot never gets a row here (its tally lives in the option
    counters), and the table has no create_uid/create_date/write_* columns:
    nothing on this side can be matched with the moment a person voted.
    No mail.thread, no tracking. Rows are written by ``cast_vote`` only.
    """

    _name = "paperless.ballot.vote"
    _description = "Named Vote"
    _log_access = False
    _order = "ballot_id, option_id, voter_user_id"

    ballot_id = fields.Many2one(
        "paperless.ballot", required=True, ondelete="cascade", index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="ballot_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    option_id = fields.Many2one(
        "paperless.ballot.option", string="Choice", required=True,
        ondelete="cascade", readonly=True,
    )
    voter_user_id = fields.Many2one(
        "res.users", string="Voter", ondelete="restrict", readonly=True,
    )

    _sql_constraints = [
        ("ballot_voter_unique", "unique(ballot_id, voter_user_id)",
         "A member can vote only once on a ballot."),
    ]

    @api.constrains("ballot_id", "voter_user_id")
    def _check_named(self):
        for vote in self:
            if vote.ballot_id.secret:
                raise ValidationError(_(
                    "A secret ballot keeps no record of who chose what."))
