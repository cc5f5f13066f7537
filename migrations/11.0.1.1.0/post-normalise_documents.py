# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Documents attached before the upload check: normalise their files once
and count their pages (see paperless.document._normalise_stored_files)."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["paperless.document"]._normalise_stored_files()
