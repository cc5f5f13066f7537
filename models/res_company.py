# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    """A unit (Party committee, its office or departments, a district
    committee, the Fatherland Front, a mass organisation) and how its
    official papers are headed, numbered and signed."""

    _inherit = "res.company"

    # The letterhead's left column (Hướng dẫn 36-HD/VPTW, "tên cơ quan ban
    # hành"): the superior body, then the issuing body in bold, then "*".
    # Printed exactly as written: "Đảng bộ" and "Huyện ủy" are names.
    paperless_parent_body = fields.Char(
        string="Superior Body on Papers",
        help="First line of the letterhead, e.g. \"TỈNH ỦY BÌNH DƯƠNG\" for "
        "the provincial office, \"ĐẢNG BỘ TỈNH BÌNH DƯƠNG\" for a district "
        "committee. Empty for a top-level body.",
    )
    paperless_issuer_name = fields.Char(
        string="Issuing Body on Papers",
        help="Second line of the letterhead, in bold, e.g. \"VĂN PHÒNG\" or "
        "\"HUYỆN ỦY DẦU TIẾNG\". Empty: the unit's name.",
    )
    paperless_symbol = fields.Char(
        string="Symbol in Numbers",
        help="The unit's abbreviation after the kind of paper in its numbers, "
        "e.g. TU in \"12-TB/TU\", VPTU, HU.",
    )
    paperless_place = fields.Char(
        string="Place on Papers",
        help="The place in the date line, e.g. \"Bình Dương\" in \"Bình Dương, "
        "ngày 01 tháng 12 năm 2026\". Empty: the unit's city.",
    )
    paperless_paper_setting_ids = fields.One2many(
        "paperless.paper.setting", "company_id", string="Official Papers",
    )

    @api.model
    def create(self, vals):
        company = super().create(vals)
        self.env["paperless.paper.setting"]._ensure_for_companies(company)
        return company

    @api.multi
    def _paperless_letterhead(self):
        """(superior body, issuing body, place) as printed on papers."""
        self.ensure_one()
        return (
            (self.paperless_parent_body or "").strip(),
            (self.paperless_issuer_name or "").strip() or self.name,
            (self.paperless_place or "").strip() or self.city or "",
        )
