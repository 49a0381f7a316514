#!/usr/bin/env bash
# Reproduces the LazyLLM figures of docs/benchmarks.md: writes the synthetic retrieval corpus (polis lazyllm corpus),
# trains a small Llama on it (polis model train, plain recipe), then measures pruning schedules against the dense
# model (polis lazyllm bench): schedules 1:0.2 and 2:0.1 at 2K, 4K and 8K tokens, greedy, and at 2K also with
# decoder.self-speculative on top; then two calibration sweeps of other schedules at 2K.
#
#   benchmarks/scripts/lazyllm.sh [out-folder]      (default: runs/lazyllm; STEPS=700 by default)
#
# An interrupted training resumes from its newest checkpoint (every 100 steps).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
polis="$root/polis"
out=${1:-runs/lazyllm}
steps=${STEPS:-700}
mkdir -p "$out"

cat > "$out/arch.json" <<'JSON'
{"model_type": "llama", "hidden_size": 64, "intermediate_size": 176, "num_hidden_layers": 8,
 "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 16384,
 "tie_word_embeddings": true, "rope_theta": 500000, "rms_norm_eps": 1e-5, "dtype": "float32", "seed": 1}
JSON

export POLIS_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"
[ -d "$out/corpus" ] || "$polis" lazyllm corpus --out "$out/corpus" --documents 4000 --length 700 --seed 1
if [ -f "$out/model/final/model.safetensors" ]; then
  echo "already trained ($out/model/final)"
elif [ -d "$out/model/checkpoints" ]; then
  nice -n 10 "$polis" model train --out "$out/model" --resume >> "$out/train.log" 2>&1
else
  cat /proc/loadavg > "$out/load-before-training.txt"
  nice -n 10 "$polis" model train --arch "$out/arch.json" --corpus "$out/corpus" --steps "$steps" --batch 8 \
    --seq-len 320 --lr 2e-3 --warmup 50 --log-every 10 --save-every 100 --seed 7 --out "$out/model" > "$out/train.log" 2>&1
fi

# The runs of docs/benchmarks.md (a machine shared by five workers: an 8K dense prefill took 9 minutes there).
bench() {
  local name=$1
  shift
  echo "load before: $(cat /proc/loadavg)" > "$out/$name.log"
  nice -n 10 "$polis" lazyllm bench --model "$out/model/final" --tokens 6 --events "$out/$name.jsonl" "$@" \
    | tee -a "$out/$name.log"
  echo "load after: $(cat /proc/loadavg)" >> "$out/$name.log"
}
bench probe-2k-8k --prompt 2048 --prompt 8192 --prompts 1 --schedule 1:0.2 --schedule 2:0.1
bench bench-2k --prompt 2048 --prompts 4 --seed 2 --schedule 1:0.2 --schedule 2:0.1 \
  --decoder decoder.self-speculative --decoder-option exitLayer=4 --decoder-option draftTokens=3
bench bench-4k --prompt 4096 --prompts 2 --seed 3 --schedule 1:0.2 --schedule 2:0.1
bench sweep-2k --prompt 2048 --prompts 4 --seed 4 --schedule 3:0.5 --schedule 4:0.3 --schedule 5:0.2 \
  --schedule 6:0.1 --schedule 2:0.5,5:0.2
bench sweep2-2k --prompt 2048 --prompts 6 --seed 5 --schedule 1:0.5,3:0.2 --schedule 2:0.3 --schedule 2:0.3,4:0.1
