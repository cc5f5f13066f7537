# Copyright 2026 paperless_meeting contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Live pushes of ballots without a database connection per vote.

``bus.bus.sendmany`` wakes the long-polling listeners after commit through
a new cursor on the ``postgres`` database taken from Odoo's pool: one extra
connection per vote. With hundreds of votes a second the pool (64) runs out
after the vote has committed, and the voter gets an error for a vote that
counts. The bus rows are written in the vote's own transaction here, and
the wake-up goes through one connection per process, kept outside the pool.
"""
import threading

import psycopg2

from odoo import sql_db
from odoo.addons.bus.models.bus import json_dump

_LOCK = threading.Lock()
_CONNECTION = []


def _wake_listeners(channels):
    payload = json_dump(list(channels))
    with _LOCK:
        for attempt in range(2):
            try:
                if not _CONNECTION or _CONNECTION[0].closed:
                    params = sql_db.connection_info_for("postgres")[1]
                    connection = psycopg2.connect(**params)
                    connection.autocommit = True
                    _CONNECTION[:] = [connection]
                with _CONNECTION[0].cursor() as cr:
                    cr.execute("NOTIFY imbus, %s", (payload,))
                return True
            except psycopg2.Error:
                # A dropped connection is opened again once.
                _CONNECTION[:] = []
                if attempt:
                    raise
    return False


def send(env, notifications):
    """``bus.bus.sendmany`` without its per-call connection: the rows are
    inserted in the current transaction, the listeners woken after commit."""
    # sudo: bus.bus has no access for users; the messages carry only the
    # ballot's public counts.
    bus = env["bus.bus"].sudo()
    channels = set()
    for channel, message in notifications:
        channels.add(tuple(channel))
        bus.create({"channel": json_dump(channel), "message": json_dump(message)})
    if channels:
        env.cr.after("commit", lambda: _wake_listeners(
            [list(channel) for channel in channels]))
    return True


def send_sql(env, channel, message):
    """One notification with a single INSERT (the vote's path, run while
    the ballot's counters are locked: no ORM work there)."""
    env.cr.execute(
        "INSERT INTO bus_bus (channel, message, create_date, create_uid,"
        " write_date, write_uid) VALUES (%s, %s, now() at time zone 'UTC', %s,"
        " now() at time zone 'UTC', %s)",
        (json_dump(channel), json_dump(message), env.uid, env.uid))
    env.cr.after("commit", lambda: _wake_listeners([list(channel)]))
    return True
