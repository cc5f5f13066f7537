#!/usr/bin/env bash
# Export the addon's terms to i18n/paperless_meeting.pot from database $1.
# Odoo's exporter walks every addons path with symlinks followed; the repo
# holds .venv and the .addons link to itself, so it exports from a clean
# copy of the tracked files instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/tools/env.sh"
db="$1"
out="${2:-$ROOT/i18n/paperless_meeting.pot}"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
mkdir -p "$copy/paperless_meeting"
(cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$copy/paperless_meeting")
"$ROOT/tools/odoo" -c "$ODOO_CONF" --addons-path "$ODOO_ADDONS,$copy" -d "$db" \
  --i18n-export="$copy/export.po" --modules=paperless_meeting --stop-after-init --no-http \
  --log-level=warn
cp "$copy/export.po" "$out"
