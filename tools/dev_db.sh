#!/usr/bin/env bash
# Developer loop, not CI: a database NAME with the addon and its demo data,
# Vietnamese loaded, copied from the cached template; run again to update the
# addon in it after a change of fields, views or data.
#   bash tools/dev_db.sh NAME
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
db="${1:?usage: tools/dev_db.sh NAME}"
if psql -d postgres -Atc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
  exec tools/odoo -c "$ODOO_CONF" -d "$db" -u paperless_meeting --stop-after-init \
    --no-http --log-level=warn
fi
template="$(bash tools/template_db.sh)"
createdb -T "$template" "$db"
if [ -d "$DATA_DIR/filestore/$template" ]; then
  cp -a "$DATA_DIR/filestore/$template" "$DATA_DIR/filestore/$db"
fi
exec tools/odoo -c "$ODOO_CONF" -d "$db" -i paperless_meeting --load-language vi_VN \
  --stop-after-init --no-http --log-level=warn
