# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PaperlessBallotVoter(models.Model):
    """Who has voted on a ballot, and nothing about the choice.

    The unique constraint is the database's guarantee of one member, one
    vote. Rows are written by ``paperless.ballot.cast_vote`` only.
    """

    _name = "paperless.ballot.voter"
    _description = "Ballot Voter"
    _order = "ballot_id, user_id"
    _rec_name = "user_id"

    ballot_id = fields.Many2one(
        "paperless.ballot", required=True, ondelete="cascade", index=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        related="ballot_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Member", required=True, ondelete="restrict",
        index=True, readonly=True,
    )

    _sql_constraints = [
        ("ballot_user_unique", "unique(ballot_id, user_id)",
         "A member can vote only once on a ballot."),
    ]
