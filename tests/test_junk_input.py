# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every public method of every paperless model, called over JSON-RPC with
junk: no record, missing and huge ids, several records, and each declared
argument as None, a string, a list, a dict, a huge number. Only clear
errors (UserError, ValidationError, AccessError, MissingError) may come back,
and a refused call changes nothing."""
import inspect

from psycopg2 import sql

from odoo import models

from .rpc_case import CLEAR_ERRORS, RpcCase, RpcError

HUGE = 10 ** 12
JUNK_VALUES = (None, "junk", [1, "x"], {"id": 1}, HUGE, -7)
ADDON_MODULE = "odoo.addons.paperless_meeting."


class TestJunkInput(RpcCase):

    def public_methods(self):
        """{model: {method: [argument names]}} for the methods this addon
        defines on its models and that RPC may call."""
        methods = {}
        for name in sorted(self.registry.models):
            if not name.startswith("paperless."):
                continue
            for cls in self.registry[name].__mro__:
                if not cls.__module__.startswith(ADDON_MODULE):
                    continue
                for attr, function in vars(cls).items():
                    if attr.startswith("_") or not inspect.isfunction(function):
                        continue
                    if hasattr(models.BaseModel, attr) or attr == "init":
                        # The ORM's own API (CRUD, read_group, search…),
                        # overridden: the rules tests and the access
                        # matrix cover it.
                        continue
                    params = list(inspect.signature(function).parameters)[1:]
                    methods.setdefault(name, {})[attr] = params
        return methods

    def is_model_method(self, model, method):
        return getattr(getattr(self.registry[model], method), "_api",
                       None) == "model"

    def record_ids(self):
        """One real record per model (the fixture's, or any)."""
        ids = {"paperless.meeting": self.meeting_id,
               "paperless.ballot": self.ballot_id,
               "paperless.ballot.option": self.option_ids[0],
               "paperless.document": self.document_id,
               "paperless.meeting.attendee": self.attendee_ids["member"]}
        for model in self.registry.models:
            if model.startswith("paperless.") and model not in ids \
                    and not self.registry[model]._abstract:
                rows = self.sql(sql.SQL("SELECT min(id) FROM {}").format(
                    sql.Identifier(self.registry[model]._table)))
                if rows and rows[0][0]:
                    ids[model] = rows[0][0]
        return ids

    def snapshot(self):
        tables = sorted({self.registry[model]._table
                         for model in self.registry.models
                         if model.startswith("paperless.")
                         and not self.registry[model]._abstract
                         and not self.registry[model]._transient})
        state = {}
        for table in tables + ["paperless_ballot_tally", "mail_message"]:
            state[table] = self.sql(sql.SQL(
                "SELECT count(*), md5(string_agg(t::text, '' ORDER BY t::text))"
                " FROM {} AS t").format(sql.Identifier(table)))
        return state

    def call(self, role, model, method, ids, *args):
        before = self.snapshot()
        try:
            self.rpc(role, model, method, ids, *args)
        except RpcError as error:
            self.assertIn(error.name, CLEAR_ERRORS, "%s.%s(%r, %r) as %s: %s" % (
                model, method, ids, args, role, error))
            self.assertEqual(self.snapshot(), before, "%s.%s(%r, %r) as %s "
                             "was refused but changed data" % (
                                 model, method, ids, args, role))
            return False
        return True

    def test_every_public_method_with_junk(self):
        methods = self.public_methods()
        # The suite must really cover the contract, not an empty list.
        self.assertIn("cast_vote", methods["paperless.ballot"])
        self.assertIn("action_delegate", methods["paperless.meeting.attendee"])
        self.assertIn("action_schedule", methods["paperless.meeting"])
        ids = self.record_ids()
        calls = 0
        for model, model_methods in sorted(methods.items()):
            real = ids.get(model)
            for method, params in sorted(model_methods.items()):
                # An api.model method takes no ids: what RPC sends first is
                # its first argument (one more would land where Odoo reads
                # the context, not an argument of the method).
                if self.is_model_method(model, method) and params:
                    params = params[1:]
                for role in ("member", "secretary"):
                    # Junk ids (every argument given, as False).
                    for junk_ids in ([], [HUGE], [2 ** 31 - 1]):
                        self.call(role, model, method, junk_ids,
                                  *[False] * len(params))
                        calls += 1
                    if not real or not params:
                        continue
                    # The real record, each argument junk in turn.
                    for position in range(len(params)):
                        for value in JUNK_VALUES:
                            args = [False] * len(params)
                            args[position] = value
                            self.call(role, model, method, [real], *args)
                            calls += 1
        self.assertGreater(calls, 100)
