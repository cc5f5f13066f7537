# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Ballots (biểu quyết) and their options.

How a vote is stored (see DOMAIN.md §3 and tests/test_ballot_secrecy.py):

* every ballot, named or secret, is tallied by per-option counters
  (``paperless_ballot_option.vote_count``) that ``cast_vote`` increments in
  one parametrized UPDATE touching *all* options of the ballot, so even the
  system columns of the live option rows say nothing about which option the
  last voter chose;
* who has voted is kept in ``paperless.ballot.voter`` (one row per person,
  unique), which says nothing about the choice;
* only a named ballot also gets one ``paperless.ballot.vote`` row per person
  (voter and choice). A secret ballot gets no vote row at all: there is no
  row whose id, order, timestamp or author could be matched with a voter.
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

DEFAULT_OPTIONS = ("Tán thành", "Không tán thành", "Không biểu quyết")
VOTING_ROLES = ("chair", "member")
OFFICE_GROUP = "paperless_meeting.group_paperless_secretary"


class PaperlessBallot(models.Model):
    _name = "paperless.ballot"
    _description = "Ballot"
    _inherit = ["mail.thread"]
    _order = "meeting_id desc, sequence, id"

    name = fields.Char(
        string="Question", required=True, readonly=True,
        states={"draft": [("readonly", False)]},
    )
    sequence = fields.Integer(default=10)
    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, ondelete="cascade", index=True,
        readonly=True, states={"draft": [("readonly", False)]},
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
        # One walk of the whole chain for all the ballots read, not one each.
        sealed = self.filtered("seal_id")
        if sealed:
            problems = self.env["paperless.ballot.seal"].sudo().verify_chain()
            sealed.update({"seal_check": "\n".join(problems) or _(
                "The seal chain is intact.")})
        (self - sealed).update({"seal_check": False})

    @api.constrains("agenda_item_id", "meeting_id")
    def _check_agenda_item(self):
        for ballot in self:
            if ballot.agenda_item_id \
                    and ballot.agenda_item_id.meeting_id != ballot.meeting_id:
                raise ValidationError(_(
                    "The agenda item of a ballot must belong to its meeting."))

    @api.model
    def create(self, vals):
        if not vals.get("option_ids") and vals.get("kind", "motion") == "motion":
            vals = dict(vals, option_ids=[
                (0, 0, {"sequence": index, "name": name})
                for index, name in enumerate(DEFAULT_OPTIONS, start=1)])
        meeting = self.env["paperless.meeting"].browse(vals.get("meeting_id"))
        if meeting.state in ("done", "cancelled"):
            raise UserError(_(
                "No ballot can be added to a meeting that is done or cancelled."))
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
            ballot.sudo().write({
                "state": "open", "date_open": fields.Datetime.now(),
                "member_count": members, "present_count": present,
            })
            ballot._notify_live()
        return True

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
            sudo_ballot.write({
                "state": "closed", "date_close": fields.Datetime.now(),
                "present_count": present,
            })
            sudo_ballot._compute_result()
            seal = self.env["paperless.ballot.seal"].sudo()._append(sudo_ballot)
            sudo_ballot.write({"seal_id": seal.id})
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
        """Check the whole seal chain; the form then shows the result."""
        self.env["paperless.ballot.seal"].action_verify()
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
    def _compute_result(self):
        """Set ``elected`` per option and ``result`` on the ballot (sudo)."""
        for ballot in self:
            ballot.option_ids.invalidate_cache(["vote_count"])
            options = ballot.option_ids
            if ballot.kind == "motion":
                carried = options[:1].filtered(
                    lambda option: ballot._meets_rule(option.vote_count))
            else:
                carried = options.filtered(
                    lambda option: ballot._meets_rule(option.vote_count))
            carried.write({"elected": True})
            ballot.write({"result": "passed" if carried else "rejected"})

    @api.multi
    def _result_lines(self):
        """What the tally shows: options, counts and, for a named ballot,
        who chose each option. Empty counts before closing a secret ballot."""
        self.ensure_one()
        self.check_access_rights("read")
        self.check_access_rule("read")
        ballot = self.sudo()
        visible = ballot.state == "closed" or (
            not ballot.secret and ballot.state == "open")
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
                "count": option.vote_count if visible else None,
                "elected": option.elected,
                "names": sorted(names),
            })
        return lines

    @api.multi
    def live_data(self):
        """Counts for the live panel and the bus: before closing, a secret
        ballot shows only how many have voted."""
        self.ensure_one()
        self.check_access_rule("read")
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
            payload["options"] = [
                {"name": option.name, "count": option.vote_count,
                 "elected": option.elected}
                for option in ballot.option_ids]
        return payload

    @api.model
    def _live_channel(self):
        return (self._cr.dbname, "paperless.ballot.live")

    @api.model
    def _follows_live_results(self):
        """The office, and a chair while a ballot of their meeting is open,
        get the live counts (secret ones without the choices until close)."""
        if self.env.user.has_group("paperless_meeting.group_paperless_secretary"):
            return True
        return bool(self.search_count([
            ("state", "=", "open"), ("meeting_id.chair_id", "=", self.env.uid)]))

    @api.multi
    def _notify_live(self):
        bus = self.env["bus.bus"].sudo()
        for ballot in self:
            bus.sendone(self._live_channel(),
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
        self.ensure_one()
        user = self.env.user
        cr = self.env.cr
        # 1. Write the ballot row first, so that votes and the close conflict
        #    (REPEATABLE READ: the later one fails and Odoo retries it). A
        #    serialization failure here is expected under load: not logged.
        cr.execute(
            "UPDATE paperless_ballot SET vote_total = COALESCE(vote_total, 0) + 1 "
            "WHERE id = %s RETURNING state, secret, allow_change, meeting_id, name",
            (self.id,), log_exceptions=False)
        row = cr.fetchone()
        if not row:
            raise UserError(_("This ballot no longer exists."))
        state, secret, allow_change, meeting_id, name = row
        if state != "open":
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
            (int(option_id), self.id))
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
            "UPDATE paperless_ballot_option SET vote_count = COALESCE(vote_count, 0)"
            " + CASE WHEN id = %s THEN 1 ELSE 0 END"
            " - CASE WHEN id = %s THEN 1 ELSE 0 END WHERE ballot_id = %s",
            (int(option_id), previous_option_id or 0, self.id))
        # 6. Who has voted; and, for a named ballot only, who chose what.
        if previous_option_id:
            cr.execute(
                "UPDATE paperless_ballot_vote SET option_id = %s "
                "WHERE ballot_id = %s AND voter_user_id = %s",
                (int(option_id), self.id, user.id))
        else:
            cr.execute(
                "INSERT INTO paperless_ballot_voter "
                "(ballot_id, user_id, create_uid, create_date, write_uid, write_date)"
                " VALUES (%s, %s, %s, now() at time zone 'UTC', %s,"
                " now() at time zone 'UTC')",
                (self.id, user.id, user.id, user.id))
            if not secret:
                cr.execute(
                    "INSERT INTO paperless_ballot_vote "
                    "(ballot_id, option_id, voter_user_id) VALUES (%s, %s, %s)",
                    (self.id, int(option_id), user.id))
        # The SQL above bypassed the ORM: forget what it cached of the ballot.
        self.invalidate_cache(ids=self.ids)
        self.env["paperless.ballot.option"].invalidate_cache(
            ["vote_count", "result_count"])
        self._notify_live()
        return True


