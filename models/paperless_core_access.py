# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Core models whose rows point at a record by model name and id
(mail.message, ir.attachment, mail.followers, mail.activity, mail.mail) are
readable in Odoo 11 through doors that skip the record's access check:
read_group applies record rules only; followers, activities and the mail
queue are open to every internal user. These helpers close those doors for
the rows that point at the addon's records, and leave every other row as core
Odoo has it (see paperless_document_pointer_mixin.py, ir_attachment.py,
mail_message.py, mail_followers.py)."""
from odoo import SUPERUSER_ID
from odoo.osv import expression

PREFIX = "paperless."
# Core models whose records mirror a meeting (its calendar event and
# invitations, see security/paperless_core_security.xml): guarded the same way.
MIRROR_MODELS = ("calendar.event", "calendar.attendee")


def is_guarded(model_name):
    return bool(model_name) and (model_name.startswith(PREFIX)
                                 or model_name in MIRROR_MODELS)


def paperless_models(env):
    """Names of the guarded models: the addon's (and the other paperless_*
    addons') and the core ones that mirror a meeting."""
    return [name for name in env.registry
            if is_guarded(name) and not env[name]._abstract]


def readable_document_ids(env, model_name, res_ids):
    """The ids among ``res_ids`` of ``model_name`` that the user may read."""
    if env.uid == SUPERUSER_ID:
        return set(res_ids)
    model = env[model_name]
    if not model.check_access_rights("read", raise_exception=False):
        return set()
    # virtual_id: calendar.event answers with its real ids.
    return set(model.with_context(active_test=False, virtual_id=False).search(
        [("id", "in", list(res_ids))]).ids)


def narrow_read_group_domain(model, domain, model_field, also=()):
    """``domain`` for ``model.read_group``, whose rows pointing at a paperless
    record (or at a model named in ``also``) are kept to those
    ``model._search`` lets the user find (core read_group skips that
    per-record check)."""
    # (The pointer mixin itself has no pointer field.)
    if model.env.uid == SUPERUSER_ID or model_field not in model._fields:
        return domain
    names = paperless_models(model.env) + list(also)
    found = model._search(expression.AND([
        list(domain or []), [(model_field, "in", names)]]))
    return expression.AND([list(domain or []), [
        "|", (model_field, "not in", names), ("id", "in", list(found))]])


def unreadable_rows(records, model_field, id_field):
    """The rows of ``records`` that point at a paperless record the user
    cannot read."""
    if records.env.uid == SUPERUSER_ID or not records \
            or model_field not in records._fields:
        return records.browse()
    # Technical read of the two pointer fields, to check the documents they
    # point at with the user's own rights below.
    pointers = {row.id: (row[model_field], row[id_field])
                for row in records.sudo()}
    targets = {}
    for model_name, res_id in pointers.values():
        if is_guarded(model_name) and res_id and model_name in records.env:
            targets.setdefault(model_name, set()).add(res_id)
    readable = {(model_name, res_id)
                for model_name, res_ids in targets.items()
                for res_id in readable_document_ids(
                    records.env, model_name, res_ids)}
    return records.browse([
        row_id for row_id, (model_name, res_id) in pointers.items()
        if model_name in targets and (model_name, res_id) not in readable])


def document_readable(env, model_name, res_id):
    """Whether a row may point at ``model_name``/``res_id``: always, unless it
    is a paperless record the user cannot read."""
    if not (is_guarded(model_name) and res_id) or model_name not in env:
        return True
    return bool(readable_document_ids(env, model_name, [res_id]))
