# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ballots (biểu quyết) and their options.

How a vote is stored (see DOMAIN.md §3 and tests/test_ballot_secrecy.py):

* while a ballot is open, every ballot, named or secret, is tallied by
  per-option counters in ``paperless_ballot_tally``, a table with no model
  over it (see paperless_ballot_option.py): ``cast_vote`` increments them in
  one parametrized UPDATE touching *all* options of the ballot, so even the
  system columns of the rows say nothing about which option the last voter
  chose, and no ORM path (read_group, search, order) reaches them;
* who has voted is kept in ``paperless.ballot.voter`` (one row per person,
  unique), which says nothing about the choice;
* only a named ballot also gets one ``paperless.ballot.vote`` row per person
  (voter and choice). A secret ballot gets no vote row at all: there is no
  row whose id, order, timestamp or author could be matched with a voter.

How votes and the close meet (no queueing, exact tally): a vote never
writes the ballot row. It runs in a READ COMMITTED transaction of its own
(``_begin_read_committed``), holds a shared lock (FOR SHARE) on the ballot
row and updates the counters under their row locks: concurrent votes wait
a few milliseconds for each other, never fail. The close locks the ballot
row exclusively (FOR UPDATE), which waits for the votes in flight and keeps
new ones out, then tallies in READ COMMITTED, that is, in a snapshot taken
after the lock. A vote that comes after the close finds it closed.
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.sql_db import TestCursor

from . import paperless_ballot_bus
from .paperless_body import PASS_RULES, QUORUM_RULES
from .paperless_lock_mixin import CHATTER_FIELDS

# Party ballots' wording (Quy định 294-QĐ/TW): the first option approves.
APPROVE, DISAPPROVE, ABSTAIN = "Đồng ý", "Không đồng ý", "Không biểu quyết"
VOTING_ROLES = ("chair", "member")
OFFICE_GROUP = "paperless_meeting.group_paperless_secretary"


