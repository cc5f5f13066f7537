# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PaperlessReservedOpinion(models.Model):
    """An opinion a participant asked to keep on record although the
    meeting concluded otherwise (ý kiến bảo lưu): the minutes print it under
    its agenda item."""

    _name = "paperless.reserved.opinion"
    _inherit = ["paperless.lock.mixin"]
    _description = "Reserved Opinion"
    _order = "agenda_item_id, id"
    _lock_parent_field = "agenda_item_id"

    agenda_item_id = fields.Many2one(
        "paperless.agenda.item", required=True, ondelete="cascade", index=True,
    )
    meeting_id = fields.Many2one(
        related="agenda_item_id.meeting_id", readonly=True, store=True, index=True,
    )
    company_id = fields.Many2one(
        related="agenda_item_id.meeting_id.company_id", string="Unit",
        readonly=True, store=True, index=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Participant", required=True, ondelete="restrict",
    )
    opinion = fields.Text(required=True)

    @api.constrains("user_id", "agenda_item_id")
    def _check_participant(self):
        for record in self:
            invitees = record.agenda_item_id.meeting_id.attendee_ids.mapped("user_id")
            if record.user_id not in invitees:
                raise ValidationError(_(
                    "%(name)s was not invited to this meeting: only its "
                    "participants' opinions are recorded.") % {
                        "name": record.user_id.name})

    @api.multi
    def _lock_message(self):
        return _("The minutes of a meeting that is done or cancelled can no "
                 "longer be changed.")
