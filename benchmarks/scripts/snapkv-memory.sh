#!/usr/bin/env bash
# Shows what SnapKV's smaller cache buys in memory: per prompt length, the peak memory of a greedy generation with the
# full cache and with SnapKV, each alone in its own process and cgroup; then, under each memory limit (a cgroup),
# the largest prompt each side completes and the first one the kernel kills.
#
#   benchmarks/scripts/snapkv-memory.sh <model-folder> <limits-MiB> <prompt-length>...
#
# <limits-MiB>: comma-separated cgroup limits, or 0 for the peaks only. Example (the SmolLM2-135M shape of
# docs/benchmarks.md with max_position_embeddings 32768):
#   nice -n 15 benchmarks/scripts/snapkv-memory.sh models/smollm2-135m-32k 1400,1800 1024 2048 4096 8192 16384
#
# Why a cgroup: on the 24 GiB machine the full cache (46 KB a token at this shape) would need prompts of some 200K
# tokens, days of prefill here, before memory ran out; a limit makes the same contest happen at lengths that run in
# minutes. What a limit acts on is the memory charged to the group (anonymous memory and the page cache the group
# reads in), not VmHWM, which also counts the checkpoint's mapped file pages that the page cache already held.
# Each run prints its figures from `polis snapkv bench` (KV bytes after the prompt, resident memory given back when
# the session closes, VmHWM and what it is made of) and the group's charged peak. Under a limit, a side stops at its
# first length that does not complete (longer ones are not tried). The two sides run at the same time, each in its own
# group (SERIAL=1: one after the other). Needs root and the cgroup v1 memory controller (/sys/fs/cgroup/memory) or
# cgroup v2 with memory.peak; without them only VmHWM is measured and no limit is tried.
# Environment: POLIS (the command, default ./polis of this checkout), CAPACITY (1024), WINDOW (32), KERNEL (7),
# DECODE (8 tokens), PEAKS (1; 0 skips the runs without a limit), POLIS_JAVA_OPTS (default -Xms16m -Xmx1g
# -XX:+UseSerialGC: the JVM picks its collector and its initial heap, 1/64 of the memory it sees, from the cgroup's
# limit unless told, and a 376 MiB initial heap on 24 GiB raised the charged peaks by about 290 MiB against 16 MiB
# under a 1 GiB limit, more than the cache at these lengths). Each run uses one intra-op thread, PyTorch for decode
# steps (--host-decode false: no heap copies of the weights or the cache) and glibc's per-block mappings
# (MALLOC_MMAP_THRESHOLD_), so that memory freed is returned.
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,27p' "$0" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
polis=${POLIS:-$root/polis}
model=$1
IFS=, read -r -a limits <<< "$2"
shift 2
lengths=("$@")
capacity=${CAPACITY:-1024}
window=${WINDOW:-32}
kernel=${KERNEL:-7}
decode=${DECODE:-8}
export MALLOC_MMAP_THRESHOLD_=131072
export POLIS_JAVA_OPTS="${POLIS_JAVA_OPTS:--Xms16m -Xmx1g -XX:+UseSerialGC} -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
"$polis" plugins > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Makes a cgroup limited to $1 MiB (0: no limit) named after $2 and prints its folder, or nothing where none can be
# made.
make_group() {
  local bytes=$(( $1 * 1048576 )) dir
  if [ -w /sys/fs/cgroup/memory ]; then
    dir=/sys/fs/cgroup/memory/polis-snapkv-$2-$$
    mkdir -p "$dir" && echo 0 > "$dir/memory.swappiness" \
      && { [ "$bytes" -eq 0 ] || echo "$bytes" > "$dir/memory.limit_in_bytes"; } && echo "$dir"
  elif [ -w /sys/fs/cgroup/cgroup.subtree_control ] && grep -qw memory /sys/fs/cgroup/cgroup.controllers; then
    dir=/sys/fs/cgroup/polis-snapkv-$2-$$
    mkdir -p "$dir" && echo 0 > "$dir/memory.swap.max" \
      && { [ "$bytes" -eq 0 ] || echo "$bytes" > "$dir/memory.max"; } && echo "$dir"
  fi
}

