#!/usr/bin/env bash
# Print the name of a cached template database holding Odoo's base, mail,
# calendar and web_responsive with demo data; build it once per set of pins.
# Test databases are then copies of it (createdb -T, ~0.3 s).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/env.sh"
BASE_MODULES="base,mail,calendar,web_responsive"
key="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-oca.txt" <(echo "$BASE_MODULES") \
  | sha256sum | cut -c1-10)"
name="pm_template_$key"
if ! psql -d postgres -Atc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
  building="${name}_building"
  dropdb --if-exists "$building"
  rm -rf "$DATA_DIR/filestore/$building"
  echo "[template] building $name with $BASE_MODULES (demo data loaded)" >&2
  log="$DATA_DIR/template-$key.log"
  if ! "$ROOT/tools/odoo" -c "$ODOO_CONF" -d "$building" -i "$BASE_MODULES" \
      --stop-after-init --no-http --logfile "$log" --log-level=warn; then
    cat "$log" >&2; exit 1
  fi
  if grep -E ' (ERROR|CRITICAL) ' "$log" >&2; then exit 1; fi
  psql -d postgres -qc "ALTER DATABASE \"$building\" RENAME TO \"$name\""
  if [ -d "$DATA_DIR/filestore/$building" ]; then
    mv "$DATA_DIR/filestore/$building" "$DATA_DIR/filestore/$name"
  fi
fi
echo "$name"