class PaperlessBallotOption(models.Model):
    _name = "paperless.ballot.option"
    _description = "Ballot Option"
    _order = "ballot_id, sequence, id"

    ballot_id = fields.Many2one(
        "paperless.ballot", required=True, ondelete="cascade", index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Option", required=True)
    # The counter cast_vote increments. Technical: the running count of a
    # secret ballot must not be read before closing; people see result_count.
    vote_count = fields.Integer(
        readonly=True, copy=False, default=0, groups="base.group_system")
    result_count = fields.Integer(
        compute="_compute_result_count", string="Votes", compute_sudo=True,
    )
    elected = fields.Boolean(string="Carried", readonly=True, copy=False)
    ballot_state = fields.Selection(
        related="ballot_id.state", string="Ballot Status", readonly=True,
    )

    _sql_constraints = [
        ("vote_count_positive", "CHECK(vote_count >= 0)",
         "A vote count cannot be negative."),
    ]

    @api.depends("ballot_id.state", "ballot_id.secret")
    def _compute_result_count(self):
        for option, counter in zip(self, self.sudo()):
            ballot = counter.ballot_id
            if ballot.state == "closed" \
                    or (ballot.state == "open" and not ballot.secret):
                option.result_count = counter.vote_count
            else:
                option.result_count = 0

    @api.model
    def create(self, vals):
        ballot = self.env["paperless.ballot"].browse(vals.get("ballot_id"))
        if ballot.state not in (False, "draft"):
            raise UserError(_("The options of an opened ballot cannot be changed."))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) - {"elected"} and self.filtered(
                lambda option: option.ballot_id.state != "draft"):
            raise UserError(_("The options of an opened ballot cannot be changed."))
        return super().write(vals)

    @api.multi
    def unlink(self):
        if self.filtered(lambda option: option.ballot_id.state != "draft"):
            raise UserError(_("The options of an opened ballot cannot be changed."))
        return super().unlink()
