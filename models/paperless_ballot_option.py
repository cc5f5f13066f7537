# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ballot options, and the running tally kept out of the ORM's reach.

While a ballot is open its counts live in ``paperless_ballot_tally``, a
table created here with no model over it: no ``read``, ``search``,
``read_group``, ``order`` or export can reach it, whatever the caller's
groups (in Odoo 11 field ``groups`` guard ``read`` only). ``cast_vote``
updates all the rows of a ballot at once, so even the row versions do not
show which option the last voter chose. Closing copies the counts into
``vote_count`` (public from then on, and sealed) and drops the rows.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class PaperlessBallotOption(models.Model):
    _name = "paperless.ballot.option"
    _inherit = ["paperless.lock.mixin"]
    _description = "Ballot Option"
    _order = "ballot_id, sequence, id"
    _lock_parent_field = "ballot_id"
    _lock_system_fields = ("vote_count", "elected", "tied")

    ballot_id = fields.Many2one(
        "paperless.ballot", required=True, ondelete="cascade", index=True,
    )
    company_id = fields.Many2one(
        related="ballot_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Option", required=True)
    is_approval = fields.Boolean(
        string="Approves",
        help="The option that carries a resolution when it meets the pass "
        "rule (never the options' order).")
    candidate_user_id = fields.Many2one(
        "res.users", string="Candidate (User)", ondelete="restrict",
        help="The candidate's user, if any: a candidate cannot sit on the "
        "counting board.")
    # Zero until the ballot closes; the close writes the final count here.
    vote_count = fields.Integer(
        string="Final Votes", readonly=True, copy=False, default=0)
    # Not stored: neither searchable nor groupable.
    result_count = fields.Integer(
        compute="_compute_result_count", search="_search_result_count",
        string="Votes",
    )
    elected = fields.Boolean(string="Carried", readonly=True, copy=False)
    tied = fields.Boolean(
        string="Tied for the Last Seat", readonly=True, copy=False,
        help="Not elected: tied with others for the last seat, for a re-vote.")
    ballot_state = fields.Selection(
        related="ballot_id.state", string="Ballot Status", readonly=True,
    )

    _sql_constraints = [
        ("vote_count_positive", "CHECK(vote_count >= 0)",
         "A vote count cannot be negative."),
    ]

    @api.model_cr
    def init(self):
        self.env.cr.execute(
            "CREATE TABLE IF NOT EXISTS paperless_ballot_tally ("
            " option_id integer PRIMARY KEY"
            "  REFERENCES paperless_ballot_option(id) ON DELETE CASCADE,"
            " ballot_id integer NOT NULL"
            "  REFERENCES paperless_ballot(id) ON DELETE CASCADE,"
            " votes integer NOT NULL DEFAULT 0 CHECK (votes >= 0))")
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS paperless_ballot_tally_ballot_idx"
            " ON paperless_ballot_tally (ballot_id)")

    @api.constrains("candidate_user_id")
    def _check_candidate_not_on_board(self):
        self.mapped("ballot_id")._check_board()

    @api.depends("ballot_id.state", "ballot_id.secret", "vote_count")
    def _compute_result_count(self):
        # Technical read of the ballots' state and secrecy: the counts shown
        # follow them, whoever reads.
        ballots = self.sudo().mapped("ballot_id")
        running = ballots.filtered(
            lambda ballot: ballot.state == "open" and not ballot.secret)
        live = running._tally_counts() if running else {}
        for option in self:
            ballot = option.sudo().ballot_id
            if ballot.state == "closed":
                option.result_count = option.sudo().vote_count
            else:
                option.result_count = live.get(option.id, 0)

    @api.model
    def _search_result_count(self, operator, value):
        # Searching by count would reveal running counts one query at a time.
        raise UserError(_("Ballot options cannot be searched by their votes."))

    @api.multi
    def _lock_message(self):
        return _("The options of an opened ballot cannot be changed.")
