# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import hmac
import json

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

KEY_OPTION = "paperless_seal_key"
SEAL_LOCK = 7410510


class PaperlessBallotSeal(models.Model):
    """An append-only chain of closed tallies.

    Each link stores the canonical JSON of the tally (ballot, options,
    counts, result, closing time) and HMAC-SHA256(key, previous hash +
    payload), the key being the server's ``paperless_seal_key`` option: it
    lives in the server configuration, not in the database, so whoever can
    rewrite the database cannot forge a link. ``_verify_chain`` recomputes
    every link and compares it with the ballot as it is stored now, so a
    changed counter, a changed link or a deleted link is reported.
    """

    _name = "paperless.ballot.seal"
    _description = "Ballot Seal"
    _order = "sequence desc"
    _rec_name = "hash"

    sequence = fields.Integer(required=True, readonly=True)
    ballot_id = fields.Many2one(
        "paperless.ballot", required=True, readonly=True, ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        related="ballot_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    previous_hash = fields.Char(readonly=True)
    payload = fields.Text(readonly=True)
    hash = fields.Char(required=True, readonly=True, index=True)

    _sql_constraints = [
        ("sequence_unique", "unique(sequence)",
         "Two seals cannot take the same place in the chain."),
        ("ballot_unique", "unique(ballot_id)", "A ballot is sealed only once."),
    ]

    @api.model
    def _key(self):
        key = tools.config.get(KEY_OPTION)
        if not key:
            raise UserError(_(
                "This server has no seal key, so tallies cannot be sealed: the "
                "administrator must set %(option)s in the server configuration.")
                % {"option": KEY_OPTION})
        return key.encode("utf-8")

    @api.model
    def _digest(self, previous_hash, payload):
        return hmac.new(self._key(), ((previous_hash or "") + payload).encode(
            "utf-8"), hashlib.sha256).hexdigest()

    @api.model
    def _payload(self, ballot):
        """Canonical text of a closed tally (read as superuser)."""
        ballot = ballot.sudo()
        tally = {
            "ballot": ballot.id,
            "meeting": ballot.meeting_id.id,
            "name": ballot.name,
            "secret": ballot.secret,
            "pass_rule": ballot.pass_rule,
            "members": ballot.member_count,
            "present": ballot.present_count,
            "votes": ballot.vote_total,
            "options": [[option.id, option.name, option.vote_count, option.elected]
                        for option in ballot.option_ids],
            "result": ballot.result,
            "closed": ballot.date_close,
        }
        if ballot.present_open_count or ballot.ballots_issued:
            # Sealed since the bodies' rules (#10); older links keep their text.
            tally.update({
                "present_open": ballot.present_open_count,
                "issued": ballot.ballots_issued,
                "seats": ballot.seats,
                "tied": [option.id for option in ballot.option_ids if option.tied],
            })
        return json.dumps(tally, sort_keys=True, ensure_ascii=False)

    @api.model
    def _append(self, ballot):
        """Append the tally of ``ballot`` to the chain (called on close)."""
        cr = self.env.cr
        # One closing at a time appends; under READ COMMITTED the head read
        # after the lock is the latest one.
        cr.execute("SELECT pg_advisory_xact_lock(%s)", (SEAL_LOCK,))
        cr.execute("SELECT id, sequence, hash FROM paperless_ballot_seal "
                   "ORDER BY sequence DESC LIMIT 1")
        head = cr.fetchone()
        if head:
            # Rewrite the head row so that two closings racing for the same
            # head conflict: the later one is retried and chains after it.
            cr.execute("UPDATE paperless_ballot_seal SET write_date = write_date "
                       "WHERE id = %s", (head[0],), log_exceptions=False)
        payload = self._payload(ballot)
        previous_hash = head[2] if head else ""
        return self.sudo().create({
            "sequence": (head[1] if head else 0) + 1,
            "ballot_id": ballot.id,
            "previous_hash": previous_hash,
            "payload": payload,
            "hash": self._digest(previous_hash, payload),
        })

    @api.model
    def _head(self):
        """The last link of the chain (printed on every tally)."""
        # Technical read: whoever prints a tally prints the chain's head; the
        # link of another unit's ballot is not readable by its office.
        return self.sudo().search([], order="sequence desc", limit=1)

    @api.model
    def _check_link(self, seal):
        """Problems of one link alone, in a constant number of queries: its
        digest, its ballot's tally as stored now, and the link before it."""
        problems = []
        if not hmac.compare_digest(self._digest(seal.previous_hash, seal.payload),
                                   seal.hash):
            problems.append(_("This seal has been altered: its digest does not "
                              "match."))
        elif self._payload(seal.ballot_id) != seal.payload:
            problems.append(_("The tally no longer matches its seal."))
        # The link before may belong to another unit: its hash only is used.
        previous = self.sudo().search([("sequence", "=", seal.sequence - 1)])
        if seal.sequence > 1 and previous.hash != seal.previous_hash:
            problems.append(_("The link before this seal is missing or altered."))
        return problems

    @api.model
    def _verify_chain(self):
        """Return the list of problems found in the chain (empty if intact).
        Problems name link numbers only, never ballots."""
        problems = []
        previous = None
        # Every link has to be checked: the whole chain is read on purpose.
        # pylint: disable=no-search-all
        seals = self.sudo().search([], order="sequence asc")
        for seal in seals:
            expected = previous.sequence + 1 if previous else 1
            if seal.sequence != expected:
                problems.append(_(
                    "Link %(expected)d to %(before)d of the seal chain is "
                    "missing.") % {"expected": expected, "before": seal.sequence - 1})
            if seal.previous_hash != (previous.hash if previous else "") \
                    and seal.sequence == expected:
                problems.append(_(
                    "Link %(sequence)d does not follow the link before it.")
                    % {"sequence": seal.sequence})
            if not hmac.compare_digest(
                    self._digest(seal.previous_hash, seal.payload), seal.hash):
                problems.append(_(
                    "Link %(sequence)d has been altered: its hash does not match."
                ) % {"sequence": seal.sequence})
            elif self._payload(seal.ballot_id) != seal.payload:
                problems.append(_(
                    "The tally sealed by link %(sequence)d no longer matches it.")
                    % {"sequence": seal.sequence})
            previous = seal
        return problems
