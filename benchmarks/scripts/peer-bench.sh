#!/usr/bin/env bash
# Runs Polis and Jlama side by side on one Hugging Face checkpoint: time to first token per prompt length, greedy
# decode speed, and both against the read-bandwidth bound polis bench measures (the same weights are read per token by
# both). The engines alternate, each in its own process, for several rounds, so load from elsewhere falls on both.
#
#   benchmarks/scripts/peer-bench.sh <model-folder> [rounds (2)] [threads (2)]
#
# PROMPTS (default "512 2048 8192"), DECODE (128), RUNS (5), WARMUP (2) and ENGINES (default "polis polis-torch
# jlama") are read from the environment. Jlama is 0.8.4 from Maven Central (benchmarks/jlama-peer), float32, its
# Panama vector operations; Polis is ./polis bench (row "polis": decode steps on the Java heap, the default; row
# "polis-torch": the same with --host-decode false, every operation on PyTorch). Both JVMs get transparent huge pages
# where the kernel grants them on request (the polis launcher asks for them).
set -euo pipefail

if [ $# -lt 1 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
model=$1
rounds=${2:-2}
threads=${3:-2}
prompts=${PROMPTS:-512 2048 8192}
decode=${DECODE:-128}
runs=${RUNS:-5}
warmup=${WARMUP:-2}
engines=${ENGINES:-polis polis-torch jlama}
if [ ! -f "$model/config.json" ]; then
  echo "peer-bench: $model has no config.json; give a Hugging Face checkpoint folder (polis model init makes one)" >&2
  exit 2
fi

. "$root/.mvn/find-jdk.sh"
"$root/polis" plugins > /dev/null
(cd "$root" && ./mvnw -o -q -B install -f benchmarks/jlama-peer/pom.xml -Dmaven.test.skip=true \
  && ./mvnw -o -q -B dependency:build-classpath -f benchmarks/jlama-peer/pom.xml -Dmdep.outputFile=target/peer.cp)
peer_cp="$root/benchmarks/jlama-peer/target/polis-jlama-peer-0.1.0.jar:$(cat "$root/benchmarks/jlama-peer/target/peer.cp")"

prompt_args=()
for p in $prompts; do prompt_args+=(--prompt "$p"); done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Jlama gets the JVM flags the polis launcher gives itself: transparent huge pages where the kernel grants them.
thp=""
if grep -q -E '\[(madvise|always)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  thp="-XX:+UseTransparentHugePages"
fi
for round in $(seq 1 "$rounds"); do
  echo "# round $round: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  for engine in $engines; do
    case $engine in
      polis|polis-torch)
        host=true
        [ "$engine" = polis-torch ] && host=false
        POLIS_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1" \
          "$root/polis" bench --model "$model" "${prompt_args[@]}" --decode "$decode" --runs "$runs" \
          --warmup "$warmup" --host-decode "$host" > "$out/$engine-$round.txt" ;;
      jlama)
        "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED $thp \
          -cp "$peer_cp" dev.polis.benchmarks.jlama.JlamaBench --model "$model" "${prompt_args[@]}" \
          --decode "$decode" --runs "$runs" --warmup "$warmup" --threads "$threads" 2> "$out/jlama-$round.err" \
          > "$out/jlama-$round.txt" ;;
      *)
        echo "peer-bench: unknown engine $engine in ENGINES (polis, polis-torch, jlama)" >&2
        exit 2 ;;
    esac
  done
  echo "# round $round done: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

first=$(ls "$out"/polis-1.txt "$out"/polis-torch-1.txt 2>/dev/null | head -1 || true)
bound_ms=$( [ -n "$first" ] && grep -o 'bound [0-9.]* ms/token' "$first" | head -1 | grep -o '[0-9.]*' || true)
[ -n "$first" ] && grep '^read bandwidth' "$first"
header="| engine | round |"
rule="|---|---|"
for p in $prompts; do header="$header TTFT $p (ms) |"; rule="$rule---|"; done
echo "$header decode ms/token | decode tokens/s | fraction of the read bound |"
echo "$rule---|---|---|"
for round in $(seq 1 "$rounds"); do
  for engine in $engines; do
    file="$out/$engine-$round.txt"
    row="| $engine | $round |"
    for p in $prompts; do
      row="$row $(grep -E "^prompt +$p tokens" "$file" | grep -o 'median [0-9.]*' | grep -o '[0-9.]*') |"
    done
    ms=$(grep '^decode:' "$file" | grep -o 'median [0-9.]* ms' | grep -o '[0-9.]*')
    tps=$(grep '^decode:' "$file" | grep -o '= [0-9.]* tokens' | grep -o '[0-9.]*')
    echo "$row $ms | $tps | $(awk -v b="$bound_ms" -v m="$ms" 'BEGIN { printf "%.0f %%", 100 * b / m }') |"
  done
done
