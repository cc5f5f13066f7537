# Sourced by tools/backup.sh and tools/restore.sh after tools/env.sh: with
# PAPERLESS_CONF set, the data directory and the PostgreSQL connection come
# from that Odoo configuration (a production server's), not this checkout's.
if [ -n "${PAPERLESS_CONF:-}" ]; then
  conf_value() {
    sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$PAPERLESS_CONF" | tail -1
  }
  value="$(conf_value data_dir)"; [ -n "$value" ] && DATA_DIR="$value"
  value="$(conf_value db_host)"; [ -n "$value" ] && [ "$value" != False ] && export PGHOST="$value"
  value="$(conf_value db_port)"; [ -n "$value" ] && [ "$value" != False ] && export PGPORT="$value"
  value="$(conf_value db_user)"; [ -n "$value" ] && [ "$value" != False ] && export PGUSER="$value"
  value="$(conf_value db_password)"; [ -n "$value" ] && [ "$value" != False ] \
    && export PGPASSWORD="$value"
  unset value
fi
