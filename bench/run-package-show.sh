#!/usr/bin/env bash
# Measures package_show over HTTP against a bare endpoint serving the same bytes, with wrk on loopback.
# Usage: bench/run-package-show.sh [seconds] [connections]
# Runs twice: a small real dataset (1 resource) and a large one (60 resources).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
data=$(realpath ../shared/data/real/datasets)
dotnet build -c Release -v q bench/Ckan.Bench >/dev/null
for file in "$data/data.sandiegodata.org.jsonl" "$data/data.gov.uk-legacy.jsonl"; do
    dotnet run -c Release --no-build --project bench/Ckan.Bench -- "$file" "${1:-10}" "${2:-64}"
done
