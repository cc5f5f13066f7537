# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .paperless_incoming_document import INDEPENDENT_LAN_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    paperless_incoming_independent_lan = fields.Boolean(
        string="Independent LAN for Secret Documents",
        help="Only when this deployment is an independent, air-gapped LAN "
        "approved for state secrets (Law 117/2025/QH15): the files of secret "
        "incoming documents may then be stored. Otherwise only their details "
        "are registered.",
    )

    @api.model
    def get_values(self):
        values = super().get_values()
        values["paperless_incoming_independent_lan"] = self.env[
            "paperless.incoming.document"]._independent_lan()
        return values

    @api.multi
    def set_values(self):
        result = super().set_values()
        # Saved by administrators only (execute() checks group_system).
        self.env["ir.config_parameter"].set_param(
            INDEPENDENT_LAN_PARAM,
            "1" if self.paperless_incoming_independent_lan else "")
        return result
