# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# How Vietnamese readers write dates and numbers: 19/12/2026, 08:00 (no
# seconds), 1.234,5. Base ships vi_VN with seconds in the time.
VI_FORMATS = {
    "date_format": "%d/%m/%Y",
    "time_format": "%H:%M",
    "decimal_point": ",",
    "thousands_sep": ".",
    "grouping": "[3,0]",
}


class ResLang(models.Model):
    _inherit = "res.lang"

    @api.model
    def _apply_paperless_formats(self):
        """Give vi_VN its Vietnamese formats, active or not (called when the
        addon is installed or updated, and when the language is loaded)."""
        self.with_context(active_test=False).search(
            [("code", "=", "vi_VN")]).write(VI_FORMATS)
        return True

    @api.model
    def load_lang(self, lang, lang_name=None):
        """Loading a language creates its row from the server's locale, or
        activates the one base ships: either way vi_VN gets its formats."""
        result = super().load_lang(lang, lang_name=lang_name)
        if lang == "vi_VN":
            self._apply_paperless_formats()
        return result
