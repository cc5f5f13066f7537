# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request

from odoo.addons.mail.controllers.bus import MailChatController


class PaperlessBusController(MailChatController):
    """Subscribe the office and the chairs of open ballots to the ballots'
    live channel on the server side, as mail does for its channels: a
    channel added by the web client only counts from its next poll (up to
    50 s later), too late for a live panel."""

    def _poll(self, dbname, channels, last, options):
        if request.session.uid \
                and request.env["paperless.ballot"]._follows_live_results():
            channels = list(channels) + [request.env["paperless.ballot"]
                                         ._live_channel()]
        return super()._poll(dbname, channels, last, options)
