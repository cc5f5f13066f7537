# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The upload check: a meeting document is a PDF that parses within the
office's limits, rewritten once when attached; anything else is refused
with a clear Vietnamese error and nothing is written."""
import base64
import io
import re

from PyPDF2 import PdfFileReader

from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import SavepointCase

from . import pdf_samples as samples
from .common import meeting_values


class TestDocumentUpload(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.member = samples.vietnamese_user(env, "up_member", "member")
        cls.leader = samples.vietnamese_user(env, "up_leader", "leader")
        cls.secretary = samples.vietnamese_user(env, "up_secretary", "secretary")
        cls.meeting = env["paperless.meeting"].sudo(cls.secretary).create(
            meeting_values(env, cls.leader, cls.secretary, cls.member))
        cls.Document = env["paperless.document"].sudo(cls.secretary)
        cls.pdf = samples.text_pdf(3)
        cls.document = cls.Document.create(cls.values(cls.pdf))

    @classmethod
    def values(cls, data, **extra):
        return dict({"name": "Báo cáo", "meeting_id": cls.meeting.id,
                     "datas": base64.b64encode(data), "datas_fname": "bao_cao.pdf"},
                    **extra)

    def stored(self, document):
        return base64.b64decode(document.sudo().datas)

    def assertRefusedUpload(self, data):
        count = self.Document.search_count([])
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.Document.create(self.values(data))
        version, stored = self.document.version, self.stored(self.document)
        with self.assertRaises(ValidationError):
            with self.cr.savepoint():
                self.document.sudo(self.secretary).write(
                    {"datas": base64.b64encode(data)})
        self.env.clear()
        # Nothing half-written: no new document, the old file and version kept.
        self.assertEqual(self.Document.search_count([]), count)
        self.assertEqual(self.document.version, version)
        self.assertEqual(self.stored(self.document), stored)

    # ------------------------------------------------------------------
    def test_pdf_is_normalised_and_counted(self):
        # An incremental update and whitespace after %%EOF: a valid file that
        # every read would otherwise parse section by section.
        updated = samples.with_incremental_update(self.pdf) + b"\r\n \n"
        self.assertIn(b"/Prev", updated)
        document = self.Document.create(self.values(updated))
        self.assertEqual(document.page_count, 3)
        stored = self.stored(document)
        self.assertTrue(stored.startswith(b"%PDF-"))
        self.assertEqual(len(re.findall(br"\bxref\b", stored)), 1)
        self.assertNotIn(b"/Prev", stored)
        self.assertTrue(stored.rstrip().endswith(b"%%EOF"))
        self.assertEqual(PdfFileReader(io.BytesIO(stored)).getNumPages(), 3)
        self.assertEqual(document.mimetype, "application/pdf")
        # A new file: counted again, version bumped.
        document.write({"datas": base64.b64encode(samples.text_pdf(5))})
        self.assertEqual((document.page_count, document.version), (5, 2))

    def test_download_is_off_by_default(self):
        self.assertFalse(self.document.allow_download)

    def test_damaged_and_foreign_files_are_refused(self):
        for data in (
            b"a,b\n1,2\n",                                   # not a PDF
            b"\x89PNG\r\n\x1a\n" + b"0" * 64,                # an image
            samples.with_trailing_junk(self.pdf),            # junk after %%EOF
            samples.with_broken_xref(self.pdf),              # xref elsewhere
            samples.without_xref(),                          # no xref at all
            samples.with_prev_cycle(),                       # xref loop
            samples.with_page_tree_cycle(),                  # page tree loop
            samples.with_huge_token(),                       # 200 KB name
            samples.encrypted(self.pdf),                     # empty password
            samples.without_pages(),
        ):
            with self.subTest(data=data[:40]):
                self.assertRefusedUpload(data)

    def test_refusal_speaks_vietnamese(self):
        with self.assertRaisesRegex(ValidationError, "Tệp không phải là PDF"):
            self.Document.with_context(lang="vi_VN").create(
                self.values(b"a,b\n1,2\n"))
        with self.assertRaisesRegex(ValidationError, "bị hỏng"):
            self.Document.with_context(lang="vi_VN").create(
                self.values(samples.with_trailing_junk(self.pdf)))

    def test_a_file_is_required(self):
        with self.assertRaises(ValidationError):
            self.Document.create(dict(self.values(self.pdf), datas=False))
        with self.assertRaises(ValidationError):
            self.document.sudo(self.secretary).write({"datas": False})
        with self.assertRaises(ValidationError):
            self.Document.create(dict(self.values(self.pdf), datas=b"not base64!"))
        with self.assertRaises(UserError):
            self.document.sudo(self.secretary).write({"page_count": 99})

    def test_limits_are_the_offices_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual((settings.paperless_document_max_size_mb,
                          settings.paperless_document_max_pages), (25, 2000))
        settings = self.env["res.config.settings"].create({
            "paperless_document_max_size_mb": 1,
            "paperless_document_max_pages": 4})
        settings.execute()
        self.assertEqual(self.env["res.config.settings"].create({})
                         .paperless_document_max_pages, 4)
        self.Document.create(self.values(samples.text_pdf(4)))
        self.assertRefusedUpload(samples.text_pdf(5))
        with self.assertRaisesRegex(ValidationError, "4"):
            self.Document.create(self.values(samples.text_pdf(5)))
        # Over 1 MB: refused before it is even parsed.
        big = self.pdf + b"\n" * (1 << 20)
        self.assertRefusedUpload(big)
        with self.assertRaisesRegex(ValidationError, "1 MB"):
            self.Document.create(self.values(big))
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({
                "paperless_document_max_size_mb": 0})

    def test_files_stored_before_the_check_are_normalised_once(self):
        """What the migration runs: a file put straight into the attachment
        (as before the check) is rewritten with its page count; a damaged
        one is left and reported, without a new version."""
        good = self.Document.create(self.values(self.pdf))
        bad = self.Document.create(self.values(self.pdf))
        for document, data in ((good, samples.with_incremental_update(
                samples.text_pdf(2))), (bad, samples.with_prev_cycle())):
            self.env["ir.attachment"].search([
                ("res_model", "=", "paperless.document"),
                ("res_field", "=", "datas"), ("res_id", "=", document.id),
            ]).write({"datas": base64.b64encode(data)})
        (good | bad).env.cr.execute(
            "UPDATE paperless_document SET page_count = 0 WHERE id IN %s",
            (tuple((good | bad).ids),))
        self.env.clear()
        left = self.env["paperless.document"]._normalise_stored_files()
        self.assertEqual(left, [bad.id])
        self.assertEqual((good.page_count, good.version), (2, 1))
        self.assertNotIn(b"/Prev", self.stored(good))
        self.assertEqual(bad.page_count, 0)
        self.assertEqual(self.stored(bad), samples.with_prev_cycle())

    def test_reader_actions_need_exactly_one_document(self):
        second = self.Document.create(self.values(self.pdf))
        for documents in (self.Document.browse(), self.document | second):
            for action in ("action_open_reader", "action_view_access"):
                with self.subTest(action=action, ids=documents.ids):
                    with self.assertRaises(UserError):
                        getattr(documents, action)()
        self.assertEqual(self.document.action_open_reader()["url"],
                         "/paperless/document/%d" % self.document.id)