class PaperlessBallot(models.Model):
    _name = "paperless.ballot"
    _description = "Ballot"
    _inherit = ["mail.thread", "paperless.lock.mixin", "paperless.paper.mixin"]
    _order = "meeting_id desc, sequence, id"
    # Once open, the question, its rules and its options are fixed; the
    # counts and the result are written by open, cast_vote and close only.
    _lock_states = ("open", "closed")
    _lock_parent_field = "meeting_id"
    _lock_exempt_fields = CHATTER_FIELDS + ("sequence",)
    _lock_system_fields = (
        "state", "vote_total", "member_count", "present_open_count", "present_count",
        "ballots_issued", "result", "date_open", "date_close", "seal_id",
    )

    name = fields.Char(
        string="Question", required=True, readonly=True,
        states={"draft": [("readonly", False)]},
    )
    sequence = fields.Integer(default=10)
    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, ondelete="cascade", index=True,
        readonly=True, states={"draft": [("readonly", False)]},
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    agenda_item_id = fields.Many2one(
        "paperless.agenda.item", ondelete="set null", readonly=True,
        states={"draft": [("readonly", False)]},
        domain="[('meeting_id', '=', meeting_id)]",
    )
    kind = fields.Selection(
        [("motion", "Resolution (yes / no)"),
         ("election", "Election or Personnel (candidates)")],
        string="Kind of Ballot", required=True, default="motion", readonly=True,
        states={"draft": [("readonly", False)]},
    )
    secret = fields.Boolean(
        string="Secret Ballot", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Nothing stored links a person to a choice; results are shown "
        "only once the ballot is closed.",
    )
    seats = fields.Integer(
        default=1, readonly=True,
        states={"draft": [("readonly", False)]},
        help="How many candidates are to be elected: a voter keeps at most "
        "this many names.")
    abstain_option = fields.Boolean(
        string="Abstention Option", default=True, readonly=True,
        states={"draft": [("readonly", False)]},
        help="A resolution offers \"Không biểu quyết\" besides \"Đồng ý\" and "
        "\"Không đồng ý\".")
    body_id = fields.Many2one(
        related="meeting_id.body_id", string="Leadership Body", readonly=True)
    board_head_id = fields.Many2one(
        "res.users", string="Head of the Counting Board", ondelete="restrict",
        readonly=True, states={"draft": [("readonly", False)]},
        help="Ban kiểm phiếu: chosen among the members present who are not "
        "candidates; signs the tally.")
    board_member_ids = fields.Many2many(
        "res.users", "paperless_ballot_board_rel", "ballot_id", "user_id",
        string="Counting Board Members", readonly=True,
        states={"draft": [("readonly", False)]})
    allow_change = fields.Boolean(
        string="Votes Can Be Changed", readonly=True,
        states={"draft": [("readonly", False)]},
        help="A member may change their vote while the ballot is open "
        "(named ballots only).",
    )
    # Defaults come from the meeting's body (see create).
    pass_rule = fields.Selection(
        PASS_RULES, required=True, default="members_majority", readonly=True,
        states={"draft": [("readonly", False)]},
    )
    quorum = fields.Selection(
        QUORUM_RULES, required=True, default="two_thirds", readonly=True,
        states={"draft": [("readonly", False)]},
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Voting"), ("closed", "Closed")],
        string="Status", required=True, readonly=True, copy=False,
        default="draft", index=True, track_visibility="onchange",
    )
    option_ids = fields.One2many(
        "paperless.ballot.option", "ballot_id", string="Options", copy=True,
        readonly=True, states={"draft": [("readonly", False)]},
    )
    voter_ids = fields.One2many(
        "paperless.ballot.voter", "ballot_id", string="Voters", readonly=True,
    )
    vote_ids = fields.One2many(
        "paperless.ballot.vote", "ballot_id", string="Named Votes", readonly=True,
        groups=OFFICE_GROUP,
    )
    # Votes never write the ballot row: the number cast is the number of
    # voter rows (one query for any number of ballots).
    vote_total = fields.Integer(compute="_compute_vote_total", string="Votes Cast")
    member_count = fields.Integer(
        string="Members (Base)", readonly=True, copy=False,
        help="The body's sitting members on the day the ballot opens (without "
        "a body: the chair and members invited), recorded at opening.")
    present_open_count = fields.Integer(
        string="Present at Opening", readonly=True, copy=False)
    present_count = fields.Integer(
        string="Present at Closing", readonly=True, copy=False,
        help="Members recorded present, at opening and again at closing.")
    ballots_issued = fields.Integer(
        readonly=True, copy=False,
        help="Members present at closing or who voted.")
    result = fields.Selection(
        [("passed", "Passed"), ("rejected", "Rejected"),
         ("tie", "Tie at the Last Seat"), ("no_quorum", "No Quorum at Closing")],
        readonly=True, copy=False, track_visibility="onchange",
    )
    date_open = fields.Datetime(string="Opened At", readonly=True, copy=False)
    date_close = fields.Datetime(string="Closed At", readonly=True, copy=False)
    seal_id = fields.Many2one(
        "paperless.ballot.seal", readonly=True, copy=False, ondelete="restrict",
    )
    meeting_state = fields.Selection(
        related="meeting_id.state", string="Meeting Status", readonly=True,
    )
    my_voted = fields.Boolean(compute="_compute_my_vote", string="I Voted")
    my_option_id = fields.Many2one(
        "paperless.ballot.option", compute="_compute_my_vote", string="My Choice",
    )
    can_vote = fields.Boolean(compute="_compute_my_vote")
    seal_check = fields.Text(compute="_compute_seal_check")

    _sql_constraints = [
        ("seats_positive", "CHECK(seats >= 1)",
         "A ballot elects at least one candidate."),
        ("change_named_only", "CHECK(NOT (secret AND allow_change))",
         "A secret ballot keeps no link to a choice, so its votes cannot be "
         "changed."),
    ]

    @api.depends("voter_ids")
    def _compute_vote_total(self):
        counts = {}
        if self.ids:
            self.env.cr.execute(
                "SELECT ballot_id, count(*) FROM paperless_ballot_voter"
                " WHERE ballot_id IN %s GROUP BY ballot_id", (tuple(self.ids),))
            counts = dict(self.env.cr.fetchall())
        for ballot in self:
            ballot.vote_total = counts.get(ballot.id, 0)

    @api.depends("voter_ids", "state")
    def _compute_my_vote(self):
        user = self.env.user
        # The current user's own voter and named-vote rows only, for all the
        # ballots at once (technical reads: members have no right on them).
        my_voters = self.env["paperless.ballot.voter"].sudo().search([
            ("ballot_id", "in", self.ids), ("user_id", "=", user.id)])
        voted_ids = set(my_voters.mapped("ballot_id").ids)
        my_votes = self.env["paperless.ballot.vote"].sudo().search([
            ("ballot_id", "in", self.ids), ("voter_user_id", "=", user.id)])
        choice = {vote.ballot_id.id: vote.option_id for vote in my_votes}
        my_attendees = self.env["paperless.meeting.attendee"].sudo().search([
            ("meeting_id", "in", self.mapped("meeting_id").ids),
            ("user_id", "=", user.id)])
        attendee_of = {row.meeting_id.id: row for row in my_attendees}
        for ballot in self:
            voted = ballot.id in voted_ids
            attendee = attendee_of.get(ballot.meeting_id.id)
            ballot.my_voted = voted
            ballot.my_option_id = choice.get(ballot.id, False)
            ballot.can_vote = bool(
                ballot.state == "open" and attendee
                and attendee.role in VOTING_ROLES
                and attendee.attendance == "present"
                and (not voted or ballot.allow_change))

    @api.depends("seal_id")
    def _compute_seal_check(self):
        # The ballot's own link only, in a constant number of queries: the
        # whole chain is walked by the explicit "Verify Seal" action.
        seal_model = self.env["paperless.ballot.seal"].sudo()
        for ballot in self:
            if not ballot.seal_id:
                ballot.seal_check = False
                continue
            problems = seal_model._check_link(ballot.sudo().seal_id)
            ballot.seal_check = "\n".join(problems) or _(
                "The tally matches its seal.")

    @api.constrains("kind", "secret")
    def _check_election_secret(self):
        if self.filtered(lambda ballot: ballot.kind == "election"
                         and not ballot.secret):
            raise ValidationError(_(
                "Elections and personnel votes are always by secret ballot "
                "(Quy định 190-QĐ/TW)."))

    @api.constrains("board_head_id", "board_member_ids", "option_ids")
    def _check_board(self):
        for ballot in self:
            board = ballot.board_head_id | ballot.board_member_ids
            if ballot.board_head_id in ballot.board_member_ids:
                raise ValidationError(_(
                    "The head of the counting board is not also one of its "
                    "members."))
            if board & ballot.option_ids.mapped("candidate_user_id"):
                raise ValidationError(_(
                    "A candidate cannot sit on the counting board."))

    @api.constrains("agenda_item_id", "meeting_id")
    def _check_agenda_item(self):
        for ballot in self:
            if ballot.agenda_item_id \
                    and ballot.agenda_item_id.meeting_id != ballot.meeting_id:
                raise ValidationError(_(
                    "The agenda item of a ballot must belong to its meeting."))

    @api.multi
    def _lock_message(self):
        if self and self.state in self._lock_states:
            return _("The ballot \"%(name)s\" has been opened: its question, rules "
                     "and options can no longer change.") % {"name": self.name}
        return _("No ballot can be added to or changed in a meeting that is done "
                 "or cancelled.")

    @api.model
    def create(self, vals):
        vals = dict(vals)
        kind = vals.get("kind", "motion")
        if kind == "election":
            # Elections are secret by rule; refused only when asked otherwise.
            vals.setdefault("secret", True)
        elif not vals.get("option_ids"):
            names = [(APPROVE, True), (DISAPPROVE, False)]
            if vals.get("abstain_option", True):
                names.append((ABSTAIN, False))
            vals["option_ids"] = [
                (0, 0, {"sequence": index, "name": name, "is_approval": approval})
                for index, (name, approval) in enumerate(names, start=1)]
        meeting = self.env["paperless.meeting"].browse(vals.get("meeting_id"))
        # The body's rules are the ballot's defaults (technical read of the
        # meeting's body: whoever may create the ballot gets its rules).
        body = meeting.sudo().body_id if meeting else False
        if body:
            vals.setdefault("quorum", body.quorum)
            vals.setdefault("pass_rule", body.pass_rule)
        return super().create(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda ballot: ballot.state != "draft"):
            raise UserError(_("Only draft ballots can be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------
    # Workflow: the office or the chair of the meeting opens and closes.
    # ------------------------------------------------------------------
    @api.multi
    def _check_chair_or_office(self):
        user = self.env.user
        if user.has_group(OFFICE_GROUP):
            return
        for ballot in self:
            if ballot.sudo().meeting_id.chair_id != user:
                raise AccessError(_(
                    "Only the chair of the meeting or the office can open or "
                    "close a ballot."))

    @api.multi
    def _voting_counts(self, day=None):
        """(members, members present): with a body, its sitting members on
        ``day`` (the day the ballot opened) and those of them present; without
        one, the voting invitees and those present."""
        self.ensure_one()
        # sudo: counts of the meeting's members and of those present
        # (numbers only), for the base and the quorum shown on the ballot.
        meeting = self.sudo().meeting_id
        voting = meeting.attendee_ids.filtered(
            lambda attendee: attendee.role in VOTING_ROLES)
        present = voting.filtered(
            lambda attendee: attendee.attendance == "present").mapped("user_id")
        if not meeting.body_id:
            return len(voting), len(present)
        sitting = meeting.body_id._sitting_users(
            day or (self.date_open or fields.Datetime.now())[:10])
        return len(sitting), len(present & sitting)

    @api.model
    def _quorum_met(self, quorum, members, present):
        if not members:
            return False
        if quorum == "two_thirds":
            return present * 3 >= members * 2
        return present * 2 > members

    @api.multi
    def action_open(self):
        self._check_chair_or_office()
        for ballot in self:
            if ballot.state != "draft":
                raise UserError(_("The ballot \"%(name)s\" is not a draft.")
                                % {"name": ballot.name})
            if ballot.meeting_id.sudo().state != "in_progress":
                raise UserError(_(
                    "A ballot can be opened only while its meeting is in progress."))
            ballot._check_ready()
            now = fields.Datetime.now()
            members, present = ballot._voting_counts(now[:10])
            if not self._quorum_met(ballot.quorum, members, present):
                raise UserError(_(
                    "No quorum: %(present)d of %(members)d voting members are "
                    "present, which is not enough to open the ballot "
                    "\"%(name)s\".") % {
                        "present": present, "members": members,
                        "name": ballot.name})
            # The chair has no write right on ballots; the check above is
            # their whole right to open one.
            ballot.sudo()._transition({
                "state": "open", "date_open": now, "member_count": members,
                "present_open_count": present, "present_count": present,
            })
            ballot.sudo()._log_by(self.env.user, _("Voting opened."))
            self.env.cr.execute(
                "INSERT INTO paperless_ballot_tally (option_id, ballot_id, votes)"
                " SELECT id, ballot_id, 0 FROM paperless_ballot_option"
                " WHERE ballot_id = %s ON CONFLICT DO NOTHING", (ballot.id,))
            ballot._notify_live()
        return True

    @api.multi
    def _check_ready(self):
        """What a ballot needs before it opens: an approval option for a
        resolution; candidates, seats and a counting board for an election."""
        self.ensure_one()
        options = self.option_ids
        if self.kind == "motion":
            if len(options) < 2 or len(options.filtered("is_approval")) != 1:
                raise UserError(_(
                    "The resolution \"%(name)s\" needs at least two options, "
                    "exactly one of them the approval option.") % {"name": self.name})
            return True
        if not options or self.seats > len(options):
            raise UserError(_(
                "The election \"%(name)s\" needs at least as many candidates as "
                "seats (%(seats)d).") % {"name": self.name, "seats": self.seats})
        if not self.board_head_id:
            raise UserError(_(
                "The election \"%(name)s\" needs a counting board (at least its "
                "head) before it can be opened.") % {"name": self.name})
        # sudo: who is recorded present, to check the board (names only).
        present = self.sudo().meeting_id.attendee_ids.filtered(
            lambda attendee: attendee.attendance == "present").mapped("user_id")
        if (self.board_head_id | self.board_member_ids) - present:
            raise UserError(_(
                "The counting board is chosen among the people present."))
        return True

    @api.multi
    def _transition(self, vals):
        """Write a transition (as superuser, see the callers) without
        Odoo's tracking, which would name the superuser: ``_log_by`` names
        the person who made it."""
        return self.with_context(tracking_disable=True)._lock_write_system(vals)

    @api.multi
    def _log_by(self, actor, note):
        for ballot in self:
            ballot.message_post(body=note, author_id=actor.partner_id.id,
                                subtype="mail.mt_note")

    @api.model
    def _begin_read_committed(self):
        """Start the caller's unit of work afresh in READ COMMITTED, when the
        transaction has written nothing yet (an RPC call or a form post:
        dropping it loses only its snapshot). Each statement then sees what
        is committed, and waits on row locks instead of failing with a
        serialization error. Inside a larger transaction (demo data, tests)
        nothing changes: REPEATABLE READ and Odoo's retries keep it exact."""
        cr = self.env.cr
        if isinstance(cr, TestCursor) or self.env.registry.in_test_mode():
            return False
        cr.execute("SELECT txid_current_if_assigned()")
        if cr.fetchone()[0] is not None:
            return False
        cr.rollback()
        cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
        self.env.cache.invalidate()
        return True

    @api.multi
    def action_close(self):
        self._check_chair_or_office()
        self._begin_read_committed()
        for ballot in self:
            # The exclusive lock waits for the votes in flight (each holds a
            # shared lock on this row) and keeps new ones out; everything
            # read after it sees every accepted vote (READ COMMITTED), or
            # fails to serialize and is retried (REPEATABLE READ).
            self.env.cr.execute(
                "SELECT state FROM paperless_ballot WHERE id = %s FOR UPDATE",
                (ballot.id,), log_exceptions=False)
            ballot.invalidate_cache()
            # sudo: the close writes the tally, the seal and the chatter after
            # the chair/office check above.
            sudo_ballot = ballot.sudo()
            if ballot.state != "open":
                raise UserError(_("The ballot \"%(name)s\" is not open.")
                                % {"name": ballot.name})
            present = ballot._voting_counts()[1]
            sudo_ballot._transition({
                "state": "closed", "date_close": fields.Datetime.now(),
                "present_count": present,
                "ballots_issued": ballot._ballots_issued(),
            })
            sudo_ballot._compute_result()
            seal = self.env["paperless.ballot.seal"].sudo()._append(sudo_ballot)
            sudo_ballot._transition({"seal_id": seal.id})
            sudo_ballot._paper_issue("tally")
            result = dict(self._fields["result"]._description_selection(
                self.env))[sudo_ballot.result]
            sudo_ballot._log_by(self.env.user, _(
                "Voting closed: %(result)s. The tally is sealed (link %(link)d).")
                % {"result": result, "link": seal.sequence})
            ballot._notify_live()
        return True

    @api.multi
    def _ballots_issued(self):
        """Members present at closing, and those who voted and left."""
        self.ensure_one()
        self.env.cr.execute(
            "SELECT count(*) FROM ("
            " SELECT user_id FROM paperless_meeting_attendee"
            " WHERE meeting_id = %s AND role IN %s AND attendance = 'present'"
            " UNION SELECT user_id FROM paperless_ballot_voter WHERE ballot_id = %s"
            ") AS issued", (self.meeting_id.id, VOTING_ROLES, self.id))
        return self.env.cr.fetchone()[0]

    @api.multi
    def action_print(self):
        return self.env.ref(
            "paperless_meeting.report_ballot_result").report_action(self)

    @api.multi
    def _demo_cast_votes(self, votes):
        """Demo data only: cast ``votes`` ([(user id, option position or
        list of positions)]) as each of those users, through cast_vote."""
        self.ensure_one()
        for user_id, position in votes:
            if isinstance(position, list):
                choice = [self.option_ids[index].id for index in position]
            else:
                choice = self.option_ids[position].id
            self.sudo(user_id).cast_vote(choice)
        return True

    @api.multi
    def action_verify_seal(self):
        """The office checks the whole seal chain; the result is logged on the
        ballot. Problems name links, never other ballots."""
        self._ensure_one_action()
        if not self.env.user.has_group(OFFICE_GROUP):
            raise AccessError(_("Only the office can verify the seal chain."))
        # Technical walk of every link: the office may verify, and the
        # message it gets names no other ballot.
        seals = self.env["paperless.ballot.seal"].sudo()
        problems = seals._verify_chain()
        if problems:
            raise UserError("\n".join(problems))
        self.message_post(body=_("Seal chain verified: intact (%(count)d links).")
                          % {"count": seals.search_count([])},
                          subtype="mail.mt_note")
        return True

    # ------------------------------------------------------------------
    # Result
    # ------------------------------------------------------------------
    @api.multi
    def _pass_base(self):
        self.ensure_one()
        return {
            "members_majority": self.member_count,
            "present_majority": self.present_count,
            "cast_majority": self.vote_total,
            "two_thirds_members": self.member_count,
        }[self.pass_rule]

    @api.multi
    def _meets_rule(self, count, base=None):
        """True when ``count`` votes carry an option (or elect a candidate)
        over ``base`` (default: the rule's base). Abstentions and blank
        ballots count as votes cast; ties never pass."""
        self.ensure_one()
        base = self._pass_base() if base is None else base
        if count <= 0:
            return False
        if self.pass_rule == "two_thirds_members":
            return count * 3 >= base * 2
        return count * 2 > base

    @api.multi
    def _tally_counts(self, lock=False):
        """{option id: running count} of open ballots, read from the tally
        table (the callers decide who may see it). ``lock``: the close's
        read, which also fails to serialize if a vote it cannot see has
        committed (REPEATABLE READ)."""
        if not self:
            return {}
        query = ("SELECT option_id, votes FROM paperless_ballot_tally"
                 " WHERE ballot_id IN %s FOR UPDATE") if lock else (
                     "SELECT option_id, votes FROM paperless_ballot_tally"
                     " WHERE ballot_id IN %s")
        self.env.cr.execute(query, (tuple(self.ids),), log_exceptions=False)
        return dict(self.env.cr.fetchall())

    @api.multi
    def _compute_result(self):
        """At close (sudo): copy the running counts into the options, drop
        them, check the quorum again and set ``elected``/``tied`` per option
        and ``result`` on the ballot."""
        for ballot in self:
            counts = ballot._tally_counts(lock=True)
            for option in ballot.option_ids:
                option._lock_write_system({"vote_count": counts.get(option.id, 0)})
            self.env.cr.execute(
                "DELETE FROM paperless_ballot_tally WHERE ballot_id = %s",
                (ballot.id,))
            if not self._quorum_met(ballot.quorum, ballot.member_count,
                                    ballot.present_count):
                ballot._transition({"result": "no_quorum"})
                continue
            if ballot.kind == "motion":
                carried = ballot.option_ids.filtered(
                    lambda option: option.is_approval
                    and ballot._meets_rule(option.vote_count))
                carried._lock_write_system({"elected": True})
                ballot._transition({"result": "passed" if carried else "rejected"})
                continue
            elected, tied = ballot._elect()
            elected._lock_write_system({"elected": True})
            tied._lock_write_system({"tied": True})
            ballot._transition({"result": "tie" if tied else (
                "passed" if elected else "rejected")})

    @api.multi
    def _elect(self):
        """(elected, tied): the candidates over the rule, best first, at
        most ``seats``; a tie for the last seat elects none of the tied,
        who are named for a re-vote."""
        self.ensure_one()
        qualified = self.option_ids.filtered(
            lambda option: self._meets_rule(option.vote_count)).sorted(
                key=lambda option: -option.vote_count)
        if len(qualified) <= self.seats:
            return qualified, qualified.browse()
        last = qualified[self.seats - 1].vote_count
        if qualified[self.seats].vote_count != last:
            return qualified[:self.seats], qualified.browse()
        return (qualified.filtered(lambda option: option.vote_count > last),
                qualified.filtered(lambda option: option.vote_count == last))

    @api.multi
    def _result_lines(self):
        """What the tally shows: options, counts and, for a named ballot,
        who chose each option. Empty counts before closing a secret ballot."""
        self.ensure_one()
        self._check_can_read(self)
        ballot = self.sudo()
        visible = ballot.state == "closed" or (
            not ballot.secret and ballot.state == "open")
        counts = ballot._tally_counts() if ballot.state == "open" else {}
        lines = []
        for option in ballot.option_ids:
            names = []
            if not ballot.secret and ballot.state == "closed":
                names = ballot.vote_ids.filtered(
                    lambda vote: vote.option_id == option).mapped(
                        "voter_user_id.name")
            lines.append({
                "option": option,
                "name": option.name,
                "count": (counts.get(option.id, 0) if ballot.state == "open"
                          else option.vote_count) if visible else None,
                "elected": option.elected,
                "tied": option.tied,
                "share": ballot._share(option.vote_count)
                if ballot.state == "closed" else None,
                "names": sorted(names),
            })
        return lines

    @api.multi
    def _share(self, count):
        """``count`` as a percentage of the rule's base (None without one)."""
        self.ensure_one()
        base = self._pass_base()
        return round(100.0 * count / base, 2) if base else None

    @api.multi
    def live_data(self):
        """Counts for the live panel and the bus: before closing, a secret
        ballot shows only how many have voted."""
        self._ensure_one_action()
        self._check_can_read(self)
        return self._live_payload()

    @api.multi
    def _live_payload(self):
        ballot = self.sudo()
        payload = {
            "ballot_id": ballot.id,
            "state": ballot.state,
            "vote_total": ballot.vote_total,
            "present_count": ballot.present_count,
            "present_open_count": ballot.present_open_count,
            "member_count": ballot.member_count,
            "result": ballot.result or False,
            "options": [],
        }
        if ballot.state == "closed" or (ballot.state == "open" and not ballot.secret):
            # One query for the options and their counts, running or final:
            # this payload is built after every vote.
            self.env.cr.execute(
                "SELECT option.name, COALESCE(tally.votes, option.vote_count),"
                " option.elected, option.tied FROM paperless_ballot_option AS option"
                " LEFT JOIN paperless_ballot_tally AS tally"
                " ON tally.option_id = option.id"
                " WHERE option.ballot_id = %s ORDER BY option.sequence, option.id",
                (ballot.id,))
            payload["options"] = [
                {"name": name, "count": count, "elected": bool(elected),
                 "tied": bool(tied)}
                for name, count, elected, tied in self.env.cr.fetchall()]
        return payload

    @api.multi
    def _live_channel(self):
        """One bus channel per ballot."""
        self.ensure_one()
        return (self._cr.dbname, "paperless.ballot.live", self.id)

    @api.model
    def _live_channels_followed(self):
        """The live channels of the open ballots the current user may follow:
        the office all of them, a chair those of the meetings they chair.
        Members follow nothing live: they see results on their page."""
        if not self.check_access_rights("read", raise_exception=False):
            return []
        domain = [("state", "=", "open")]
        if not self.env.user.has_group(OFFICE_GROUP):
            domain.append(("meeting_id.chair_id", "=", self.env.uid))
        return [ballot._live_channel() for ballot in self.search(domain)]

    @api.multi
    def _notify_live(self):
        # Not bus.sendone: see paperless_ballot_bus.py (one connection per
        # process, not one per vote).
        return paperless_ballot_bus.send(self.env, [
            (ballot._live_channel(),
             dict(ballot._live_payload(), type="paperless.ballot.live"))
            for ballot in self])

    # ------------------------------------------------------------------
    # Voting, called by the voter on the ballot
    # ------------------------------------------------------------------
    @api.multi
    def _choice_ids(self, kind, seats, option_ids):
        """The ids a voter keeps: one id for a resolution; for an election a
        list of at most ``seats`` distinct ids (an empty list is a valid
        blank ballot; one id alone is a list of one)."""
        if kind == "motion":
            if isinstance(option_ids, (list, tuple)):
                raise UserError(_("Please choose exactly one option."))
            return [self._arg_id(option_ids, _("Choice"))]
        if not isinstance(option_ids, (list, tuple)):
            option_ids = [option_ids]
        ids = [self._arg_id(value, _("Candidate")) for value in option_ids]
        if len(set(ids)) != len(ids):
            raise UserError(_("Each name can be kept only once."))
        if len(ids) > seats:
            raise UserError(_(
                "You kept %(kept)d names, but at most %(seats)d are to be "
                "elected: please cross out more names.") % {
                    "kept": len(ids), "seats": seats})
        return ids

    @api.multi
    def cast_vote(self, option_ids):
        """Record the current user's vote: ``option_ids`` is an option id for
        a resolution, the list of names kept for an election.

        Runs as the voter, who has no write right on ballots: after the
        explicit checks below (ballot open, voter a voting member recorded
        present, sitting on the body if the meeting has one, choices of this
        ballot, not voted yet) the writes are made with parametrized SQL.
        Nothing is logged. See the module docstring for the locking.
        """
        self._ensure_one_action()
        user = self.env.user
        cr = self.env.cr
        own = self._begin_read_committed()
        # 1. A shared lock on the ballot row: votes do not block each other,
        #    the close (FOR UPDATE) waits for them, and a vote after the close
        #    sees it closed.
        cr.execute(
            "SELECT ballot.state, ballot.secret, ballot.allow_change, ballot.kind,"
            " ballot.seats, ballot.meeting_id, ballot.name, ballot.date_open,"
            " meeting.state, meeting.body_id, ballot.member_count,"
            " ballot.present_open_count, ballot.present_count"
            " FROM paperless_ballot AS ballot"
            " JOIN paperless_meeting AS meeting ON meeting.id = ballot.meeting_id"
            " WHERE ballot.id = %s FOR SHARE OF ballot",
            (self.id,), log_exceptions=False)
        row = cr.fetchone()
        if not row:
            raise UserError(_("This ballot no longer exists."))
        (state, secret, allow_change, kind, seats, meeting_id, name, date_open,
         meeting_state, body_id, member_count, present_open, present) = row
        if state != "open" or meeting_state != "in_progress":
            raise UserError(_(
                "Voting on \"%(name)s\" is not open: the ballot has not been "
                "opened yet or is already closed.") % {"name": name})
        choice_ids = self._choice_ids(kind, seats, option_ids)
        # 2. The voter: a voting member of the meeting, recorded present, and
        #    sitting on the body (if any) the day the ballot opened.
        cr.execute(
            "SELECT attendee.role, attendee.attendance, %s IS NULL OR EXISTS ("
            "  SELECT 1 FROM paperless_body_member AS seat"
            "  WHERE seat.body_id = %s AND seat.user_id = attendee.user_id"
            "  AND (seat.date_from IS NULL OR seat.date_from <= %s::date)"
            "  AND (seat.date_to IS NULL OR seat.date_to >= %s::date))"
            " FROM paperless_meeting_attendee AS attendee"
            " WHERE attendee.meeting_id = %s AND attendee.user_id = %s",
            (body_id, body_id, date_open, date_open, meeting_id, user.id))
        attendee = cr.fetchone()
        if not attendee or attendee[0] not in VOTING_ROLES or not attendee[2]:
            raise AccessError(_(
                "Only the chair and the members of the meeting can vote."))
        if attendee[1] != "present":
            raise UserError(_(
                "Only members recorded present can vote; please check in first."))
        # 3. The choices belong to this ballot.
        cr.execute(
            "SELECT id, name FROM paperless_ballot_option WHERE ballot_id = %s"
            " ORDER BY sequence, id", (self.id,))
        options = cr.fetchall()
        if set(choice_ids) - {option[0] for option in options}:
            raise UserError(_("This choice does not belong to the ballot."))
        # 4. One member, one vote: the unique constraint on the voter row is
        #    the database's guarantee (a second vote racing the first waits
        #    for it, then finds the row).
        cr.execute(
            "INSERT INTO paperless_ballot_voter (ballot_id, company_id, user_id,"
            " create_uid, create_date, write_uid, write_date)"
            " SELECT id, company_id, %s, %s, now() at time zone 'UTC', %s,"
            " now() at time zone 'UTC' FROM paperless_ballot WHERE id = %s"
            " ON CONFLICT (ballot_id, user_id) DO NOTHING RETURNING id",
            (user.id, user.id, user.id, self.id), log_exceptions=False)
        previous_ids = []
        if not cr.fetchone():
            if not allow_change:
                raise UserError(_("You have already voted on \"%(name)s\".")
                                % {"name": name})
            cr.execute(
                "SELECT option_id FROM paperless_ballot_vote"
                " WHERE ballot_id = %s AND voter_user_id = %s FOR UPDATE",
                (self.id, user.id), log_exceptions=False)
            previous_ids = [cr.fetchone()[0]]
            cr.execute(
                "UPDATE paperless_ballot_vote SET option_id = %s"
                " WHERE ballot_id = %s AND voter_user_id = %s",
                (choice_ids[0], self.id, user.id))
        elif not secret:
            cr.execute(
                "INSERT INTO paperless_ballot_vote"
                " (ballot_id, company_id, option_id, voter_user_id)"
                " SELECT id, company_id, %s, %s FROM paperless_ballot"
                " WHERE id = %s", (choice_ids[0], user.id, self.id))
        cr.execute("SELECT count(*) FROM paperless_ballot_voter WHERE ballot_id = %s",
                   (self.id,))
        vote_total = cr.fetchone()[0]
        # 5. The tally, under its row locks: one UPDATE on all options of the
        #    ballot, so the new row versions do not show what was chosen.
        #    A blank ballot rewrites them too (+0): nothing tells it apart.
        #    From here to the commit, the other votes of the ballot wait:
        #    only the live push (SQL) is left before committing. The rows
        #    are locked in one order first: an UPDATE alone may meet them in
        #    another order than a concurrent one (their versions move) and
        #    deadlock.
        cr.execute(
            "SELECT option_id FROM paperless_ballot_tally WHERE ballot_id = %s"
            " ORDER BY option_id FOR UPDATE", (self.id,), log_exceptions=False)
        cr.execute(
            "UPDATE paperless_ballot_tally SET votes = votes"
            " + CASE WHEN option_id IN %s THEN 1 ELSE 0 END"
            " - CASE WHEN option_id IN %s THEN 1 ELSE 0 END"
            " WHERE ballot_id = %s RETURNING option_id, votes",
            (tuple(choice_ids or [0]), tuple(previous_ids or [0]), self.id),
            log_exceptions=False)
        counts = dict(cr.fetchall())
        paperless_ballot_bus.send_sql(self.env, self._live_channel(), {
            "type": "paperless.ballot.live", "ballot_id": self.id, "state": state,
            "vote_total": vote_total, "present_count": present,
            "present_open_count": present_open, "member_count": member_count,
            "result": False, "options": [] if secret else [
                {"name": option_name, "count": counts.get(option_id, 0),
                 "elected": False, "tied": False}
                for option_id, option_name in options]})
        if own:
            # The vote's own transaction (begun above, nothing of the caller's
            # in it) ends here, releasing the counters at once.
            cr.commit()  # pylint: disable=invalid-commit
        # The SQL above bypassed the ORM: forget what it cached of the ballot.
        self.invalidate_cache(ids=self.ids)
        self.env["paperless.ballot.option"].invalidate_cache(["result_count"])
        return True
