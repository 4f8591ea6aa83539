#!/bin/sh
# One host, all its cores: a sweep split into SHARDS processes with GNU
# parallel, each playing its block of games on one core, then merged into
# exactly what one `chokepoint sweep` of the same arguments prints.
#
#   sh docs/shard/parallel.sh            # 8 shards, or SHARDS=16 sh ...
set -eu
SHARDS=${SHARDS:-8}
OUT=${OUT:-sweep-parts}
mkdir -p "$OUT"

seq 1 "$SHARDS" | parallel --halt now,fail=1 \
  chokepoint sweep --scenario rare-earth-card --games 100 \
    --param model.params.tariff-elasticity=0.5:3:10 \
    --param model.params.trade-drag=0.5:2:10 \
    --workers 1 --shard "{}/$SHARDS" --raw "$OUT/part-{}.jsonl"

chokepoint merge --csv "$OUT"/part-*.jsonl > sweep.csv
chokepoint merge --json "$OUT"/part-*.jsonl > sweep.json
chokepoint merge --html sensitivity.html "$OUT"/part-*.jsonl
