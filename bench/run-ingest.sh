#!/usr/bin/env bash
# Generates a CSV (default 1,000,000 rows) in a new folder under ${TMPDIR:-/tmp}, then times its ingest
# (encoding and separator detection, type inference over every value, conversion) into a counting sink,
# beside `cat > /dev/null` and `wc -l` of the same file. The folder is deleted when the run ends.
# Usage: bench/run-ingest.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -v q bench/Ckan.Bench.Ingest >/dev/null
dotnet run -c Release --no-build --project bench/Ckan.Bench.Ingest -- "${1:-1000000}"
