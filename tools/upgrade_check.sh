#!/usr/bin/env bash
# Run by tools/test.sh; non-zero when an upgrade is not safe.
#   bash tools/upgrade_check.sh DB
# 1. Idempotent: on a copy of DB (the addon installed, with data), a second
#    `-u paperless_meeting` changes no row of any table and no file (write
#    dates aside, and the id of one view translation Odoo re-creates).
# 2. From the previous release: the addon as it was at git ref
#    $PAPERLESS_UPGRADE_FROM (default 85f9a68, where this round started) is
#    installed with its demo data on a fresh database, then upgraded to this
#    working tree: no ERROR/CRITICAL in the log, the new version recorded, no
#    row of any paperless_* table or ir_attachment and no file lost, and a
#    second update changes nothing there either.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
src="${1:?usage: tools/upgrade_check.sh DB}"
ref="${PAPERLESS_UPGRADE_FROM:-85f9a68}"
IGNORE="write_date,ir_model_data.date_update,ir_translation.id"
work="$(mktemp -d)"
dbs=()
cleanup() {
  for name in "${dbs[@]}"; do
    dropdb --if-exists "$name" >/dev/null 2>&1; rm -rf "$DATA_DIR/filestore/$name"
  done
  rm -rf "$work"
}
trap cleanup EXIT
note() { printf '[upgrade-check] %s\n' "$*"; }
fail() { note "FAILED: $*"; exit 1; }
fingerprint() {  # DB OUT
  "$VENV/bin/python" tools/db_fingerprint.py snapshot "$1" "$2" \
    --filestore "$DATA_DIR/filestore/$1" --ignore-columns "$IGNORE" >/dev/null
}
odoo_run() {  # CONF DB LOG ARGS...
  local conf="$1" db="$2" log="$3"; shift 3
  "$ROOT/tools/odoo" -c "$conf" -d "$db" --stop-after-init --no-http \
    --logfile "$log" --log-level=info "$@"
  local rc=$?
  if [ $rc -ne 0 ] || grep -E ' (ERROR|CRITICAL) ' "$log"; then
    tail -30 "$log"; return 1
  fi
}
copy_db() {  # FROM TO
  createdb -T "$1" "$2" || return 1
  dbs+=("$2")
  if [ -d "$DATA_DIR/filestore/$1" ]; then
    cp -a "$DATA_DIR/filestore/$1" "$DATA_DIR/filestore/$2"
  fi
}
update_twice_same() {  # CONF DB LABEL
  fingerprint "$2" "$work/$3-1.json" || return 1
  odoo_run "$1" "$2" "$work/$3-again.log" -u paperless_meeting || return 1
  fingerprint "$2" "$work/$3-2.json" || return 1
  "$VENV/bin/python" tools/db_fingerprint.py compare "$work/$3-1.json" "$work/$3-2.json"
}
version="$("$VENV/bin/python" -c "import ast; print(ast.literal_eval(open('__manifest__.py').read())['version'])")"

# --- 1. the update is idempotent on a database with data ---------------------
start=$SECONDS
copy_db "$src" "pm_upg_same_$$" || fail "copy $src"
odoo_run "$ODOO_CONF" "pm_upg_same_$$" "$work/first.log" -u paperless_meeting \
  || fail "first update of $src"
update_twice_same "$ODOO_CONF" "pm_upg_same_$$" same || fail "a second update changed data"
note "ok: a second update changes nothing ($((SECONDS - start)) s)"

# --- 2. from the previous release -------------------------------------------
start=$SECONDS
old="$work/old/paperless_meeting"
mkdir -p "$old"
git archive "$ref" | tar -x -C "$old" || fail "git archive $ref"
old_version="$("$VENV/bin/python" -c "import ast; print(ast.literal_eval(open('$old/__manifest__.py').read())['version'])")"
old_conf="$work/old.conf"
sed "s|^addons_path = .*|addons_path = $ODOO_ADDONS,$work/old|" "$ODOO_CONF" > "$old_conf"
template="$(bash tools/template_db.sh)" || fail "template"
db="pm_upg_from_$$"
copy_db "$template" "$db" || fail "create $db"
note "installing paperless_meeting $old_version from $ref on $db"
odoo_run "$old_conf" "$db" "$work/old-install.log" -i paperless_meeting \
  --load-language vi_VN || fail "install of $ref"
fingerprint "$db" "$work/before.json" || fail "fingerprint before"
# Odoo 11 logs an error when an update meets a dependency that is not
# installed yet: as the README's upgrade steps say, install a release's new
# dependencies first.
missing="$("$VENV/bin/python" tools/missing_depends.py "$db")"
if [ -n "$missing" ]; then
  note "installing the new dependencies first: $missing"
  odoo_run "$old_conf" "$db" "$work/new-depends.log" -i "$missing" \
    || fail "install of the new dependencies $missing"
fi
note "upgrading $db from $old_version ($ref) to $version (working tree)"
odoo_run "$ODOO_CONF" "$db" "$work/upgrade.log" -u paperless_meeting \
  || fail "upgrade from $ref"
fingerprint "$db" "$work/after.json" || fail "fingerprint after"
"$VENV/bin/python" tools/db_fingerprint.py kept "$work/before.json" "$work/after.json" \
  --prefix paperless_,ir_attachment,res_users,mail_message || fail "data lost by the upgrade"
recorded="$(psql -d "$db" -Atc "select latest_version from ir_module_module
  where name = 'paperless_meeting' and state = 'installed'")"
[ "$recorded" = "$version" ] || fail "recorded version '$recorded', manifest $version"
update_twice_same "$ODOO_CONF" "$db" upgraded || fail "a second update after the upgrade changed data"
note "ok: $old_version ($ref) -> $version, nothing lost ($((SECONDS - start)) s)"
