#!/usr/bin/env bash
# Bring an archive of tools/backup.sh back as a NEW database with its
# filestore, checked against the archive's checksums:
#   bash tools/restore.sh FILE DB        (make restore FILE=... DB=...)
# Refuses to overwrite an existing database or filestore. Serve it with the
# same setup afterwards, e.g. `PAPERLESS_DB=DB make run` (or dbfilter ^DB$ in
# production). PAPERLESS_CONF as in tools/backup.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
source tools/backup_env.sh
file="${1:?usage: tools/restore.sh FILE DB}"
db="${2:?usage: tools/restore.sh FILE DB}"
[[ "$db" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "[restore] bad database name: $db" >&2; exit 1; }
[ -f "$file" ] || { echo "[restore] no such archive: $file" >&2; exit 1; }
if psql -d postgres -Atc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
  echo "[restore] database $db exists: restore into a new name" >&2; exit 1
fi
filestore="$DATA_DIR/filestore/$db"
[ ! -e "$filestore" ] || { echo "[restore] $filestore exists" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xf "$file" MANIFEST database.dump filestore.tar
(cd "$work" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum --quiet -c -) \
  || { echo "[restore] the archive does not match its MANIFEST" >&2; exit 1; }
createdb "$db"
if ! pg_restore --no-owner --exit-on-error --jobs=2 -d "$db" "$work/database.dump"; then
  echo "[restore] pg_restore failed; dropping the half-restored $db" >&2
  dropdb --if-exists "$db"; exit 1
fi
mkdir -p "$filestore"
tar -C "$filestore" -xf "$work/filestore.tar"
echo "[restore] $file -> database $db, filestore $filestore" >&2
echo "[restore] serve it: PAPERLESS_DB=$db make run" >&2
