# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import hashlib
import json

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class PaperlessBallotSeal(models.Model):
    """An append-only hash chain of closed tallies.

    Each link stores the canonical JSON of the tally (ballot, options,
    counts, result, closing time) and sha256(previous hash + payload).
    ``verify_chain`` recomputes every link and compares it with the ballot
    as it is stored now, so a changed counter, a changed link or a deleted
    link is reported.
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
    previous_hash = fields.Char(readonly=True)
    payload = fields.Text(readonly=True)
    hash = fields.Char(required=True, readonly=True, index=True)

    _sql_constraints = [
        ("sequence_unique", "unique(sequence)",
         "Two seals cannot take the same place in the chain."),
        ("ballot_unique", "unique(ballot_id)", "A ballot is sealed only once."),
    ]

    @api.model
    def _digest(self, previous_hash, payload):
        return hashlib.sha256(
            ((previous_hash or "") + payload).encode("utf-8")).hexdigest()

    @api.model
    def _payload(self, ballot):
        """Canonical text of a closed tally (read as superuser)."""
        ballot = ballot.sudo()
        return json.dumps({
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
        }, sort_keys=True, ensure_ascii=False)

    @api.model
    def _append(self, ballot):
        """Append the tally of ``ballot`` to the chain (called on close)."""
        cr = self.env.cr
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
    def verify_chain(self):
        """Return the list of problems found in the chain (empty if intact)."""
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
            if self._digest(seal.previous_hash, seal.payload) != seal.hash:
                problems.append(_(
                    "Link %(sequence)d has been altered: its hash does not match."
                ) % {"sequence": seal.sequence})
            elif self._payload(seal.ballot_id) != seal.payload:
                problems.append(_(
                    "The ballot \"%(name)s\" (link %(sequence)d) no longer matches "
                    "its sealed tally.") % {
                        "name": seal.ballot_id.name, "sequence": seal.sequence})
            previous = seal
        return problems

    @api.model
    def action_verify(self):
        problems = self.verify_chain()
        if problems:
            raise UserError("\n".join(problems))
        return True
