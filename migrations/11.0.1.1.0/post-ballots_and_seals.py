# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.1.0: running counts leave the ORM; seals become keyed.

* Ballots open at the upgrade: their running counts move from
  ``paperless_ballot_option.vote_count`` to ``paperless_ballot_tally``
  (created by the option model's ``init``), and the option counts restart
  at zero until the close.
* Seals: the chain was sha256(previous + payload); it becomes
  HMAC-SHA256(server key, previous + payload). An intact chain is re-sealed
  link by link with the key; a chain that no longer verifies is left as it
  is (and "Verify Seal" reports it) rather than laundered.
"""
import hashlib
import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "INSERT INTO paperless_ballot_tally (option_id, ballot_id, votes)"
        " SELECT option.id, option.ballot_id, COALESCE(option.vote_count, 0)"
        " FROM paperless_ballot_option AS option"
        " JOIN paperless_ballot AS ballot ON ballot.id = option.ballot_id"
        " WHERE ballot.state = 'open' ON CONFLICT DO NOTHING")
    cr.execute(
        "UPDATE paperless_ballot_option SET vote_count = 0 WHERE ballot_id IN"
        " (SELECT id FROM paperless_ballot WHERE state = 'open')")
    cr.execute("SELECT id, previous_hash, payload, hash FROM paperless_ballot_seal"
               " ORDER BY sequence")
    links = cr.fetchall()
    previous = ""
    for _id, previous_hash, payload, digest in links:
        plain = hashlib.sha256(((previous_hash or "") + payload).encode("utf-8"))
        if (previous_hash or "") != previous or plain.hexdigest() != digest:
            _logger.warning("The ballot seal chain does not verify; it is kept "
                            "unkeyed for the office to examine.")
            return
        previous = digest
    env = api.Environment(cr, SUPERUSER_ID, {})
    seals = env["paperless.ballot.seal"]
    previous = ""
    for seal_id, _previous_hash, payload, _digest in links:
        digest = seals._digest(previous, payload)
        cr.execute("UPDATE paperless_ballot_seal SET previous_hash = %s, hash = %s"
                   " WHERE id = %s", (previous, digest, seal_id))
        previous = digest
