#!/usr/bin/env bash
# Trains, here, a small model meant to retrieve a fact placed in a context, for the quality figures of LazyLLM and
# SnapKV (docs/benchmarks.md, LazyLLM, "Training a model that retrieves"). NOT REACHED YET: after the stages below
# (about 11 M tokens) the model draws answers from the symbols in its context but does not look the key up; the
# next attempt continues from here with more steps. A 4-layer Llama (hidden 128, 4 heads of 32, RoPE
# theta 10,000, weights drawn with std 0.08 ~ 1/sqrt(hidden) rather than 0.02) trained with polis model train on
# quiz documents of polis lazyllm corpus: a context shaped like a bench prompt (facts spread in filler) followed by
# the question and value of every fact, values of four characters from 32 that nothing else in the text uses, so
# that copying the value after the question's key is the only way to predict it. Stages grow the context and the
# number of facts, each continuing from the last (--init); a probe (polis lazyllm bench, dense) follows each stage.
#
#   benchmarks/scripts/retrieval-model.sh [out-folder]      (default: runs/retrieval; git ignores runs/)
#
# POLIS (default: ./polis of this checkout) names the launcher; training runs at nice 19 on one PyTorch thread.
# Each stage's log is <out>/<stage>.log, each probe's <out>/<stage>-probe.log with the load before and after.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
polis=${POLIS:-"$root/polis"}
out=${1:-runs/retrieval}
mkdir -p "$out"
export POLIS_JAVA_OPTS="-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1"

cat > "$out/arch.json" <<'JSON'
{"model_type": "llama", "hidden_size": 128, "intermediate_size": 256, "num_hidden_layers": 4,
 "num_attention_heads": 4, "num_key_value_heads": 4, "max_position_embeddings": 16384,
 "tie_word_embeddings": true, "rope_theta": 10000, "rms_norm_eps": 1e-5, "dtype": "float32", "seed": 1,
 "init_std": 0.08}
JSON

corpus() {   # name, then polis lazyllm corpus options
  local name=$1
  shift
  [ -d "$out/$name" ] || "$polis" lazyllm corpus --out "$out/$name" --shape quiz --values symbols "$@"
}
train() {   # stage folder, step to stop at (or "final": the whole schedule), then polis model train options
  local stage=$1 stop=$2 done="$1/final" until=()
  shift 2
  if [ "$stop" != final ]; then
    done="$stage/checkpoints/step-$(printf %07d "$stop")"
    until=(--stop-at "$stop")
  fi
  if [ ! -f "$out/$done/model.safetensors" ]; then
    echo "load before $stage: $(cat /proc/loadavg)" >> "$out/train-load.txt"
    nice -n 19 "$polis" model train --out "$out/$stage" "${until[@]}" --log-every 20 --save-every 100 "$@" \
      > "$out/$stage.log" 2>&1
    echo "load after $stage: $(cat /proc/loadavg)" >> "$out/train-load.txt"
  fi
}
probe() {   # checkpoint, log name, then (prompt length, distractors) pairs
  local model=$1 name=$2
  shift 2
  { echo "load before: $(cat /proc/loadavg)"
    while [ $# -gt 1 ]; do
      nice -n 19 "$polis" lazyllm bench --model "$model" --values symbols --prompt "$1" --prompts 12 \
        --distractors "$2" --tokens 5 --schedule 1:1 --min-prompt 100000 --seed 11 --events "$out/$name-$1-$2.jsonl"
      shift 2
    done
    echo "load after: $(cat /proc/loadavg)"; } > "$out/$name.log" 2>&1
  grep -h "retrieval" "$out/$name.log" || true
}

# Stage 1: contexts of 20-40 bytes with 1-4 facts, so most of the text is facts and answers; 1,200 steps of a
# 2,000-step cosine schedule at lr 2e-3. The loss plateau (about 1.75: values predicted without copying) breaks near
# step 500 into a bag of symbols: the question's key and the value's characters are drawn from those in the context.
corpus q2 --documents 40000 --length 40 --facts 4 --seed 2
train stage-1 1200 --arch "$out/arch.json" --corpus "$out/q2" --steps 2000 --batch 32 --seq-len 128 --lr 2e-3 \
  --warmup 50 --seed 3
# Stage 2: the same plus contexts of 100-200 bytes with 1-8 facts (a bag of symbols no longer helps: the context
# holds most of the 32), windows of 256, a new schedule from lr 2e-3. Its probe: 1/12 at 64 tokens without
# distractors, 0/12 with 2 at 64 and with 4 at 128 (it writes the first character of a fact, not of the needle).
corpus q3 --documents 20000 --length 200 --facts 8 --seed 3
train stage-2 final --init "$out/stage-1/checkpoints/step-0001200" --corpus "$out/q2,$out/q3" --steps 1500 \
  --batch 16 --seq-len 256 --lr 2e-3 --warmup 20 --seed 4
probe "$out/stage-2/final" stage-2-probe 64 0 64 2 128 4
