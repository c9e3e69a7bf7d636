#!/usr/bin/env bash
# Starts and stops a throwaway Redis server for the tests: loopback only, a private port, no persistence.
#
#   .ci/redis.sh start DIR [PORT]   prints the URL the tests read from CKAN_TEST_REDIS
#   .ci/redis.sh stop DIR
#
# Installs Debian's redis-server package when it is missing.
set -euo pipefail

command=${1:?usage: redis.sh start|stop DIR [PORT]}
dir=${2:?usage: redis.sh start|stop DIR [PORT]}
port=${3:-56379}

case "$command" in
start)
    if ! command -v redis-server >/dev/null; then
        echo "Installing Redis from Debian's packages..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >&2 ||
            { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server >&2; }
    fi
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2
    for _ in $(seq 1 50); do
        if redis-cli -p "$port" ping >/dev/null 2>&1; then
            echo "redis://127.0.0.1:$port/0"
            exit 0
        fi
        sleep 0.1
    done
    echo "Redis did not start; see $dir/redis.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/redis.pid" ]; then
        kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    fi
    ;;
*)
    echo "usage: redis.sh start|stop DIR [PORT]" >&2
    exit 2
    ;;
esac
