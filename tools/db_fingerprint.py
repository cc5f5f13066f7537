"""What a database holds, table by table, and its filestore, file by file:
used by the backup/restore check (everything comes back) and the upgrade
check (a second update changes nothing).

    python tools/db_fingerprint.py snapshot DB OUT.json [--filestore DIR]
                                   [--ignore-columns a,b] [--ignore-tables x,y]
    python tools/db_fingerprint.py compare A.json B.json
    python tools/db_fingerprint.py kept OLD.json NEW.json --prefix paperless_

A table's fingerprint is its row count and the md5 of its rows (as JSON,
minus the ignored columns: ``column`` in every table, ``table.column`` in
one) in sorted order; a file's is its sha256.
"""
import argparse
import hashlib
import json
import os
import sys

import psycopg2
from psycopg2 import sql


def tables(cr):
    cr.execute("SELECT table_name FROM information_schema.tables"
               " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
               " ORDER BY table_name")
    return [row[0] for row in cr.fetchall()]


def table_prints(dbname, ignore_columns, ignore_tables):
    prints = {}
    with psycopg2.connect(dbname=dbname) as conn, conn.cursor() as cr:
        cr.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for table in tables(cr):
            if table in ignore_tables:
                continue
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(row_text, E'\\n'"
                " ORDER BY row_text), '')) FROM (SELECT (to_jsonb(t) - %s::text[])"
                "::text AS row_text FROM {} AS t) AS rows").format(
                    sql.Identifier(table))
            ignored = [column.split(".")[-1] for column in ignore_columns
                       if "." not in column or column.startswith(table + ".")]
            cr.execute(query, (ignored,))
            count, digest = cr.fetchone()
            prints[table] = [count, digest]
    return prints


def file_prints(folder):
    prints = {}
    if not folder or not os.path.isdir(folder):
        return prints
    for path, _dirs, files in os.walk(folder):
        for name in files:
            full = os.path.join(path, name)
            with open(full, "rb") as handle:
                prints[os.path.relpath(full, folder)] = hashlib.sha256(
                    handle.read()).hexdigest()
    return prints


def snapshot(args):
    data = {
        "tables": table_prints(
            args.db, [c for c in args.ignore_columns.split(",") if c],
            set(t for t in args.ignore_tables.split(",") if t)),
        "files": file_prints(args.filestore),
    }
    with open(args.out, "w") as handle:
        json.dump(data, handle, indent=0, sort_keys=True)
    print("[fingerprint] %s: %d tables, %d rows, %d files" % (
        args.db, len(data["tables"]),
        sum(count for count, _digest in data["tables"].values()),
        len(data["files"])))
    return 0


def compare(args):
    with open(args.a) as handle:
        first = json.load(handle)
    with open(args.b) as handle:
        second = json.load(handle)
    problems = []
    for kind in ("tables", "files"):
        a, b = first[kind], second[kind]
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                problems.append("%s %s: %s != %s" % (
                    kind[:-1], name, a.get(name, "missing"), b.get(name, "missing")))
    for problem in problems:
        print("[fingerprint] differs: %s" % problem)
    print("[fingerprint] %s: %d tables, %d files compared" % (
        "same" if not problems else "DIFFERENT", len(first["tables"]),
        len(first["files"])))
    return 1 if problems else 0


def kept(args):
    """Nothing lost by an upgrade: every table of OLD named with one of the
    prefixes has at least as many rows in NEW, every file of OLD is in NEW."""
    with open(args.old) as handle:
        old = json.load(handle)
    with open(args.new) as handle:
        new = json.load(handle)
    prefixes = tuple(args.prefix.split(","))
    problems = []
    checked = 0
    for table, (count, _digest) in sorted(old["tables"].items()):
        if not table.startswith(prefixes):
            continue
        checked += 1
        after = new["tables"].get(table, [None])[0]
        if after is None or after < count:
            problems.append("table %s: %s rows before, %s after"
                            % (table, count, after))
        else:
            print("[fingerprint] %s: %d -> %d rows" % (table, count, after))
    lost = sorted(set(old["files"]) - set(new["files"]))
    problems += ["file %s lost" % name for name in lost]
    for problem in problems:
        print("[fingerprint] LOST: %s" % problem)
    print("[fingerprint] %s: %d tables, %d files checked" % (
        "kept" if not problems else "LOST", checked, len(old["files"])))
    return 1 if problems or not checked else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    snap = commands.add_parser("snapshot")
    snap.add_argument("db")
    snap.add_argument("out")
    snap.add_argument("--filestore")
    snap.add_argument("--ignore-columns", default="")
    snap.add_argument("--ignore-tables", default="")
    comp = commands.add_parser("compare")
    comp.add_argument("a")
    comp.add_argument("b")
    keep = commands.add_parser("kept")
    keep.add_argument("old")
    keep.add_argument("new")
    keep.add_argument("--prefix", default="paperless_")
    args = parser.parse_args()
    if args.command == "snapshot":
        return snapshot(args)
    if args.command == "compare":
        return compare(args)
    if args.command == "kept":
        return kept(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
