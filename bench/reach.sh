#!/usr/bin/env bash
# Network-wide questions at scale (docs/benchmarks.md#reach), in one process on the generated 1,000-VPC /
# 100,000-interface world (bench/VpcLab.Benchmarks/Worlds/GeneratedTopology.cs):
#  (a) all-pairs reachability among 10,000 interfaces (the first 100 VPCs) over the 20 most common TCP ports, FlowSpace
#      against the per-flow Decide loop (one flow per source address, destination address and port), both from every
#      100th source (PAIR_SOURCES=100 of 10,000) and extrapolated;
#  (b) what the internet reaches, every port, TCP, UDP, ICMP and ICMPv6, at every interface (InternetReach, exact),
#      against the per-flow Decide loop from one internet host, every PORT_STRIDE-th port, extrapolated.
# Prints wall-clock and process CPU seconds for each, measured and extrapolated, and the load average before and
# after (compare CPU seconds and ratios on a loaded machine) to stdout and $OUT.
#
#   bench/reach.sh
#   RUN=internet PORT_STRIDE=1024 bench/reach.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ART=${ART:-/tmp/vpclab-reach}
OUT=${OUT:-/tmp/vpclab-reach.txt}
if [ -z "${NO_BUILD:-}" ]; then
  dotnet build bench/VpcLab.ReachBench -c Release --artifacts-path "$ART" -v q -nologo -m:1 -p:VpcLabSkipWebBuild=true >/dev/null
fi
dotnet "$ART/bin/VpcLab.ReachBench/release/VpcLab.ReachBench.dll" --vpcs "${VPCS:-1000}" --interfaces "${INTERFACES:-10000}" \
  --pair-sources "${PAIR_SOURCES:-100}" --internet-every "${INTERNET_EVERY:-1}" --port-stride "${PORT_STRIDE:-4096}" \
  --run "${RUN:-all}" --per-pair "${PER_PAIR:-yes}" | tee "$OUT"
