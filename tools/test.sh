#!/usr/bin/env bash
# The whole suite: set-up, lint, install the addon with its demo data on a
# throwaway copy of the cached template database, then the addon's tests under
# pytest-odoo. Non-zero on any lint finding, failed install, ERROR/CRITICAL in
# Odoo's log, failing/erroring/missing test or zero tests. The last line is
# pytest's summary.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tools/setup.sh || exit 1
source tools/env.sh
failed=0
note() { printf '[test] %s\n' "$*"; }

note "lint: flake8"
"$LINT_VENV/bin/flake8" . || failed=1
note "lint: pylint-odoo"
(cd "$ADDONS_LINK_DIR" && "$LINT_VENV/bin/pylint" --rcfile="$ROOT/.pylintrc" --score=n \
  paperless_meeting) || failed=1
note "static guards: sudo/auth/csrf/t-raw reviewed, no formatted SQL"
guards_log="$(mktemp)"
"$VENV/bin/python" tools/static_guards_selftest.py >"$guards_log" 2>&1 \
  || { cat "$guards_log"; failed=1; }
rm -f "$guards_log"
"$VENV/bin/python" tools/static_guards.py || failed=1
note "tests imported by tests/__init__.py"
"$VENV/bin/python" tools/check_test_imports.py || failed=1

template="$(bash tools/template_db.sh)" || exit 1
db="pm_test_$$"
work="$(mktemp -d)"
cleanup() {
  dropdb --if-exists "$db" >/dev/null 2>&1
  rm -rf "$DATA_DIR/filestore/$db" "$work"
}
trap cleanup EXIT
createdb -T "$template" "$db" || exit 1
if [ -d "$DATA_DIR/filestore/$template" ]; then
  mkdir -p "$DATA_DIR/filestore" && cp -a "$DATA_DIR/filestore/$template" "$DATA_DIR/filestore/$db"
fi

note "install paperless_meeting with demo data on $db"
install_log="$work/install.log"
"$ROOT/tools/odoo" -c "$ODOO_CONF" -d "$db" -i paperless_meeting --stop-after-init \
  --load-language vi_VN --no-http --logfile "$install_log" --log-level=info
rc=$?
if [ $rc -ne 0 ] || grep -E ' (ERROR|CRITICAL) ' "$install_log"; then
  tail -40 "$install_log"
  note "install failed (exit $rc)"
  failed=1
fi

note "i18n: every term of the addon translated in i18n/vi.po"
if bash tools/i18n_export.sh "$db" "$work/paperless_meeting.pot" >"$work/i18n.log" 2>&1; then
  "$VENV/bin/python" tools/i18n_check.py "$work/paperless_meeting.pot" i18n/vi.po \
    || failed=1
else
  cat "$work/i18n.log"; failed=1
fi

note "backup and restore: every row and file comes back"
bash tools/restore_check.sh "$db" || failed=1
note "upgrade: idempotent, and from the previous release (${PAPERLESS_UPGRADE_FROM:-85f9a68})"
bash tools/upgrade_check.sh "$db" || failed=1
note "scale out: two servers (deploy/odoo.conf, prefork) on one database"
"$VENV/bin/python" tools/scale_out_check.py "$db" || failed=1

note "pytest"
# Odoo logs to a file (pytest captures stderr) on a port of its own (a dev
# server may hold 8069).
test_log="$work/odoo-tests.log"
test_conf="$work/odoo-test.conf"
sed '/^http_port\|^logfile/d' "$ODOO_CONF" > "$test_conf"
printf 'http_port = %s\nlogfile = %s\n' "${PAPERLESS_TEST_PORT:-8169}" "$test_log" >> "$test_conf"
PYTHONPATH="$ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" "$VENV/bin/pytest" \
  -c tools/pytest.ini --rootdir "$ADDONS_LINK_DIR/paperless_meeting" -p pytest_paperless \
  --odoo-config "$test_conf" --odoo-database "$db" --odoo-http \
  --odoo-log-level info \
  "$ADDONS_LINK_DIR/paperless_meeting/tests" 2>&1 | tee "$work/pytest.out"
rc=${PIPESTATUS[0]}
summary="$(grep -E '^=+ .*(passed|failed|error|no tests ran).* =+$' "$work/pytest.out" | tail -1)"
# A failed asset compilation (lessc) is only a WARNING in Odoo 11, yet it
# leaves every page without its CSS: count it as an error too.
if grep -E ' (ERROR|CRITICAL) |error occured while compiling the bundle' "$test_log"; then
  note "Odoo logged ERROR/CRITICAL (or a broken asset bundle) during the tests (above)"
  failed=1
fi
[ $rc -eq 0 ] || { note "pytest exited $rc"; failed=1; }
if [ $failed -ne 0 ]; then
  note "FAILED"
  echo "${summary:-no pytest summary}"
  exit 1
fi
echo "$summary"
