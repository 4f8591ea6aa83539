#!/bin/bash
# The merge step of docs/shard/slurm-array.sh.
#SBATCH --job-name=chokepoint-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=00:10:00
#SBATCH --output=results/slurm-merge-%j.log
set -euo pipefail

chokepoint merge --csv results/part-*.jsonl > results/sweep.csv
chokepoint merge --json results/part-*.jsonl > results/sweep.json
chokepoint merge --html results/sensitivity.html results/part-*.jsonl
