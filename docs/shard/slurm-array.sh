#!/bin/bash
# A sweep across a Slurm cluster: one array task per shard, then a merge
# job that runs once every task has succeeded.
#
#   jobid=$(sbatch --parsable docs/shard/slurm-array.sh)
#   sbatch --dependency=afterok:$jobid docs/shard/slurm-merge.sh
#
# The results directory must be on a file system every node sees.
#SBATCH --job-name=chokepoint-sweep
#SBATCH --array=1-16
#SBATCH --cpus-per-task=1
#SBATCH --mem=256M
#SBATCH --time=01:00:00
#SBATCH --output=results/slurm-%A_%a.log
set -euo pipefail
mkdir -p results

chokepoint sweep --scenario rare-earth-card --games 100 \
  --param model.params.tariff-elasticity=0.5:3:10 \
  --param model.params.trade-drag=0.5:2:10 \
  --workers "$SLURM_CPUS_PER_TASK" \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" \
  --raw "results/part-$SLURM_ARRAY_TASK_ID.jsonl"
