# Paths and environment shared by the project's scripts (sourced, not run).
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
VENV="$ROOT/.venv"
LINT_VENV="$ROOT/.venv-lint"
TOOLS="$ROOT/.tools"
ADDONS_LINK_DIR="$ROOT/.addons"
DATA_DIR="$ROOT/.data"
ODOO_CONF="$ROOT/.odoo.conf"
ODOO_ADDONS="$VENV/lib/python3.7/site-packages/odoo/addons"
ODOO_BIN="$VENV/bin/odoo"
# Odoo finds wkhtmltopdf on PATH; Debian's lessc needs Node's system modules.
export PATH="$TOOLS/wkhtmltox/bin:$PATH"
export NODE_PATH=/usr/share/nodejs
# pytest-odoo maps HOST/PORT onto the database settings: keep them out.
unset HOST PORT PGHOST PGPORT
