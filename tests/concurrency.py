# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Threads with their own cursors on committed data, for the tests of what
many people do at once: serialization failures are retried the way Odoo's
RPC layer retries them; fixtures are committed and removed by hand."""
import random
import threading
import time

import psycopg2

import odoo
from odoo import api
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests.common import get_db_name
from odoo.tools import mute_logger

CTX = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
       "no_reset_password": True}


def in_transaction(uid, function, tries=12):
    """Run ``function(env)`` in a fresh transaction as ``uid``, committed when
    the cursor's context exits without an error."""
    registry = odoo.registry(get_db_name())
    for attempt in range(tries):
        with api.Environment.manage(), registry.cursor() as cr:
            env = api.Environment(cr, uid, {})
            try:
                return function(env)
            except psycopg2.OperationalError as error:
                if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY:
                    raise
                cr.rollback()
        time.sleep(random.uniform(0.0, 0.02 * 2 ** min(attempt, 5)))
    raise AssertionError("too many serialization failures")


def run_threads(targets):
    """Start all targets together; return their results in order."""
    results = [None] * len(targets)
    barrier = threading.Barrier(len(targets))

    def run(index, target):
        barrier.wait()
        try:
            results[index] = ("ok", target())
        except UserError as error:
            results[index] = ("refused", error.name)
        except Exception as error:  # pylint: disable=broad-except
            results[index] = ("error", repr(error))

    threads = [threading.Thread(target=run, args=(index, target))
               for index, target in enumerate(targets)]
    with mute_logger("odoo.sql_db"):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    return results


def create_users(env, login_prefix, name, count, group, company=None):
    """``count`` committed users of ``group`` (an xml id), in ``company``."""
    users = env["res.users"]
    for index in range(count):
        values = {
            "name": "%s %d" % (name, index),
            "login": "%s_%d" % (login_prefix, index),
            "email": "%s_%d@example.org" % (login_prefix, index),
            "groups_id": [(6, 0, [env.ref(group).id])],
        }
        if company:
            values.update(company_id=company.id,
                          company_ids=[(6, 0, company.ids)])
        users |= env["res.users"].with_context(**CTX).create(values)
    return users


def delete_users(env, user_ids):
    """Remove committed fixture users and their partners."""
    users = env["res.users"].browse(user_ids)
    partners = users.mapped("partner_id")
    users.unlink()
    partners.unlink()
