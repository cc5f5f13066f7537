# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class PaperlessAgendaItem(models.Model):
    _name = "paperless.agenda.item"
    _inherit = ["paperless.lock.mixin"]
    _description = "Agenda Item"
    _order = "meeting_id, sequence, id"
    _lock_parent_field = "meeting_id"

    meeting_id = fields.Many2one(
        "paperless.meeting", required=True, ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="meeting_id.company_id", string="Unit", readonly=True, store=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Subject", required=True)
    presenter_id = fields.Many2one("res.users")
    duration = fields.Float(string="Duration (hours)", default=0.5)
    description = fields.Text(string="Notes")
    document_ids = fields.One2many(
        "paperless.document", "agenda_item_id", )
    conclusion = fields.Html()
    no_conclusion = fields.Boolean(
        help="The office records that the chair drew no conclusion on this "
        "item; otherwise the meeting cannot be closed without one.",
    )
    reserved_opinion_ids = fields.One2many(
        "paperless.reserved.opinion", "agenda_item_id",
        string="Reserved Opinions", copy=False,
    )
    meeting_state = fields.Selection(
        related="meeting_id.state", string="Meeting Status", readonly=True,
    )

    @api.multi
    def _lock_message(self):
        return _("The agenda of a meeting that is done or cancelled can no longer "
                 "be changed.")
