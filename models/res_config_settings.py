# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .paperless_document import (
    DEFAULT_MAX_PAGES, DEFAULT_MAX_SIZE_MB, MAX_PAGES_PARAM, MAX_SIZE_PARAM,
)


class ResConfigSettings(models.TransientModel):
    """The office's limits for meeting documents, kept in
    ir.config_parameter (Odoo 11 has no ``config_parameter=`` on fields)."""

    _inherit = "res.config.settings"

    paperless_document_max_size_mb = fields.Integer(
        string="Maximum Document Size (MB)", default=DEFAULT_MAX_SIZE_MB,
        help="A meeting document larger than this is refused when attached.",
    )
    paperless_document_max_pages = fields.Integer(
        string="Maximum Document Pages", default=DEFAULT_MAX_PAGES,
        help="A meeting document with more pages is refused when attached.",
    )

    @api.constrains("paperless_document_max_size_mb", "paperless_document_max_pages")
    def _check_paperless_limits(self):
        for settings in self:
            if settings.paperless_document_max_size_mb < 1 \
                    or settings.paperless_document_max_pages < 1:
                raise ValidationError(_(
                    "The document size and page limits must be at least 1."))

    @api.model
    def get_values(self):
        values = super().get_values()
        size, pages = self.env["paperless.document"]._file_limits()
        values.update(paperless_document_max_size_mb=size // (1024 * 1024),
                      paperless_document_max_pages=pages)
        return values

    @api.multi
    def set_values(self):
        result = super().set_values()
        # Settings are saved by administrators only (res.config.settings
        # execute() checks base.group_system), who may write parameters.
        params = self.env["ir.config_parameter"]
        params.set_param(MAX_SIZE_PARAM, str(self.paperless_document_max_size_mb))
        params.set_param(MAX_PAGES_PARAM, str(self.paperless_document_max_pages))
        return result
