#!/usr/bin/env bash
# Generates a catalog shaped like the real datasets, times `search-index rebuild` over it, then times
# package_search (and status_show as a reference) over HTTP on 127.0.0.1.
# Usage: bench/run-search.sh [datasets] [requests]   (defaults: 100000 datasets, 2000 requests)
# The catalog and index go to a new folder under ${TMPDIR:-/tmp}, deleted when the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(realpath ../shared/data/real/datasets)
dotnet build -c Release -v q bench/Ckan.Bench.Search >/dev/null
dotnet run -c Release --no-build --project bench/Ckan.Bench.Search -- "${1:-100000}" "${2:-2000}" "$data"
