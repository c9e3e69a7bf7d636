#!/usr/bin/env bash
# Times the whole DataPusher load of a generated 10-column CSV (detection, type inference, typed table,
# binary COPY, swap, datastore_active) into the PostgreSQL DataStore beside psql's
# `\copy t FROM FILE CSV HEADER` into a ready table of text columns, then the same load into the SQLite
# DataStore, with the peak resident size (VmHWM) of each loading process. Prints a Markdown table.
# Usage: bench/run-ingest-datastore.sh [rows...]   (default: 1000000 5000000)
# Uses the cluster in $CKAN_TEST_POSTGRES when set, else starts a throwaway one on port 55498 and stops it
# at the end. The benchmark's databases, roles and files are deleted when the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
admin=${CKAN_TEST_POSTGRES:-}
if [ -z "$admin" ]; then
    cluster=$(mktemp -d)
    chmod 755 "$cluster"
    trap '.ci/postgres.sh stop "$cluster/pg" >/dev/null 2>&1 || true; rm -rf "$cluster"' EXIT
    admin=$(.ci/postgres.sh start "$cluster/pg" 55498)
fi
dotnet build -c Release -v q -m:1 bench/Ckan.Bench.IngestDataStore >/dev/null
dotnet run -c Release --no-build --project bench/Ckan.Bench.IngestDataStore -- "$admin" "$@"
