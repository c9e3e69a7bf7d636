#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL cluster for the tests: its own data folder, a private port on
# loopback and a private socket folder, trust authentication for the superuser "postgres".
#
#   .ci/postgres.sh start DIR [PORT]   prints the admin URL the tests read from CKAN_TEST_POSTGRES
#   .ci/postgres.sh stop DIR
#
# Installs Debian's postgresql package when the server binaries are missing, and PostGIS
# (postgresql-VERSION-postgis-3) when the extension is missing.
set -euo pipefail

command=${1:?usage: postgres.sh start|stop DIR [PORT]}
dir=${2:?usage: postgres.sh start|stop DIR [PORT]}
port=${3:-55432}

find_bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# initdb and the server refuse to run as root, so a root caller runs them as the postgres user.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        # From /, since the caller's folder may be closed to the postgres user.
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

case "$command" in
start)
    bindir=$(find_bindir)
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "Installing PostgreSQL from Debian's packages..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 ||
            { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
        bindir=$(find_bindir)
    fi
    # The spatial plugin's PostGIS backend runs CREATE EXTENSION postgis in its test databases.
    version=$(basename "$(dirname "$bindir")")
    if [ ! -f "/usr/share/postgresql/$version/extension/postgis.control" ]; then
        echo "Installing PostGIS for PostgreSQL $version from Debian's packages..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "postgresql-$version-postgis-3" >&2 ||
            { apt-get update -q >&2 &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -q "postgresql-$version-postgis-3" >&2; }
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir"
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
        start >&2
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    bindir=$(find_bindir)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2
    fi
    ;;
*)
    echo "usage: postgres.sh start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
