#!/usr/bin/env bash
# Run by tools/test.sh: back up DB with tools/backup.sh, restore the archive as
# a new database with tools/restore.sh, and prove that every row of every
# table (count and content) and every file of the filestore came back.
#   bash tools/restore_check.sh DB
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh
db="${1:?usage: tools/restore_check.sh DB}"
copy="${db}_restored"
work="$(mktemp -d)"
cleanup() {
  dropdb --if-exists "$copy" >/dev/null 2>&1
  rm -rf "$DATA_DIR/filestore/$copy" "$work"
}
trap cleanup EXIT
fail() { echo "[restore-check] FAILED: $*"; exit 1; }
files="$(find "$DATA_DIR/filestore/$db" -type f 2>/dev/null | wc -l)"
[ "$files" -gt 0 ] || fail "$db has no files to back up"
archive="$(BACKUP_DIR="$work" bash tools/backup.sh "$db")" || fail "backup"
[ -f "$archive" ] || fail "no archive"
bash tools/restore.sh "$archive" "$copy" || fail "restore"
# A second restore onto the same name is refused, leaving it untouched.
if bash tools/restore.sh "$archive" "$copy" 2>/dev/null; then
  fail "restore overwrote an existing database"
fi
"$VENV/bin/python" tools/db_fingerprint.py snapshot "$db" "$work/a.json" \
  --filestore "$DATA_DIR/filestore/$db" || fail "fingerprint $db"
"$VENV/bin/python" tools/db_fingerprint.py snapshot "$copy" "$work/b.json" \
  --filestore "$DATA_DIR/filestore/$copy" || fail "fingerprint $copy"
"$VENV/bin/python" tools/db_fingerprint.py compare "$work/a.json" "$work/b.json" \
  || fail "the restored database differs"
echo "[restore-check] ok: every table and all $files files came back"
