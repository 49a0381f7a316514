#!/usr/bin/env bash
# Shows what SnapKV's smaller cache buys in memory: the peak resident memory of a greedy generation with the full
# cache and with SnapKV, each alone in its own process, per prompt length; then, under a memory limit (a cgroup), which
# prompt each side still completes and which one the kernel kills.
#
#   benchmarks/scripts/snapkv-memory.sh <model-folder> <limit-MiB> <prompt-length>...
#
# Example (the SmolLM2-135M shape of docs/benchmarks.md, max_position_embeddings raised to 32768):
#   benchmarks/scripts/snapkv-memory.sh models/smollm2-135m-32k 1400 2048 4096 8192
#
# The limit needs root and a cgroup memory controller (v1 at /sys/fs/cgroup/memory or v2 at /sys/fs/cgroup); without
# them only the peaks are measured, and the script says so. With cgroup v1 each run also prints the memory charged to
# its group at the peak: that, not VmHWM (which counts the checkpoint's mapped file pages too), is what a limit acts on.
# SnapKV settings: CAPACITY (1024), WINDOW (32), KERNEL (7); DECODE tokens per generation (8). Each run uses one
# intra-op thread and glibc's per-block mappings, so that memory freed is returned.
set -euo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,17p' "$0" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
polis="$root/polis"
model=$1
limit_mib=$2
shift 2
capacity=${CAPACITY:-1024}
window=${WINDOW:-32}
kernel=${KERNEL:-7}
decode=${DECODE:-8}
export MALLOC_MMAP_THRESHOLD_=131072
export POLIS_JAVA_OPTS="${POLIS_JAVA_OPTS:--Xmx1g} -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
"$polis" plugins > /dev/null

# Runs one side alone for one prompt length; prints its peak or how it ended. $1: full|snapkv, $2: length, $3: cgroup
# folder to run in ("" for none).
run_side() {
  local side=$1 length=$2 group=$3 flag log status
  flag=$([ "$side" = full ] && echo --full-only || echo --snapkv-only)
  log=$(mktemp)
  set +e
  if [ -n "$group" ]; then
    (echo $BASHPID > "$group/cgroup.procs" && exec "$polis" snapkv bench --model "$model" --prompt "$length" \
      --decode "$decode" --capacity "$capacity" --window "$window" --kernel "$kernel" "$flag") > "$log" 2>&1
  else
    "$polis" snapkv bench --model "$model" --prompt "$length" --decode "$decode" --capacity "$capacity" \
      --window "$window" --kernel "$kernel" "$flag" > "$log" 2>&1
  fi
  status=$?
  set -e
  local charged=""
  if [ -n "$group" ] && [ -r "$group/memory.max_usage_in_bytes" ]; then
    # what the limit acts on: the memory charged to the group (anonymous memory; not the checkpoint's file pages,
    # which VmHWM counts while they stay mapped), then reset for the next run
    charged="; cgroup peak $(( $(cat "$group/memory.max_usage_in_bytes") / 1048576 )) MiB"
    echo 0 > "$group/memory.max_usage_in_bytes" 2>/dev/null || true
  fi
  if [ $status -eq 0 ]; then
    printf '%-6s %6d tokens: completed; %s%s\n' "$side" "$length" "$(grep -o 'peak resident memory.*' "$log")" \
      "$charged"
  else
    printf '%-6s %6d tokens: ended with status %d (%s)%s\n' "$side" "$length" "$status" \
      "$([ $status -eq 137 ] && echo 'killed: out of memory' || tail -n 1 "$log")" "$charged"
  fi
  rm -f "$log"
}

# Makes a cgroup limited to $1 MiB (0: no limit, only its peak is read) named after $2 and prints its folder, or
# nothing when none can be made here.
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

free=$(make_group 0 peaks || true)
trap 'rmdir "$free" 2>/dev/null || true' EXIT
echo "# peaks, each side alone, no limit (load $(cut -d' ' -f1-3 /proc/loadavg))"
for length in "$@"; do
  run_side full "$length" "$free"
  run_side snapkv "$length" "$free"
done

group=$(make_group "$limit_mib" limit || true)
if [ -z "$group" ]; then
  echo "# no writable cgroup memory controller here (root and /sys/fs/cgroup are needed): the limit was not tried"
  exit 0
fi
trap 'rmdir "$group" "$free" 2>/dev/null || true' EXIT
echo "# under a limit of $limit_mib MiB (cgroup $group; load $(cut -d' ' -f1-3 /proc/loadavg))"
for length in "$@"; do
  run_side full "$length" "$group"
  run_side snapkv "$length" "$group"
done
