#!/usr/bin/env bash
# Developer loop, not CI: run some of the addon's tests on a database made by
# tools/dev_db.sh (no lint, no install, no i18n check; `make test` does all).
#   bash tools/dev_test.sh NAME tests/test_ballot.py [pytest options, e.g. -k x]
# Odoo's log goes to .data/dev-NAME.log; PAPERLESS_TEST_PORT as in make test.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
db="${1:?usage: tools/dev_test.sh NAME [tests...] [pytest options]}"; shift
args=()
for arg in "$@"; do
  case "$arg" in
    tests/*) args+=("$ADDONS_LINK_DIR/paperless_meeting/$arg") ;;
    *) args+=("$arg") ;;
  esac
done
[ ${#args[@]} -gt 0 ] || args=("$ADDONS_LINK_DIR/paperless_meeting/tests")
conf="$(mktemp)"
log="$DATA_DIR/dev-$db.log"
sed '/^http_port\|^logfile/d' "$ODOO_CONF" > "$conf"
printf 'http_port = %s\nlogfile = %s\n' "${PAPERLESS_TEST_PORT:-8169}" "$log" >> "$conf"
: > "$log"
PYTHONPATH="$ROOT/tools${PYTHONPATH:+:$PYTHONPATH}" "$VENV/bin/pytest" \
  -c tools/pytest.ini --rootdir "$ADDONS_LINK_DIR/paperless_meeting" -p pytest_paperless \
  --odoo-config "$conf" --odoo-database "$db" --odoo-http --odoo-log-level info \
  "${args[@]}"
rc=$?
rm -f "$conf"
grep -E ' (ERROR|CRITICAL) ' "$log" && { echo "[dev_test] ERROR/CRITICAL in $log"; rc=1; }
exit $rc
