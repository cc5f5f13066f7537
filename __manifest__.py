# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Paperless Meeting Room",
    "summary": "Paperless meetings for a Party committee office: agenda, "
    "invitations, documents, notes, attendance",
    "version": "11.0.1.0.0",
    "category": "Productivity",
    "website": "https://github.com/paperless-meeting/paperless_meeting",
    "author": "paperless_meeting contributors",
    "license": "LGPL-3",
    "application": True,
    "depends": ["base", "bus", "mail", "calendar", "web_responsive"],
    "data": [
        "security/paperless_security.xml",
        "security/ir.model.access.csv",
        "data/paperless_meeting_data.xml",
        "data/mail_template_data.xml",
        "wizards/paperless_attendee_answer_views.xml",
        "views/paperless_meeting_views.xml",
        "views/paperless_meeting_attendee_views.xml",
        "views/paperless_agenda_item_views.xml",
        "views/paperless_document_views.xml",
        "views/paperless_document_comment_views.xml",
        "views/paperless_document_access_views.xml",
        "views/paperless_ballot_views.xml",
        "views/paperless_ballot_templates.xml",
        "views/paperless_member_templates.xml",
        "views/assets.xml",
        "report/report_assets.xml",
        "report/paperless_meeting_reports.xml",
        "report/paperless_meeting_templates.xml",
        "report/paperless_ballot_reports.xml",
        "report/paperless_ballot_templates.xml",
        "views/menus.xml",
    ],
    "qweb": [
        "static/src/xml/web_responsive.xml",
    ],
    "demo": [
        "demo/paperless_demo.xml",
        "demo/paperless_ballot_demo.xml",
    ],
}
