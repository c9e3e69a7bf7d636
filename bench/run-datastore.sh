#!/usr/bin/env bash
# Loads a 10-column table into the PostgreSQL DataStore with binary COPY, then times over HTTP on
# 127.0.0.1: filtered datastore_search (p50/p99), full-text q (p50) and a full CSV dump beside psql's
# \copy of the same rows, with the portal's memory during the dump.
# Usage: bench/run-datastore.sh [rows] [requests]   (defaults: 1000000 rows, 1000 requests)
# Uses the cluster in $CKAN_TEST_POSTGRES when set, else starts a throwaway one on port 55499 and stops it
# at the end. The benchmark's database and roles are dropped when the run ends.
# The full-text index is GIN unless CKAN_BENCH_FTS_INDEX=gist (CKAN's default method) is set.
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${CKAN_TEST_POSTGRES:-}
if [ -z "$admin" ]; then
    cluster=$(mktemp -d)
    chmod 755 "$cluster"
    trap '.ci/postgres.sh stop "$cluster/pg" >/dev/null 2>&1 || true; rm -rf "$cluster"' EXIT
    admin=$(.ci/postgres.sh start "$cluster/pg" 55499)
fi
dotnet build -c Release -v q bench/Ckan.Bench.DataStore >/dev/null
dotnet run -c Release --no-build --project bench/Ckan.Bench.DataStore -- "$admin" "${1:-1000000}" "${2:-1000}"
