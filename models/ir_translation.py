# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

from odoo import api, models, tools
from odoo.modules import get_module_resource
from odoo.tools.translate import PoFile

_logger = logging.getLogger(__name__)

# The code of a Mako template text: its ${...} expressions and its % lines.
MAKO_EXPRESSION = re.compile(r"\$\{.*?\}", re.S)
MAKO_LINE = re.compile(r"^\s*%.*$", re.M)
STRING_LITERAL = re.compile(r"'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"")
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def template_code(text):
    """The code of a mail template text, each string literal reduced to its
    %-placeholders: a translator may reword ``'Re: %s'`` but a translation
    whose code differs from its source's fails to render (or renders what the
    source never showed)."""
    text = text or ""
    return sorted(
        STRING_LITERAL.sub(lambda literal: "'%s'" % "".join(
            PLACEHOLDER.findall(literal.group())), code.strip())
        for code in MAKO_EXPRESSION.findall(text) + MAKO_LINE.findall(text))


class IrTranslation(models.Model):
    """Odoo 11's own Vietnamese translations of two core mail templates are
    broken: the notification e-mail's subject lost its ``%s`` (every e-mail
    notification of a Vietnamese user fails to render) and the account
    confirmation e-mail asks for a ``ctx['password']`` it never gets. The
    corrected terms ship in ``i18n_extra/vi.po``, which Odoo loads after the
    core modules' files; but it never overwrites the translation of a
    ``noupdate`` record, nor one loaded again later. So after every load of
    terms (install, update, Settings > Load a Translation) a broken
    translation of those terms is replaced by the corrected one."""

    _inherit = "ir.translation"

    @api.model
    def load_module_terms(self, modules, langs):
        result = super().load_module_terms(modules, langs)
        self._paperless_repair_core_terms(langs)
        return result

    @api.model
    def _paperless_repair_core_terms(self, langs):
        for lang in langs:
            path = get_module_resource(
                "paperless_meeting", "i18n_extra",
                "%s.po" % tools.get_iso_codes(lang).split("_")[0])
            if not path:
                continue
            with tools.file_open(path, "rb") as handle:
                terms = list(PoFile(handle))
            for kind, name, xmlid, source, value, _comments in terms:
                record = self.env.ref(xmlid, raise_if_not_found=False)
                if kind != "model" or not record:
                    continue
                code = template_code(source)
                broken = self.search([
                    ("lang", "=", lang), ("type", "=", kind), ("name", "=", name),
                    ("res_id", "=", record.id),
                ]).filtered(lambda term: template_code(term.src) == code
                            != template_code(term.value))
                if broken:
                    _logger.info("Repairing the %s translation of %s (%s)",
                                 lang, name, xmlid)
                    broken.write({"value": value})
        return True
