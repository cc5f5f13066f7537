# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class PaperlessMeetingLockMixin(models.AbstractModel):
    """What hangs on a meeting (agenda items, documents) is frozen with it
    once the meeting is done or cancelled: no create, write or delete."""

    _name = "paperless.meeting.lock.mixin"
    _description = "Frozen with its Meeting"

    @api.model
    def _locked_meeting_message(self):
        return _("A meeting that is done or cancelled can no longer be changed.")

    @api.model
    def _check_meeting_open(self, meetings):
        if meetings.filtered(lambda meeting: meeting.state in ("done", "cancelled")):
            raise UserError(self._locked_meeting_message())

    @api.model
    def create(self, vals):
        self._check_meeting_open(
            self.env["paperless.meeting"].browse(vals.get("meeting_id")))
        return super().create(vals)

    @api.multi
    def write(self, vals):
        self._check_meeting_open(self.mapped("meeting_id"))
        if vals.get("meeting_id"):
            self._check_meeting_open(
                self.env["paperless.meeting"].browse(vals["meeting_id"]))
        return super().write(vals)

    @api.multi
    def unlink(self):
        self._check_meeting_open(self.mapped("meeting_id"))
        return super().unlink()
