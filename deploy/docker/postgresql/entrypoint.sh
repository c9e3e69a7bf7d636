#!/usr/bin/env bash
# Starts PostgreSQL. On the first start (no cluster in $PGDATA) it creates the cluster, runs the scripts
# in /docker-entrypoint-initdb.d against a server that listens on the socket only, and stops that server.
#
# Connections over the local socket are trusted, because only a process inside this container can make
# them. Network connections need a password (scram-sha-256), and the superuser postgres has none.
set -euo pipefail

log() {
    printf 'postgres-entrypoint: %s\n' "$*" >&2
}

# NAME_FILE (a Docker secret) sets NAME, as in the portal's entrypoint.
read_secret_files() {
    local name file_variable file
    for name in POSTGRES_PASSWORD DATASTORE_READONLY_PASSWORD; do
        file_variable="${name}_FILE"
        file=${!file_variable:-}
        if [ -z "$file" ]; then
            continue
        fi
        if [ -n "${!name:-}" ]; then
            log "Both $name and $file_variable are set. Keep one of them."
            exit 1
        fi
        if [ ! -r "$file" ]; then
            log "$file_variable names $file, which user $(id -un) cannot read. Check the secret's file mode."
            exit 1
        fi
        printf -v "$name" '%s' "$(cat "$file")"
        export "${name?}"
    done
}

create_cluster() {
    log "Creating the cluster in $PGDATA"
    initdb -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    cat >>"$PGDATA/pg_hba.conf" <<'HBA'

# Containers of the stack connect over the network with a password.
host all all 0.0.0.0/0 scram-sha-256
host all all ::/0 scram-sha-256
HBA
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
}

run_init_scripts() {
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w -t 60 start >/dev/null
    local script
    for script in /docker-entrypoint-initdb.d/*; do
        case $script in
        *.sh)
            log "Running $script"
            bash "$script"
            ;;
        *.sql)
            log "Running $script"
            psql -v ON_ERROR_STOP=1 -q -U postgres -d postgres -f "$script"
            ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
}

# A first start that fails half-way leaves no cluster behind, so the next start runs every step again
# instead of serving databases that lack their roles.
discard_cluster() {
    log "First start failed; removing the unfinished cluster from $PGDATA"
    pg_ctl -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
    find "$PGDATA" -mindepth 1 -delete
}

read_secret_files
if [ "${1:-}" = "postgres" ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
    trap discard_cluster EXIT
    create_cluster
    run_init_scripts
    trap - EXIT
fi
if [ "${1:-}" = "postgres" ]; then
    shift
    exec postgres -D "$PGDATA" "$@"
fi
exec "$@"
