#!/usr/bin/env bash
# Before/after figures for a change, in one script: builds BASE (a git revision, in a temporary worktree) and the
# working tree in Release, then runs, alternating the two builds so drift in the machine's load hits both alike:
#   1. Decide in CPU time per call (`--cpu`: seed world, generated worlds of 1, 100 and 1,000 VPCs),
#   2. BenchmarkDotNet's seed-world Decide and Trace (short job, in process),
#   3. the EC2 API workload against vpclab and moto (bench/VpcLab.EndToEndBench/run.sh).
#
#   bench/compare.sh d542c8c            # everything (≈ 20 min on 2 cores)
#   SKIP_API=1 bench/compare.sh HEAD~3  # engine only
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/compare.sh BASE_REVISION}
OUT=${OUT:-/tmp/vpclab-compare}
mkdir -p "$OUT"
base_tree=$OUT/base-tree
if [ ! -d "$base_tree" ]; then git worktree add -q --detach "$base_tree" "$BASE"; fi
git -C "$base_tree" checkout -q --detach "$BASE"

build() { # TREE ART
  dotnet build "$1/bench/VpcLab.Benchmarks" -c Release --artifacts-path "$2/bench" -v q -nologo >/dev/null
  dotnet build "$1/src/VpcLab.Cli" -c Release --artifacts-path "$2/e2e" -v q -nologo >/dev/null
  dotnet build "$1/bench/VpcLab.EndToEndBench" -c Release --artifacts-path "$2/e2e" -v q -nologo >/dev/null
}
echo "building $BASE and the working tree (Release)"
build "$base_tree" "$OUT/base"
build . "$OUT/head"
bench_dll() { echo "$OUT/$1/bench/bin/VpcLab.Benchmarks/release/VpcLab.Benchmarks.dll"; }

for round in 1 2; do
  for side in base head; do
    echo "== Decide CPU time, $side, round $round"
    dotnet "$(bench_dll $side)" --cpu | tee "$OUT/cpu-$side-$round.txt"
  done
done
for side in base head; do
  echo "== BenchmarkDotNet seed world, $side"
  (cd "$OUT" && dotnet "$(bench_dll $side)" --filter '*SeedWorldBenchmarks*' --job short --inProcess --artifacts "$OUT/bdn-$side") \
    | grep -E '^\| *(Method|Decide|Trace|Compile)' | tee "$OUT/bdn-$side.txt"
done
if [ -z "${SKIP_API:-}" ]; then
  for side in base head; do
    echo "== EC2 API, $side"
    ART=$OUT/$side/e2e NO_BUILD=1 OUT=$OUT/api-$side.jsonl bench/VpcLab.EndToEndBench/run.sh | tee "$OUT/api-$side.txt"
  done
fi
echo "results in $OUT"
