# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request

from odoo.addons.mail.controllers.bus import MailChatController


class PaperlessBusController(MailChatController):
    """Subscribe the office and the chairs of open ballots to those ballots'
    live channels on the server side, as mail does for its channels: a
    channel added by the web client only counts from its next poll (up to
    50 s later), too late for a live panel."""

    def _poll(self, dbname, channels, last, options):
        if request.session.uid:
            # One channel per open ballot the user may follow (the office,
            # the chair of its meeting), checked on every poll.
            channels = list(channels) + request.env[
                "paperless.ballot"]._live_channels_followed()
        return super()._poll(dbname, channels, last, options)
