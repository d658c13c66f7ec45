#!/usr/bin/env bash
# Before/after figures for the requests whose lookups scanned a whole kind (issue 21; ScanCost in
# bench/VpcLab.ApiScaleBench): builds BASE (a git revision, exported with `git archive`, with this tree's ScanCost.cs
# and its --scans switch copied in, so both sides run the same requests on the same worlds) and the working tree in
# Release, then runs `--scans` alternating the two builds, ROUNDS times each.
#
#   bench/scans.sh 5c8a84b                      # ≈ 15 min on 2 loaded cores; OUT=/tmp/vpclab-scans
#   SCANS_ARGS="--large 1000" bench/scans.sh 5c8a84b
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/scans.sh BASE_REVISION}
OUT=${OUT:-/tmp/vpclab-scans}
ROUNDS=${ROUNDS:-2}
SCANS_ARGS=${SCANS_ARGS:-}
mkdir -p "$OUT/base-tree"
git archive "$BASE" | tar -x -C "$OUT/base-tree"
cp bench/VpcLab.ApiScaleBench/ScanCost.cs "$OUT/base-tree/bench/VpcLab.ApiScaleBench/"
grep -q -- '--scans' "$OUT/base-tree/bench/VpcLab.ApiScaleBench/Program.cs" ||
  sed -i 's/^if (args.Contains("--deletes"))$/if (args.Contains("--scans"))\n    return ScanCost.Run(args);\nif (args.Contains("--deletes"))/' \
    "$OUT/base-tree/bench/VpcLab.ApiScaleBench/Program.cs"
echo "building $BASE and the working tree (Release)"
dotnet build "$OUT/base-tree/bench/VpcLab.ApiScaleBench" -c Release --artifacts-path "$OUT/base" -v q -nologo >/dev/null
dotnet build bench/VpcLab.ApiScaleBench -c Release --artifacts-path "$OUT/head" -v q -nologo >/dev/null
dll() { echo "$OUT/$1/bin/VpcLab.ApiScaleBench/release/VpcLab.ApiScaleBench.dll"; }
for round in $(seq "$ROUNDS"); do
  for side in base head; do
    echo "== --scans, $side, round $round; $(uptime)"
    # shellcheck disable=SC2086
    dotnet "$(dll $side)" --scans $SCANS_ARGS | tee "$OUT/scans-$side-$round.tsv"
  done
done
echo "results in $OUT"
