"""Print the addon's dependencies (comma-separated) not installed yet in a
database, for an update that adds one: Odoo 11 logs an error when an update
meets a dependency it must install on the way, so they go first (`-i`).

    python tools/missing_depends.py DB
"""
import ast
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(db):
    with open(os.path.join(ROOT, "__manifest__.py")) as handle:
        depends = ast.literal_eval(handle.read())["depends"]
    installed = set(subprocess.run(
        ["psql", "-d", db, "-Atc",
         "select name from ir_module_module where state = 'installed'"],
        stdout=subprocess.PIPE, check=True).stdout.decode().split())
    print(",".join(name for name in depends if name not in installed))


if __name__ == "__main__":
    main(sys.argv[1])
