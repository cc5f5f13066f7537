# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Clerks registering incoming documents at once, each in a thread with its
own cursor on committed data: the numbers of each unit's register are
1..n, without gaps or duplicates, and a registration rolled back gives its
number back. The fixtures (two units of their own) are removed after."""
import unittest

from odoo import SUPERUSER_ID

from .concurrency import (
    CTX, create_users, delete_users, in_transaction, run_threads,
)

PER_REGISTER = 8
# Registrations of one register queue on its counter row: each waiting
# clerk is retried, as the RPC layer would, more often than a voter.
TRIES = 60


class Rollback(Exception):
    """Raised inside a transaction to roll it back on purpose."""


class TestIncomingConcurrency(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        def setup(env):
            companies = env["res.company"].create({"name": "Đơn vị đồng thời A"}) \
                | env["res.company"].create({"name": "Đơn vị đồng thời B"})
            clerks = env["res.users"]
            for index, company in enumerate(companies):
                clerks |= create_users(
                    env, "pm_in_conc_%d" % index, "Văn thư", 1,
                    "paperless_meeting.group_paperless_secretary", company)
            return companies.ids, clerks.ids

        cls.company_ids, cls.clerk_ids = in_transaction(SUPERUSER_ID, setup)

    @classmethod
    def tearDownClass(cls):
        def cleanup(env):
            cr = env.cr
            cr.execute("DELETE FROM paperless_incoming_document "
                       "WHERE company_id IN %s", (tuple(cls.company_ids),))
            cr.execute("DELETE FROM mail_message WHERE model = %s AND res_id "
                       "NOT IN (SELECT id FROM paperless_incoming_document)",
                       ("paperless.incoming.document",))
            settings = env["paperless.paper.setting"].search(
                [("company_id", "in", cls.company_ids)])
            sequences = settings.mapped("sequence_id")
            settings.unlink()
            sequences.unlink()
            delete_users(env, cls.clerk_ids)
            companies = env["res.company"].browse(cls.company_ids)
            company_partners = companies.mapped("partner_id")
            companies.unlink()
            company_partners.unlink()
        in_transaction(SUPERUSER_ID, cleanup)
        super().tearDownClass()

    def drafts(self, uid, company_id, count, confidentiality="normal"):
        def create(env):
            Incoming = env["paperless.incoming.document"].with_context(**CTX)
            return [Incoming.create({
                "company_id": company_id, "sender": "Tỉnh ủy",
                "summary": "Văn bản %d" % index, "received_date": "2026-11-25",
                "confidentiality": confidentiality}).id
                for index in range(count)]
        return in_transaction(uid, create)

    def register(self, uid, document_id):
        return lambda: in_transaction(uid, lambda env: env[
            "paperless.incoming.document"].browse(document_id).action_register(),
            tries=TRIES)

    def registers(self):
        def read(env):
            env.cr.execute(
                "SELECT company_id, register_kind, registry_year, registry_number "
                "FROM paperless_incoming_document WHERE company_id IN %s "
                "AND registry_number IS NOT NULL", (tuple(self.company_ids),))
            books = {}
            for company_id, kind, year, number in env.cr.fetchall():
                books.setdefault((company_id, kind, year), []).append(number)
            return {key: sorted(numbers) for key, numbers in books.items()}
        return in_transaction(SUPERUSER_ID, read)

    def test_many_clerks_register_at_once(self):
        (unit_a, unit_b), (clerk_a, clerk_b) = self.company_ids, self.clerk_ids
        targets = [self.register(clerk_a, document_id) for document_id in
                   self.drafts(clerk_a, unit_a, PER_REGISTER)
                   + self.drafts(clerk_a, unit_a, PER_REGISTER, "secret")]
        targets += [self.register(clerk_b, document_id) for document_id in
                    self.drafts(clerk_b, unit_b, PER_REGISTER)]
        results = run_threads(targets)
        self.assertEqual([result[0] for result in results],
                         ["ok"] * len(targets), results)
        expected = list(range(1, PER_REGISTER + 1))
        self.assertEqual(self.registers(), {
            (unit_a, "incoming", 2026): expected,
            (unit_a, "incoming_secret", 2026): expected,
            (unit_b, "incoming", 2026): expected,
        })

        # A registration rolled back gives its number back: no gap.
        clerk, unit = clerk_b, unit_b
        first, second = self.drafts(clerk, unit, 2)

        def register_then_fail(env):
            env["paperless.incoming.document"].browse(first).action_register()
            raise Rollback()

        with self.assertRaises(Rollback):
            in_transaction(clerk, register_then_fail)
        self.register(clerk, second)()
        self.register(clerk, first)()
        self.assertEqual(self.registers()[(unit, "incoming", 2026)],
                         list(range(1, PER_REGISTER + 3)))
