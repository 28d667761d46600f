# Sourced by .ci/run: start a throwaway PostgreSQL cluster for the store tests and export
# MARSAD_TEST_PG_URL; the caller's EXIT trap calls marsad_pg_stop. Installs PostgreSQL from
# Debian's packages when its binaries are absent (CI runs as root). Any failure leaves
# MARSAD_TEST_PG_URL unset, so the PostgreSQL tests skip with a reason instead of failing.

marsad_pg_start() {
  local bindir
  bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "installing PostgreSQL from Debian's packages" >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null || return 1
      bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
    fi
  fi
  [ -n "$bindir" ] && [ -x "$bindir/initdb" ] || { echo "no PostgreSQL binaries" >&2; return 1; }

  MARSAD_PG_DIR="$(mktemp -d /tmp/marsad-pg.XXXXXX)"
  # initdb and postgres refuse to run as root: run them as the postgres user when we are root
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$MARSAD_PG_DIR"
    run=(runuser -u postgres --)
  fi
  MARSAD_PG_RUN=("${run[@]}")
  MARSAD_PG_BIN="$bindir"
  local port=$(( 20000 + RANDOM % 20000 ))
  "${run[@]}" "$bindir/initdb" -D "$MARSAD_PG_DIR/data" -U marsad --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$MARSAD_PG_DIR/initdb.log" 2>&1 || {
    echo "initdb failed: see $MARSAD_PG_DIR/initdb.log" >&2; return 1; }
  # unix socket in the temp dir only: nothing listens on TCP
  "${run[@]}" "$bindir/pg_ctl" -D "$MARSAD_PG_DIR/data" -l "$MARSAD_PG_DIR/server.log" -w \
      -o "-k $MARSAD_PG_DIR -p $port -c listen_addresses='' -c fsync=off" start >/dev/null || {
    echo "PostgreSQL did not start: see $MARSAD_PG_DIR/server.log" >&2; return 1; }
  "${run[@]}" "$bindir/createdb" -h "$MARSAD_PG_DIR" -p "$port" -U marsad marsad_test || return 1
  export MARSAD_TEST_PG_URL="postgresql://marsad@/marsad_test?host=$MARSAD_PG_DIR&port=$port"
  echo "PostgreSQL test cluster: $MARSAD_TEST_PG_URL" >&2
}

marsad_pg_stop() {
  if [ -n "${MARSAD_PG_DIR:-}" ] && [ -d "$MARSAD_PG_DIR/data" ]; then
    "${MARSAD_PG_RUN[@]}" "$MARSAD_PG_BIN/pg_ctl" -D "$MARSAD_PG_DIR/data" -m fast -w stop \
      >/dev/null 2>&1 || true
  fi
  [ -n "${MARSAD_PG_DIR:-}" ] && rm -rf "$MARSAD_PG_DIR"
  return 0
}
