"""The static guards on small fixture trees: each kind of finding is caught,
its explained or allowlisted form passes, stale allowlist entries fail.

    python tools/static_guards_selftest.py
"""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import static_guards  # noqa: E402  pylint: disable=wrong-import-position


class TestStaticGuards(unittest.TestCase):

    def tree(self, files, allowlist=""):
        """A throwaway addon tree with ``files`` {path: text}; returns
        (unreviewed kinds, stale entries, allowlist errors)."""
        root = tempfile.mkdtemp(prefix="guards_")
        for path, text in files.items():
            full = os.path.join(root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as handle:
                handle.write(textwrap.dedent(text))
        listing = os.path.join(root, "allow.txt")
        with open(listing, "w", encoding="utf-8") as handle:
            handle.write(allowlist)
        unreviewed, stale, errors = static_guards.check(root, listing)
        return sorted(f.kind for f in unreviewed), stale, errors

    # --- sudo ---------------------------------------------------------------
    def test_sudo_without_comment_fails(self):
        kinds, _stale, _errors = self.tree({"models/a.py": """
            def f(self):
                x = 1
                return self.env["res.partner"].sudo().search([])
        """})
        self.assertEqual(kinds, ["sudo"])

    def test_sudo_with_comment_above_passes(self):
        kinds, _stale, _errors = self.tree({"models/a.py": """
            def f(self):
                # Technical read: nothing of it is returned.
                return self.env["res.partner"].sudo().search_count([])

            def g(self):
                return self.env["res.partner"].sudo(  # the user's own row
                ).browse(self.env.uid).name

            def h(self):
                records = self.search([
                    # the chair's meeting, checked above
                    ("id", "=", self.sudo().meeting_id.id)])
                return records.ids
        """})
        self.assertEqual(kinds, [])

    def test_sudo_as_user_and_in_tests_pass(self):
        kinds, _stale, _errors = self.tree({
            "models/a.py": "def f(self, uid):\n    return self.sudo(uid).read()\n",
            "tests/test_a.py": "def f(self):\n    return self.sudo().read()\n",
        })
        self.assertEqual(kinds, [])

    def test_allowlisted_sudo_passes_and_stale_entry_fails(self):
        code = {"models/a.py": "def f(self):\n    return self.sudo().read()\n"}
        entry = "models/a.py :: sudo :: return self.sudo().read() :: reviewed\n"
        self.assertEqual(self.tree(code, entry), ([], [], []))
        stale_entry = "models/a.py :: sudo :: return self.sudo().gone() :: old\n"
        kinds, stale, _errors = self.tree(code, entry + stale_entry)
        self.assertEqual((kinds, len(stale)), ([], 1))

    def test_entry_without_reason_is_an_error(self):
        code = {"models/a.py": "def f(self):\n    return self.sudo().read()\n"}
        kinds, _stale, errors = self.tree(
            code, "models/a.py :: sudo :: return self.sudo().read()\n")
        self.assertEqual((kinds, len(errors)), (["sudo"], 1))

    # --- routes -------------------------------------------------------------
    def test_public_and_none_routes_and_csrf_off_fail(self):
        kinds, _stale, _errors = self.tree({"controllers/a.py": """
            from odoo import http

            class C(http.Controller):
                @http.route("/a", auth="public")
                def a(self):
                    return "a"

                @http.route("/b", auth='none', csrf=False, methods=["POST"])
                def b(self):
                    return "b"

                @http.route("/c", auth="user", csrf=True)
                def c(self):
                    return "c"
        """})
        self.assertEqual(kinds, ["auth", "auth", "csrf"])

    # --- t-raw --------------------------------------------------------------
    def test_t_raw_fails_t_esc_passes(self):
        kinds, _stale, _errors = self.tree({"views/a.xml": """
            <odoo><template id="x">
                <p t-esc="record.name"/>
                <div t-raw="record.description"/>
            </template></odoo>
        """})
        self.assertEqual(kinds, ["t-raw"])

    # --- SQL ----------------------------------------------------------------
    def test_sql_built_by_formatting_fails(self):
        kinds, _stale, _errors = self.tree({"tests/test_sql.py": """
            def f(cr, self, name, table):
                cr.execute("SELECT id FROM t WHERE name = '%s'" % name)
                self.env.cr.execute("SELECT id FROM {} ".format(table))
                self._cr.execute(f"DELETE FROM {table}")
                cr.execute("SELECT id FROM t WHERE name = " + name)
                query = "SELECT id FROM %s" % table
                cr.execute(query)
                sql = "SELECT 1"
                sql += " FROM " + table
                cr.execute(sql, ())
        """})
        self.assertEqual(kinds, ["sql"] * 6)

    def test_parameterised_sql_passes(self):
        kinds, _stale, _errors = self.tree({"models/a.py": """
            def f(cr, name):
                cr.execute("SELECT id FROM t WHERE name = %s", (name,))
                cr.execute("SELECT id FROM t"
                           " WHERE name = %(name)s", {"name": name})
                cr.execute("SELECT id " + "FROM t")
                query = "SELECT id FROM t WHERE id IN %s"
                cr.execute(query, (tuple([1]),))
        """})
        self.assertEqual(kinds, [])

    def test_the_addon_itself_passes(self):
        """The real tree with the real allowlist (what `make test` runs)."""
        done = subprocess.run([sys.executable, os.path.join(HERE, "static_guards.py")],
                              stdout=subprocess.PIPE, check=False)
        self.assertEqual(done.returncode, 0, done.stdout.decode())


if __name__ == "__main__":
    unittest.main(verbosity=1)
