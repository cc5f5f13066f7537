#!/usr/bin/env bash
# Serve the demo: database paperless_demo with the addon and its demo data,
# Vietnamese loaded, on http://127.0.0.1:8069 (admin / admin), in the foreground.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tools/setup.sh
source tools/env.sh
DB="${PAPERLESS_DB:-paperless_demo}"
PORT="${PAPERLESS_PORT:-8069}"
# The addon's files as they are now: an unchanged addon needs no update.
addon_hash="$(git ls-files -co --exclude-standard -z | sort -z \
  | xargs -0 sha256sum 2>/dev/null | sha256sum | cut -c1-16)"
stamp="$DATA_DIR/run-$DB.hash"
# Several servers may serve the same database (README "Scale out"): one
# preparing it at a time, and a database already served is joined as it is,
# never re-created nor updated under the running servers.
exec 9>"$DATA_DIR/run-$DB.lock"
flock 9
served() {
  psql -d postgres -Atc "select count(*) from pg_stat_activity
    where datname = '$DB' and pid <> pg_backend_pid()"
}
if psql -d postgres -Atc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  if [ "$(cat "$stamp" 2>/dev/null)" != "$addon_hash" ]; then
    if [ "$(served)" != 0 ]; then
      echo "[run] $DB is served by another server: joining it without updating" \
        "paperless_meeting (stop the other servers to update it)" >&2
      addon_hash="$(cat "$stamp" 2>/dev/null || true)"
    else
      echo "[run] updating paperless_meeting in $DB" >&2
      tools/odoo -c "$ODOO_CONF" -d "$DB" -u paperless_meeting --stop-after-init \
        --no-http --log-level=warn
    fi
  fi
else
  template="$(bash tools/template_db.sh)"
  echo "[run] creating $DB from $template with the addon and its demo data" >&2
  createdb -T "$template" "$DB"
  if [ -d "$DATA_DIR/filestore/$template" ]; then
    cp -a "$DATA_DIR/filestore/$template" "$DATA_DIR/filestore/$DB"
  fi
  tools/odoo -c "$ODOO_CONF" -d "$DB" -i paperless_meeting --load-language vi_VN \
    --stop-after-init --no-http --log-level=warn
  # Vietnamese first, in the office's time zone, for everyone.
  tools/odoo shell -c "$ODOO_CONF" -d "$DB" --no-http --log-level=warn <<'PY'
env["res.users"].with_context(active_test=False).search([]).write(
    {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
env["res.partner"].search([("lang", "!=", "vi_VN")]).write({"lang": "vi_VN"})
env.cr.commit()
PY
fi
echo "$addon_hash" > "$stamp"
flock -u 9
exec 9>&-
echo "[run] serving $DB on http://127.0.0.1:$PORT (login admin / admin)" >&2
exec tools/odoo -c "$ODOO_CONF" -d "$DB" --db-filter "^$DB\$" \
  --http-interface 127.0.0.1 --http-port "$PORT" --log-level=info
