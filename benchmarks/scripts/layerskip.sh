#!/usr/bin/env bash
# Reproduces the LayerSkip benchmark of docs/benchmarks.md: trains the same small Llama twice on the JDK's own
# java.base sources, once with the layerskip recipe and once plainly (the two runs side by side, one intra-op thread
# each), then benches decoder.self-speculative against decoder.greedy on both, over the trainer's held-out prompts,
# with decode steps on the Java heap and on PyTorch.
#
#   benchmarks/scripts/layerskip.sh [out-folder]      (default: runs/layerskip; STEPS=2000 by default)
#
# An interrupted run continues where it stopped: trainings resume from their newest checkpoint (every 250 steps),
# finished ones are kept.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
polis="$root/polis"
out=${1:-runs/layerskip}
steps=${STEPS:-2000}
mkdir -p "$out"

cat > "$out/arch.json" <<'JSON'
{"model_type": "llama", "hidden_size": 128, "intermediate_size": 352, "num_hidden_layers": 24,
 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 1024,
 "tie_word_embeddings": true, "rope_theta": 10000, "rms_norm_eps": 1e-5, "dtype": "float32", "seed": 1}
JSON

common=(--arch "$out/arch.json" --corpus jdk-src --corpus-limit 8000000 --steps "$steps" --batch 8 --seq-len 256
  --lr 5e-4 --warmup 150 --log-every 25 --save-every 250 --seed 7)
recipe=(--recipe layerskip --recipe-option fromScratch=true --recipe-option pMax=0.1 --recipe-option curriculum=all
  --recipe-option lossScale=uniform --recipe-option eScale=1.0)

# Build once before two trainings start at the same time.
"$polis" plugins > /dev/null

train() {
  local name=$1
  shift
  if [ -f "$out/$name/final/model.safetensors" ]; then
    echo "$name: already trained ($out/$name/final)"
  elif [ -d "$out/$name/checkpoints" ]; then
    "$polis" model train --out "$out/$name" --resume >> "$out/train-$name.log" 2>&1
  else
    "$polis" model train "${common[@]}" "$@" --out "$out/$name" > "$out/train-$name.log" 2>&1
  fi
}

echo "training $out/ls (layerskip recipe) and $out/plain side by side; follow with: tail -f $out/train-*.log"
cat /proc/loadavg > "$out/load-before-training.txt" 2>/dev/null || true
export POLIS_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
train ls "${recipe[@]}" &
ls_pid=$!
train plain --recipe plain &
plain_pid=$!
wait "$ls_pid"
wait "$plain_pid"
grep -h "exit after each layer" "$out/train-ls.log" "$out/train-plain.log" || true

# Each model twice: decode steps and verification passes on the Java heap (the runtime's default), then every step
# on PyTorch (--host-decode false), whose per-operation cost is what self-speculation used to hide.
export POLIS_JAVA_OPTS="-Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1"
for model in ls plain; do
  for host in true false; do
    name=$model$([ "$host" = true ] || echo -torch)
    cat /proc/loadavg > "$out/load-before-bench-$name.txt" 2>/dev/null || true
    "$polis" layerskip bench --model "$out/$model/final" --prompts-file "$out/ls/heldout-prompts.txt" \
      --prompt-tail 128 --max-tokens 128 --host-decode "$host" | tee "$out/bench-$name.log"
  done
done
