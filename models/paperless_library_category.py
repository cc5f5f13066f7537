# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class PaperlessLibraryCategory(models.Model):
    """A shelf of the Party documents library (văn kiện Đảng): a tree, e.g.
    Nghị quyết / Trung ương."""

    _name = "paperless.library.category"
    _description = "Library Category"
    _inherit = ["paperless.lock.mixin"]
    _parent_name = "parent_id"
    _parent_store = True
    _parent_order = "sequence, name"
    _order = "parent_left"
    _rec_name = "complete_name"

    name = fields.Char(required=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True,
                                string="Full Name")
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one("paperless.library.category",
                                index=True, ondelete="restrict")
    child_ids = fields.One2many("paperless.library.category", "parent_id",
                                string="Subcategories")
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    company_id = fields.Many2one(
        "res.company", string="Unit", required=True, index=True,
        default=lambda self: self.env.user.company_id)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            category.complete_name = " / ".join(
                filter(None, [category.parent_id.complete_name, category.name]))

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_("A category cannot be inside itself."))
