#!/usr/bin/env bash
# Generates a catalog shaped like the real datasets, starts the portal on 127.0.0.1 and times the
# server-rendered search page and dataset pages over HTTP, with status_show as the reference.
# Usage: bench/run-render.sh [datasets] [requests]   (defaults: 10000 datasets, 1000 requests per page kind)
# The catalog and index go to a new folder under ${TMPDIR:-/tmp}, deleted when the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(realpath ../shared/data/real/datasets)
dotnet build -c Release -v q bench/Ckan.Bench.Render >/dev/null
dotnet run -c Release --no-build --project bench/Ckan.Bench.Render -- "${1:-10000}" "${2:-1000}" "$data"
