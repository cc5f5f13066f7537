# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.http import request

from .ir_attachment import OFFICE_GROUP

DOCUMENT_MODEL = "paperless.document"


class IrHttp(models.AbstractModel):
    """Odoo's raw-file routes (/web/content, /web/image and their variants)
    all read through ``binary_content``. A meeting document's file and its
    attachment are the office's: anyone else gets a 403 here, before Odoo
    reads the field (whose ``groups`` would raise an AccessError that the
    route turns into a 500), whatever the access token."""

    _inherit = "ir.http"

    @classmethod
    def binary_content(cls, xmlid=None, model="ir.attachment",
                       id=None,  # pylint: disable=redefined-builtin
                       field="datas", unique=False, filename=None,
                       filename_field="datas_fname", download=False,
                       mimetype=None, default_mimetype="application/octet-stream",
                       access_token=None, env=None):
        env = env or request.env
        if cls._paperless_file_refused(env, xmlid, model, id):
            return (403, [], None)
        return super().binary_content(
            xmlid=xmlid, model=model, id=id, field=field, unique=unique,
            filename=filename, filename_field=filename_field, download=download,
            mimetype=mimetype, default_mimetype=default_mimetype,
            access_token=access_token, env=env)

    @classmethod
    def _paperless_file_refused(cls, env, xmlid, model, record_id):
        """Whether the record asked for is a meeting document or the
        attachment holding its file, and the user is not the office."""
        if xmlid:
            record = env.ref(xmlid, False) if "." in xmlid else None
            if record is None:
                return False
            model, record_id = record._name, record.id
        try:
            record_id = int(record_id or 0)
        except (TypeError, ValueError):
            return False
        if not record_id or model not in (DOCUMENT_MODEL, "ir.attachment"):
            return False
        if env.user.has_group(OFFICE_GROUP):
            return False
        if model == DOCUMENT_MODEL:
            return True
        # sudo: which record owns the attachment is what decides, whoever
        # asks; nothing is returned from it.
        return bool(env["ir.attachment"].sudo().search_count([
            ("id", "=", record_id), ("res_model", "=", DOCUMENT_MODEL),
            ("res_field", "=", "datas"),
        ]))
