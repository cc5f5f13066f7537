# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools import html2plaintext


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
    # Where the item came from: the incoming documents whose direction put
    # it on the agenda (issue #12). The office's: invitees read only the
    # item's notes, never the incoming document.
    incoming_ids = fields.One2many(
        "paperless.incoming.document", "agenda_item_id",
        string="From Incoming Document", readonly=True,
        groups="paperless_meeting.group_paperless_secretary",
    )

    @api.multi
    def _lock_message(self):
        return _("The agenda of a meeting that is done or cancelled can no longer "
                 "be changed.")

    @api.multi
    def _incoming_meeting_done(self):
        """Called by the meeting's close action (the office, checked there):
        the incoming documents on these items get their item's conclusion
        and are done; those on an item without a conclusion stay open with
        a to-do for their lead handler."""
        for item in self:
            documents = item.incoming_ids.filtered(
                lambda document: document.state in ("directed", "in_progress"))
            if not documents:
                continue
            if not item.no_conclusion \
                    and html2plaintext(item.conclusion or "").strip():
                documents._meeting_concluded(item)
            else:
                documents._meeting_left_open(item, "no_conclusion")
        return True

    @api.multi
    def _incoming_left_open(self, reason):
        """The meeting of these items was cancelled (``reason``
        "cancelled"), or the items leave the agenda ("removed": deleted, or
        their draft meeting deleted): the incoming documents on them stay
        with their lead handler, told so."""
        for item in self:
            item.incoming_ids.filtered(
                lambda document: document.state in ("directed", "in_progress")
            )._meeting_left_open(item, reason)
        return True

    @api.multi
    def unlink(self):
        # Before the rows go (their incoming documents' link is then cleared
        # by the database); a refused unlink rolls the notes back with it.
        # The item's documents, reader copies included, stay the meeting's
        # as for any item: the office keeps or deletes them (deleting one
        # deletes its reading log).
        self._incoming_left_open("removed")
        return super().unlink()
