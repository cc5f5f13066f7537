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
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .paperless_lock_mixin import CHATTER_FIELDS

DEFAULT_OPTIONS = ("Tán thành", "Không tán thành", "Không biểu quyết")
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
        "state", "vote_total", "member_count", "present_count", "result",
        "date_open", "date_close", "seal_id",
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
        [("motion", "Resolution (yes / no)"), ("election", "Personnel (candidates)")],
        string="Kind of Ballot", required=True, default="motion", readonly=True,
        states={"draft": [("readonly", False)]},
    )
    secret = fields.Boolean(
        string="Secret Ballot", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Nothing stored links a person to a choice; results are shown "
        "only once the ballot is closed.",
    )
    allow_change = fields.Boolean(
        string="Votes Can Be Changed", readonly=True,
        states={"draft": [("readonly", False)]},
        help="A member may change their vote while the ballot is open "
        "(named ballots only).",
    )
    pass_rule = fields.Selection(
        [
            ("members_majority", "More than half of all voting members"),
            ("present_majority", "More than half of the members present"),
            ("cast_majority", "More than half of the votes cast"),
            ("two_thirds_members", "Two thirds of all voting members"),
        ],
        required=True, default="members_majority", readonly=True,
        states={"draft": [("readonly", False)]},
    )
    quorum = fields.Selection(
        [
            ("majority", "More than half of the voting members present"),
            ("two_thirds", "Two thirds of the voting members present"),
        ],
        required=True, default="majority", readonly=True,
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
    # Written by cast_vote on every vote: the row every vote and the close
    # both update, so they conflict and the loser is retried.
    vote_total = fields.Integer(
        string="Votes Cast", readonly=True, copy=False, default=0)
    member_count = fields.Integer(
        string="Voting Members", readonly=True, copy=False,
        help="Chair and members invited, recorded when the ballot opens.")
    present_count = fields.Integer(
        string="Members Present", readonly=True, copy=False,
        help="Voting members recorded present, at opening and again at closing.")
    result = fields.Selection(
        [("passed", "Passed"), ("rejected", "Rejected")],
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
        ("vote_total_positive", "CHECK(vote_total >= 0)",
         "The number of votes cast cannot be negative."),
        ("change_named_only", "CHECK(NOT (secret AND allow_change))",
         "A secret ballot keeps no link to a choice, so its votes cannot be "
         "changed."),
    ]

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
        if not vals.get("option_ids") and vals.get("kind", "motion") == "motion":
            vals = dict(vals, option_ids=[
                (0, 0, {"sequence": index, "name": name})
                for index, name in enumerate(DEFAULT_OPTIONS, start=1)])
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
    def _voting_counts(self):
        """(voting members, voting members present) of the ballot's meeting."""
        self.ensure_one()
        voting = self.sudo().meeting_id.attendee_ids.filtered(
            lambda attendee: attendee.role in VOTING_ROLES)
        present = voting.filtered(lambda attendee: attendee.attendance == "present")
        return len(voting), len(present)

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
            minimum = 2 if ballot.kind == "motion" else 1
            if len(ballot.option_ids) < minimum:
                raise UserError(_(
                    "The ballot \"%(name)s\" needs options (or candidates) before "
                    "it can be opened.") % {"name": ballot.name})
            members, present = ballot._voting_counts()
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
                "state": "open", "date_open": fields.Datetime.now(),
                "member_count": members, "present_count": present,
            })
            ballot.sudo()._log_by(self.env.user, _("Voting opened."))
            self.env.cr.execute(
                "INSERT INTO paperless_ballot_tally (option_id, ballot_id, votes)"
                " SELECT id, ballot_id, 0 FROM paperless_ballot_option"
                " WHERE ballot_id = %s ON CONFLICT DO NOTHING", (ballot.id,))
            ballot._notify_live()
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

    @api.multi
    def action_close(self):
        self._check_chair_or_office()
        for ballot in self:
            # This write updates the ballot row that every vote also updates:
            # a vote committed after this transaction began makes it fail with
            # a serialization error, and Odoo retries it with a fresh snapshot.
            # The tally below therefore holds exactly the accepted votes.
            sudo_ballot = ballot.sudo()
            if ballot.state != "open":
                raise UserError(_("The ballot \"%(name)s\" is not open.")
                                % {"name": ballot.name})
            present = ballot._voting_counts()[1]
            sudo_ballot._transition({
                "state": "closed", "date_close": fields.Datetime.now(),
                "present_count": present,
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
    def action_print(self):
        return self.env.ref(
            "paperless_meeting.report_ballot_result").report_action(self)

    @api.multi
    def _demo_cast_votes(self, votes):
        """Demo data only: cast ``votes`` ([(user id, option position)]) as
        each of those users, through the real cast_vote."""
        self.ensure_one()
        for user_id, position in votes:
            self.sudo(user_id).cast_vote(self.option_ids[position].id)
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
    def _meets_rule(self, count):
        """True when ``count`` votes for an option carry it under the rule.
        Abstentions count as votes cast; ties never pass."""
        self.ensure_one()
        base = self._pass_base()
        if count <= 0:
            return False
        if self.pass_rule == "two_thirds_members":
            return count * 3 >= base * 2
        return count * 2 > base

    @api.multi
    def _tally_counts(self):
        """{option id: running count} of open ballots, read from the tally
        table (the callers decide who may see it)."""
        if not self:
            return {}
        self.env.cr.execute(
            "SELECT option_id, votes FROM paperless_ballot_tally"
            " WHERE ballot_id IN %s", (tuple(self.ids),))
        return dict(self.env.cr.fetchall())

    @api.multi
    def _compute_result(self):
        """At close (sudo): copy the running counts into the options, drop
        them, and set ``elected`` per option and ``result`` on the ballot."""
        for ballot in self:
            counts = ballot._tally_counts()
            for option in ballot.option_ids:
                option._lock_write_system({"vote_count": counts.get(option.id, 0)})
            self.env.cr.execute(
                "DELETE FROM paperless_ballot_tally WHERE ballot_id = %s",
                (ballot.id,))
            options = ballot.option_ids
            if ballot.kind == "motion":
                carried = options[:1].filtered(
                    lambda option: ballot._meets_rule(option.vote_count))
            else:
                carried = options.filtered(
                    lambda option: ballot._meets_rule(option.vote_count))
            carried._lock_write_system({"elected": True})
            ballot._transition({"result": "passed" if carried else "rejected"})

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
                "names": sorted(names),
            })
        return lines

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
            "member_count": ballot.member_count,
            "result": ballot.result or False,
            "options": [],
        }
        if ballot.state == "closed" or (ballot.state == "open" and not ballot.secret):
            # One query for the options and their counts, running or final:
            # this payload is built after every vote.
            self.env.cr.execute(
                "SELECT option.name, COALESCE(tally.votes, option.vote_count),"
                " option.elected FROM paperless_ballot_option AS option"
                " LEFT JOIN paperless_ballot_tally AS tally"
                " ON tally.option_id = option.id"
                " WHERE option.ballot_id = %s ORDER BY option.sequence, option.id",
                (ballot.id,))
            payload["options"] = [
                {"name": name, "count": count, "elected": bool(elected)}
                for name, count, elected in self.env.cr.fetchall()]
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
        bus = self.env["bus.bus"].sudo()
        for ballot in self:
            bus.sendone(ballot._live_channel(),
                        dict(ballot._live_payload(), type="paperless.ballot.live"))

    # ------------------------------------------------------------------
    # Voting, called by the voter on the ballot
    # ------------------------------------------------------------------
    @api.multi
    def cast_vote(self, option_id):
        """Record the current user's vote for ``option_id``.

        Runs as the voter, who has no write right on ballots: after the
        explicit checks below (ballot open, voter a voting member recorded
        present, option of this ballot, not voted yet) the writes are made
        with parametrized SQL and ``sudo()``. Nothing is logged.
        """
        self._ensure_one_action()
        option_id = self._arg_id(option_id, _("Choice"))
        user = self.env.user
        cr = self.env.cr
        # 1. Write the ballot row first, so that votes and the close conflict
        #    (REPEATABLE READ: the later one fails and Odoo retries it). A
        #    serialization failure here is expected under load: not logged.
        cr.execute(
            "UPDATE paperless_ballot AS ballot"
            " SET vote_total = COALESCE(ballot.vote_total, 0) + 1"
            " FROM paperless_meeting AS meeting"
            " WHERE ballot.id = %s AND meeting.id = ballot.meeting_id"
            " RETURNING ballot.state, ballot.secret, ballot.allow_change,"
            " ballot.meeting_id, ballot.name, meeting.state",
            (self.id,), log_exceptions=False)
        row = cr.fetchone()
        if not row:
            raise UserError(_("This ballot no longer exists."))
        state, secret, allow_change, meeting_id, name, meeting_state = row
        if state != "open" or meeting_state != "in_progress":
            raise UserError(_(
                "Voting on \"%(name)s\" is not open: the ballot has not been "
                "opened yet or is already closed.") % {"name": name})
        # 2. The voter: a voting member of the meeting, recorded present.
        cr.execute(
            "SELECT role, attendance FROM paperless_meeting_attendee "
            "WHERE meeting_id = %s AND user_id = %s", (meeting_id, user.id))
        attendee = cr.fetchone()
        if not attendee or attendee[0] not in VOTING_ROLES:
            raise AccessError(_(
                "Only the chair and the members of the meeting can vote."))
        if attendee[1] != "present":
            raise UserError(_(
                "Only members recorded present can vote; please check in first."))
        # 3. The option belongs to this ballot.
        cr.execute(
            "SELECT id FROM paperless_ballot_option WHERE id = %s AND ballot_id = %s",
            (option_id, self.id))
        if not cr.fetchone():
            raise UserError(_("This choice does not belong to the ballot."))
        # 4. One member, one vote (the unique constraint on the voter row is
        #    the database's guarantee; this check gives the clear message).
        cr.execute(
            "SELECT id FROM paperless_ballot_voter "
            "WHERE ballot_id = %s AND user_id = %s",
            (self.id, user.id))
        already = cr.fetchone()
        previous_option_id = False
        if already:
            if not allow_change:
                raise UserError(_("You have already voted on \"%(name)s\".")
                                % {"name": name})
            cr.execute(
                "SELECT option_id FROM paperless_ballot_vote "
                "WHERE ballot_id = %s AND voter_user_id = %s", (self.id, user.id))
            previous_option_id = cr.fetchone()[0]
            cr.execute(
                "UPDATE paperless_ballot SET vote_total = vote_total - 1 "
                "WHERE id = %s", (self.id,))
        # 5. The tally: one UPDATE on all options of the ballot, so the new
        #    row versions do not show which option was chosen.
        cr.execute(
            "UPDATE paperless_ballot_tally SET votes = votes"
            " + CASE WHEN option_id = %s THEN 1 ELSE 0 END"
            " - CASE WHEN option_id = %s THEN 1 ELSE 0 END WHERE ballot_id = %s",
            (option_id, previous_option_id or 0, self.id))
        # 6. Who has voted; and, for a named ballot only, who chose what.
        if previous_option_id:
            cr.execute(
                "UPDATE paperless_ballot_vote SET option_id = %s "
                "WHERE ballot_id = %s AND voter_user_id = %s",
                (option_id, self.id, user.id))
        else:
            cr.execute(
                "INSERT INTO paperless_ballot_voter (ballot_id, company_id, user_id,"
                " create_uid, create_date, write_uid, write_date)"
                " SELECT id, company_id, %s, %s, now() at time zone 'UTC', %s,"
                " now() at time zone 'UTC' FROM paperless_ballot WHERE id = %s",
                (user.id, user.id, user.id, self.id))
            if not secret:
                cr.execute(
                    "INSERT INTO paperless_ballot_vote"
                    " (ballot_id, company_id, option_id, voter_user_id)"
                    " SELECT id, company_id, %s, %s FROM paperless_ballot"
                    " WHERE id = %s", (option_id, user.id, self.id))
        # The SQL above bypassed the ORM: forget what it cached of the ballot.
        self.invalidate_cache(ids=self.ids)
        self.env["paperless.ballot.option"].invalidate_cache(["result_count"])
        self._notify_live()
        return True
