#!/usr/bin/env bash
# Wall time of a 1,005-run reference-policy GovSim sweep (5 societies x 3 scenarios x 67 seeds, 12 months, every
# record and the report written) as one process, and as 1, 2 and 4 shards run as processes at once and then
# merged (issue 19). Prints one line per configuration with the load average before it, and checks that every
# merged summary.csv equals the single process's.
# Usage: benchmarks/scripts/govsim-shards.sh [work folder]   (POLIS: the launcher, default ./polis;
# JOBS: -j of every process, default 2; SEEDS: default 1-67)
set -euo pipefail
polis=${POLIS:-./polis}
jobs=${JOBS:-2}
seeds=${SEEDS:-1-67}
work=${1:-$(mktemp -d)}
mkdir -p "$work"
plan=(govsim --seeds "$seeds" -j "$jobs")

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

before=$(load); start=$(now)
"$polis" "${plan[@]}" -o "$work/single" >"$work/single.log" 2>&1
echo "single process: $(printf %.1f "$(echo "$(now) - $start" | bc)") s wall (load before: $before)"

for n in 1 2 4; do
  out="$work/shards-$n"
  before=$(load); start=$(now)
  pids=()
  for ((i = 0; i < n; i++)); do
    "$polis" "${plan[@]}" --shard "$i/$n" -o "$out" >"$work/shard-$n-$i.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  played=$(now)
  "$polis" govsim merge "$out" >"$work/merge-$n.log" 2>&1
  merged=$(now)
  cmp -s "$out/summary.csv" "$work/single/summary.csv" || { echo "shards=$n: merged summary.csv differs"; exit 1; }
  echo "$n shard(s) at once: $(printf %.1f "$(echo "$played - $start" | bc)") s wall, merge $(printf %.1f "$(echo "$merged - $played" | bc)") s" \
       "(load before: $before)"
done
echo "load after: $(load)"
