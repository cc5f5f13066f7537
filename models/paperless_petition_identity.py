# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PaperlessPetitionIdentity(models.Model):
    """Who sent a petition, in a table of its own: its record rules hide a
    denunciation's sender from everyone but its handler and the managers,
    through every read path (search, read_group, order, export)."""

    _name = "paperless.petition.identity"
    _description = "Petitioner's Identity"

    petition_id = fields.Many2one("paperless.petition", required=True,
                                  ondelete="cascade", index=True)
    company_id = fields.Many2one(related="petition_id.company_id", store=True,
                                 readonly=True, index=True)
    petitioner_name = fields.Char()
    petitioner_address = fields.Char()
    petitioner_contact = fields.Char()

    _sql_constraints = [
        ("petition_unique", "unique(petition_id)",
         "A petition has one petitioner's identity."),
    ]
