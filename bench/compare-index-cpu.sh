#!/usr/bin/env bash
# Compares the processor time of indexing on one thread between a base commit and the working tree.
# Both builds index the same generated datasets into a new index several rounds per process (the
# first round, which includes compilation, is left out), and the two run alternately, so load from
# other processes hits both alike.
# Usage: bench/compare-index-cpu.sh BASE [processes] [datasets] [rounds]
#   (defaults: 3 processes per side, 10000 datasets, 3 rounds per process)
# BASE must contain the benchmark's --cpu mode. Its tree is built in a folder under ${TMPDIR:-/tmp},
# deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?Usage: bench/compare-index-cpu.sh BASE [processes] [datasets] [rounds]}
processes=${2:-3}
datasets=${3:-10000}
rounds=${4:-3}
data=$(realpath ../shared/data/real/datasets)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"
for tree in "$work/base" .; do
    dotnet build -c Release -m:1 -v q "$tree/bench/Ckan.Bench.Search" >/dev/null
done

dll=bench/Ckan.Bench.Search/bin/Release/net10.0/Ckan.Bench.Search.dll
# The workstation garbage collector, with one heap, in place of the server collector's heap and
# thread per core, as in a one-threaded program.
export DOTNET_gcServer=0
for process in $(seq "$processes"); do
    for side in base new; do
        tree=$([ "$side" = base ] && echo "$work/base" || echo .)
        dotnet "$tree/$dll" --cpu "$datasets" "$rounds" "$data" | sed "s/^/$side process $process /" \
            | tee -a "$work/results"
    done
done

# Mean processor time of each side over every round but the first of each process.
awk '$5 != "1:" { sum[$1] += $7; count[$1]++ }
     END { for (side in sum) printf "%s: mean processor time %.2f s over %d rounds\n",
           side, sum[side] / count[side], count[side] }' "$work/results"
