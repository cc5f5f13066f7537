# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class PaperlessInvitationReport(models.AbstractModel):
    """Invitations, one page per invitee: never one addressed to the person
    who signs them."""

    _name = "report.paperless_meeting.report_meeting_invitation_document_all"
    _description = "Invitation Report"

    @api.model
    def get_report_values(self, docids, data=None):
        attendees = self.env["paperless.meeting.attendee"].browse(docids)
        attendees.check_access_rights("read")
        attendees.check_access_rule("read")
        docs = self.env["paperless.meeting.attendee"]
        for meeting in attendees.mapped("meeting_id"):
            docs |= attendees & meeting._paper_invitees()
        if not docs:
            raise UserError(_(
                "There is no invitation to print: the person who signs the "
                "invitations is not sent one."))
        return {"doc_ids": docs.ids, "doc_model": docs._name, "docs": docs}
