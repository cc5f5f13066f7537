# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.2.0: ballots by the Party's rules (issue #10).

* A resolution passes on its approval option, no longer on the first one:
  the draft resolutions of before get their first option flagged (what it
  meant then). Opened and closed ballots keep their sealed results.
* Draft elections become secret ballots, as the rules require.
* ``paperless_ballot.vote_total`` is no longer stored (it is the number of
  voter rows, which votes no longer write on the ballot row): the column
  and its check go.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "UPDATE paperless_ballot_option AS option SET is_approval = TRUE"
        " FROM paperless_ballot AS ballot"
        " WHERE ballot.id = option.ballot_id AND ballot.state = 'draft'"
        " AND ballot.kind = 'motion'"
        " AND NOT EXISTS (SELECT 1 FROM paperless_ballot_option AS other"
        "  WHERE other.ballot_id = ballot.id AND other.is_approval)"
        " AND option.id = (SELECT first.id FROM paperless_ballot_option AS first"
        "  WHERE first.ballot_id = ballot.id ORDER BY first.sequence, first.id"
        "  LIMIT 1)")
    cr.execute("UPDATE paperless_ballot SET secret = TRUE, allow_change = FALSE"
               " WHERE state = 'draft' AND kind = 'election'")
    cr.execute("ALTER TABLE paperless_ballot"
               " DROP CONSTRAINT IF EXISTS paperless_ballot_vote_total_positive")
    cr.execute("ALTER TABLE paperless_ballot DROP COLUMN IF EXISTS vote_total")