# Prints the group's charged peak in MiB and its OOM kills, then resets the peak (v1) for the next run.
group_figures() {
  local group=$1 peak kills
  if [ -r "$group/memory.max_usage_in_bytes" ]; then
    peak=$(cat "$group/memory.max_usage_in_bytes")
    kills=$(awk '/^oom_kill /{print $2}' "$group/memory.oom_control")
    echo 0 > "$group/memory.max_usage_in_bytes" 2>/dev/null || true
  else
    peak=$(cat "$group/memory.peak" 2>/dev/null || echo 0)
    kills=$(awk '/^oom_kill /{print $2}' "$group/memory.events" 2>/dev/null)
  fi
  printf 'charged peak %d MiB, oom kills so far %s' $(( peak / 1048576 )) "${kills:-?}"
}

# Runs one side alone for one prompt length in a cgroup ("" for none); prints one line and returns the exit status.
run_side() {
  local side=$1 length=$2 group=$3 flag log status start
  flag=$([ "$side" = full ] && echo --full-only || echo --snapkv-only)
  log="$out/$side-$length.log"
  start=$(date +%s)
  set +e
  (if [ -n "$group" ]; then echo $BASHPID > "$group/cgroup.procs"; fi
   exec "$polis" snapkv bench --model "$model" --prompt "$length" --decode "$decode" --capacity "$capacity" \
     --window "$window" --kernel "$kernel" --host-decode false "$flag") > "$log" 2>&1
  status=$?
  set -e
  local figures="" took=$(( $(date +%s) - start ))
  [ -z "$group" ] || figures="; $(group_figures "$group")"
  if [ $status -eq 0 ]; then
    printf '%-6s %6d: completed in %d s; %s; %s%s\n' "$side" "$length" "$took" \
      "$(grep -o 'KV [0-9,]* B after the prompt.*given back on close' "$log")" \
      "$(grep -o 'peak resident memory.*' "$log")" "$figures"
  else
    printf '%-6s %6d: ended with status %d after %d s (%s)%s\n' "$side" "$length" "$status" "$took" \
      "$([ $status -eq 137 ] && echo 'killed' || tail -n 1 "$log")" "$figures"
  fi
  return $status
}

# Runs one side over the lengths in its own group limited to $2 MiB (0: none), printing a line per run as it ends;
# under a limit it stops at the first length that does not complete. Writes the largest completed to $out.
run_lengths() {
  local side=$1 limit=$2 group largest=none
  group=$(make_group "$limit" "$side-$limit" || true)
  for length in "${lengths[@]}"; do
    if run_side "$side" "$length" "$group"; then
      largest=$length
    elif [ "$limit" -gt 0 ]; then
      break
    fi
  done
  echo "$largest" > "$out/$side-$limit.largest"
  [ -z "$group" ] || rmdir "$group" 2>/dev/null || true
}

# Runs both sides at one limit (at the same time unless SERIAL=1), then prints the summary.
run_both() {
  local limit=$1 name
  name=$([ "$limit" -eq 0 ] && echo 'no limit' || echo "limit $limit MiB")
  echo "# $name; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%H:%M) UTC"
  if [ "${SERIAL:-0}" = 1 ]; then
    run_lengths full "$limit"
    run_lengths snapkv "$limit"
  else
    run_lengths full "$limit" &
    local full_pid=$!
    run_lengths snapkv "$limit"
    wait $full_pid
  fi
  echo "# $name: largest prompt completed (of ${lengths[*]}): full cache $(cat "$out/full-$limit.largest"), SnapKV" \
    "$(cat "$out/snapkv-$limit.largest"); load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%H:%M) UTC"
}

if [ -z "$(make_group 0 probe || true)" ]; then
  echo "# no writable cgroup memory controller here (root and /sys/fs/cgroup are needed): VmHWM only, no limit"
  limits=(0)
else
  rmdir /sys/fs/cgroup/memory/polis-snapkv-probe-$$ /sys/fs/cgroup/polis-snapkv-probe-$$ 2>/dev/null || true
fi
[ "${PEAKS:-1}" = 0 ] || run_both 0
for limit in "${limits[@]}"; do
  [ "$limit" -eq 0 ] || run_both "$limit"
done
