# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What may change, in which state: one rule per model, on the server.

Every client (form, member page, XML-RPC, JSON-RPC) ends in ``create``,
``write`` or ``unlink``, so the rules live there, parametrised per model:

* ``_lock_states``: the record's own states in which it is frozen;
* ``_lock_parent_field``: a record is also frozen while its parent is (an
  agenda item with its meeting, an option with its ballot, a note with its
  document and so with the document's meeting); it never changes parent;
* ``_lock_exempt_fields``: fields still writable on a frozen record (chatter,
  colour);
* ``_lock_system_fields``: fields written only by the model's own action
  methods (``state``, results, seals…), never by a client.

Action methods write those through ``_lock_write_system``, which marks the
environment with a Python object that no RPC client can put in a context.
"""
from odoo import _, api, models
from odoo.exceptions import UserError

# Identity-compared: a JSON or XML-RPC context can never carry this object.
_SYSTEM_WRITE = object()
_SYSTEM_KEY = "paperless_lock_system_write"
# Chatter and activities stay usable on frozen records.
CHATTER_FIELDS = ("message_follower_ids", "message_ids", "activity_ids",
                  "message_main_attachment_id")


class PaperlessLockMixin(models.AbstractModel):
    _name = "paperless.lock.mixin"
    _inherit = ["paperless.action.mixin"]
    _description = "Frozen by State"

    _lock_states = ()
    _lock_parent_field = None
    _lock_exempt_fields = CHATTER_FIELDS
    _lock_system_fields = ()

    # ------------------------------------------------------------------
    # What is frozen
    # ------------------------------------------------------------------
    @api.multi
    def _lock_frozen(self):
        """The records of ``self`` that are frozen, by their own state or by
        their parent's."""
        frozen = self.browse()
        if self._lock_states:
            frozen |= self.filtered(
                lambda record: record.state in self._lock_states)
        if self._lock_parent_field:
            parents = (self - frozen).mapped(self._lock_parent_field)
            frozen_parents = parents._lock_frozen() if parents else parents
            if frozen_parents:
                frozen |= (self - frozen).filtered(
                    lambda record: record[self._lock_parent_field] & frozen_parents)
        return frozen

    @api.multi
    def _lock_message(self):
        """Why a frozen record cannot change; models word it for their users."""
        return _("\"%(name)s\" can no longer be changed in its current state.") % {
            "name": self[:1].display_name}

    @api.multi
    def _lock_check(self):
        frozen = self._lock_frozen()
        if frozen:
            raise UserError(frozen[:1]._lock_message())

    @api.model
    def _lock_is_system_write(self):
        return self.env.context.get(_SYSTEM_KEY) is _SYSTEM_WRITE

    @api.multi
    def _lock_write_system(self, vals):
        """Write fields that only the model's action methods may set. The
        caller has checked the transition and the user's right to make it."""
        return self.with_context(**{_SYSTEM_KEY: _SYSTEM_WRITE}).write(vals)

    @api.model
    def _lock_create_system(self, vals):
        """Create a record with system fields set, for the model's actions."""
        return self.with_context(**{_SYSTEM_KEY: _SYSTEM_WRITE}).create(vals)

    @api.model
    def _lock_check_system_fields(self, vals):
        forbidden = set(vals) & set(self._lock_system_fields)
        if forbidden and not self._lock_is_system_write():
            labels = sorted(self._fields[name].get_description(self.env)["string"]
                            for name in forbidden)
            raise UserError(_(
                "%(fields)s can only change through the actions of the record "
                "(its buttons), not by editing it.") % {"fields": ", ".join(labels)})

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def create(self, vals):
        # A new record starts with the defaults of its system fields.
        self._lock_check_system_fields({
            name: value for name, value in vals.items()
            if name in self._lock_system_fields and value
            and value != self._lock_default(name)})
        parent_field = self._lock_parent_field
        if parent_field and vals.get(parent_field):
            parent = self._fields[parent_field]
            if self.env[parent.comodel_name].browse(vals[parent_field]).exists() \
                    ._lock_frozen():
                raise UserError(self.browse()._lock_message())
        return super().create(vals)

    @api.model
    def _lock_default(self, name):
        field = self._fields[name]
        return field.default(self) if field.default else False

    @api.model
    def _lock_check_derived_fields(self, vals):
        """Stored related and computed fields (a note's meeting, a row's
        unit) follow their source: a client cannot set them."""
        derived = [name for name in vals if name in self._fields
                   and self._fields[name].store and not self._fields[name].inverse
                   and (self._fields[name].related or self._fields[name].compute)]
        if derived and not self._lock_is_system_write():
            raise UserError(_("%(fields)s follow other values and cannot be set.")
                            % {"fields": ", ".join(sorted(
                                self._fields[name].get_description(self.env)[
                                    "string"] for name in derived))})

    @api.multi
    def write(self, vals):
        if self:
            self._lock_check_system_fields(vals)
            self._lock_check_derived_fields(vals)
            if self._lock_parent_field and self._lock_parent_field in vals:
                moved = self.filtered(lambda record: record[self._lock_parent_field].id
                                      != vals[self._lock_parent_field])
                if moved:
                    raise UserError(_(
                        "\"%(name)s\" cannot be moved to another %(parent)s.") % {
                            "name": moved[:1].display_name,
                            "parent": self._fields[self._lock_parent_field]
                            .get_description(self.env)["string"]})
            if set(vals) - set(self._lock_exempt_fields) \
                    and not self._lock_is_system_write():
                self._lock_check()
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._lock_check()
        return super().unlink()
