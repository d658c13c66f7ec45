#!/usr/bin/env bash
# Before/after figures for issue 21 (bench/VpcLab.ApiScaleBench): the requests whose lookups scanned a whole kind
# (`--scans`, ScanCost), creates and deletes as the world grows (`--writes`, WriteCost: 10, 1,000 and 10,000 VPCs) and
# the index's own share of a CreateVpc / DeleteVpc (`--index-cost`, IndexCost; MODES="writes index-cost").
# Builds BASE (a git revision, exported with `git archive`, with this tree's ScanCost.cs and WriteCost.cs and their
# switches copied in (IndexCost.cs too when the base has it), so both sides run the same requests on the same worlds) and the working tree in Release, then
# runs each mode alternating the two builds, ROUNDS times each, with `uptime` before each run.
#
#   bench/scans.sh 5c8a84b                      # ≈ 15 min on 2 loaded cores; OUT=/tmp/vpclab-scans
#   MODES=writes WRITES_ARGS="--rounds 3" bench/scans.sh fc55a78
#   SCANS_ARGS="--large 1000" bench/scans.sh 5c8a84b
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/scans.sh BASE_REVISION}
OUT=${OUT:-/tmp/vpclab-scans}
ROUNDS=${ROUNDS:-2}
MODES=${MODES:-"scans writes"}
SCANS_ARGS=${SCANS_ARGS:-}
WRITES_ARGS=${WRITES_ARGS:-}
INDEX_ARGS=${INDEX_ARGS:-}
rm -rf "$OUT/base-tree"
mkdir -p "$OUT/base-tree"
git archive "$BASE" | tar -x -C "$OUT/base-tree"
BASE_BENCH=$OUT/base-tree/bench/VpcLab.ApiScaleBench
cp bench/VpcLab.ApiScaleBench/ScanCost.cs bench/VpcLab.ApiScaleBench/WriteCost.cs "$BASE_BENCH/"
# IndexCost reads the index through WorldIndex's builder, which the base must already have.
if [ -f "$BASE_BENCH/IndexCost.cs" ]; then cp bench/VpcLab.ApiScaleBench/IndexCost.cs "$BASE_BENCH/"; fi
for mode in scans:ScanCost writes:WriteCost; do
  grep -q -- "--${mode%%:*}\"" "$BASE_BENCH/Program.cs" ||
    sed -i "s/^if (args.Contains(\"--deletes\"))\$/if (args.Contains(\"--${mode%%:*}\"))\n    return ${mode#*:}.Run(args);\nif (args.Contains(\"--deletes\"))/" "$BASE_BENCH/Program.cs"
done
echo "building $BASE and the working tree (Release)"
dotnet build "$BASE_BENCH" -c Release --artifacts-path "$OUT/base" -v q -nologo >/dev/null
dotnet build bench/VpcLab.ApiScaleBench -c Release --artifacts-path "$OUT/head" -v q -nologo >/dev/null
dll() { echo "$OUT/$1/bin/VpcLab.ApiScaleBench/release/VpcLab.ApiScaleBench.dll"; }
for mode in $MODES; do
  case $mode in writes) args=$WRITES_ARGS ;; index-cost) args=$INDEX_ARGS ;; *) args=$SCANS_ARGS ;; esac
  for round in $(seq "$ROUNDS"); do
    for side in base head; do
      echo "== --$mode, $side, round $round; $(uptime)"
      # shellcheck disable=SC2086
      dotnet "$(dll $side)" --$mode $args | tee "$OUT/$mode-$side-$round.tsv"
      echo "== done; $(uptime)"
    done
  done
done
echo "results in $OUT"
