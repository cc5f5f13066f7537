# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""11.0.1.3.0: the petitions' clocks by the law's full table (issue #12).

The stored deadlines are recomputed: a denunciation in the State regime now
has an acceptance clock, the Party regime counts from receipt with the
unit's limits, and complaints know their round and remote areas. Odoo
recomputes a stored field only when its column is created, so the rows of
before are recomputed here."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Petition = env["paperless.petition"].with_context(active_test=False)
    petitions = Petition.search([])
    for name in ("acceptance_deadline", "resolution_deadline"):
        env.add_todo(Petition._fields[name], petitions)
    Petition.recompute()
