# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The petitions' papers print Vietnamese terms whatever the reader's
language (like every official paper): the labels live here, once."""
from odoo import api, fields, models

from ..models import vn_format

PETITION_LABELS = {
    "petition_type": {"complaint": "Khiếu nại", "denunciation": "Tố cáo",
                      "proposal": "Kiến nghị", "feedback": "Phản ánh"},
    "regime": {"state": "Nhà nước", "party": "Đảng"},
    "state": {"received": "Đã tiếp nhận", "accepted": "Đã thụ lý",
              "resolved": "Đã giải quyết", "not_handled": "Không xử lý"},
    "not_handled_reason": {"anonymous": "đơn nặc danh",
                           "false_name": "đơn mạo danh",
                           "repeat": "đơn trùng, không có tình tiết mới",
                           "withdrawn": "rút đơn"},
}
# Printed instead of a sender the reader may not read (a denunciation's
# sender, for everyone but its handler and the managers).
IDENTITY_HIDDEN = "(Được giữ bí mật)"


def report_values(env, docids, data=None):
    """The values of both petition papers, with the reader's rights: the
    petitioner fields are computed with them, so a protected sender is
    never in what the template can print."""
    data = data or {}
    docs = env["paperless.petition"].browse(docids)
    user = env.user.with_context(tz=env.user.tz or "Asia/Ho_Chi_Minh")

    def local_day(timestamp):
        """The day of a UTC timestamp in the reader's time zone."""
        return vn_format.date(timestamp and fields.Datetime.context_timestamp(
            user, fields.Datetime.from_string(timestamp)).date())

    docs.check_access_rights("read")
    docs.check_access_rule("read")
    return {
        "doc_ids": docs.ids,
        "doc_model": docs._name,
        "docs": docs,
        "labels": PETITION_LABELS,
        "identity_hidden": IDENTITY_HIDDEN,
        "date_from": data.get("date_from"),
        "date_to": data.get("date_to"),
        "today": env["paperless.paper"]._local_today(),
        "local_day": local_day,
    }


class ReportPetitionRegister(models.AbstractModel):
    """The petitions register prints the period it was asked for (Odoo 11
    drops a report's ``data`` unless a report model passes it on)."""

    _name = "report.paperless_meeting.report_petition_register_document"
    _description = "Petitions Register Report"

    @api.model
    def get_report_values(self, docids, data=None):
        values = report_values(self.env, docids, data)
        docs = values["docs"]
        # sudo: the unit's letterhead, printed on the unit's register.
        company = (docs[:1].company_id or self.env.user.company_id).sudo()
        values["letterhead"] = company._paperless_letterhead()
        return values
