# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class PaperlessNewsItem(models.Model):
    """One entry of a news feed, written only by the feed's fetch. Its
    summary is plain text taken from the feed's untrusted HTML."""

    _name = "paperless.news.item"
    _description = "News Item"
    _order = "published_date desc, id desc"

    feed_id = fields.Many2one("paperless.news.feed", required=True,
                              readonly=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="feed_id.company_id", string="Unit",
                                 store=True, readonly=True, index=True)
    name = fields.Char(string="Title", required=True, readonly=True)
    link = fields.Char(readonly=True)
    published_date = fields.Datetime(string="Published On", readonly=True,
                                     index=True)
    summary = fields.Text(readonly=True)
    guid = fields.Char(string="Identifier", required=True, readonly=True,
                       help="The entry's id in the feed, else its link.")

    _sql_constraints = [
        ("feed_guid_unique", "unique(feed_id, guid)",
         "A feed keeps each of its entries once."),
    ]
