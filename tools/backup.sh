#!/usr/bin/env bash
# One dated archive of a database and its filestore:
#   backups/<db>-<UTC date-time>.tar  holding
#     database.dump   pg_dump custom format (pg_restore reads it)
#     filestore.tar   the attachments' files of data_dir/filestore/<db>
#     MANIFEST        database, date, addon version and commit, sha256 of both
#   bash tools/backup.sh [DB]          (make backup [DB=...])
# DB defaults to $PAPERLESS_DB or paperless_demo; BACKUP_DIR to backups/.
# PAPERLESS_CONF=/etc/odoo/odoo.conf takes data_dir and db_* from a production
# configuration instead of this checkout's .odoo.conf.
# The dump is taken first, then the files: files are only ever added (Odoo
# deletes unreferenced ones later, in its garbage collection), so every
# attachment of the dump finds its file in the archive.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
source tools/backup_env.sh
db="${1:-${PAPERLESS_DB:-paperless_demo}}"
out_dir="${BACKUP_DIR:-$ROOT/backups}"
psql -d postgres -Atc "select 1 from pg_database where datname = '$db'" | grep -q 1 \
  || { echo "[backup] no database $db" >&2; exit 1; }
mkdir -p "$out_dir"
stamp="$(date -u +%Y%m%d-%H%M%S)"
archive="$out_dir/$db-$stamp.tar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
pg_dump --format=custom --no-owner --file="$work/database.dump" "$db"
filestore="$DATA_DIR/filestore/$db"
if [ -d "$filestore" ]; then
  tar -C "$filestore" -cf "$work/filestore.tar" .
else
  tar -cf "$work/filestore.tar" -T /dev/null
fi
version="$(psql -d "$db" -Atc "select latest_version from ir_module_module
  where name = 'paperless_meeting'" 2>/dev/null || true)"
{
  echo "database=$db"
  echo "date=$stamp"
  echo "paperless_meeting=${version:-not installed}"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  (cd "$work" && sha256sum database.dump filestore.tar)
} > "$work/MANIFEST"
tar -C "$work" -cf "$archive.partial" MANIFEST database.dump filestore.tar
mv "$archive.partial" "$archive"
echo "[backup] $db -> $archive ($(du -h "$archive" | cut -f1))" >&2
echo "$archive"
