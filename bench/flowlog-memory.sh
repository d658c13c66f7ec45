#!/usr/bin/env bash
# Peak memory (maximum resident set size) and wall/CPU time of `vpclab traffic -s seed --duration D` as a whole
# process, for each duration given, with the Release build of this tree (AFTER) and, for durations it accepts, a
# baseline build (BEFORE, e.g. the revision before streaming), one after the other in the same run.
#
#   bench/flowlog-memory.sh 1d 7d 30d
#   BEFORE=/tmp/vpclab-before/vpclab bench/flowlog-memory.sh 1d     # git worktree add /tmp/b 8d41845; build it; copy its bin
# Figures and the machine they came from: docs/benchmarks.md#flow-log-scale.
set -euo pipefail
cd "$(dirname "$0")/.."
AFTER=${AFTER:-src/VpcLab.Cli/bin/Release/net10.0/vpclab}
OUT=${OUT:-/tmp/vpclab-flowlog-memory}
if [ -z "${SKIP_BUILD:-}" ]; then
  dotnet build src/VpcLab.Cli -c Release -v q -nologo -m:1 >/dev/null
fi
uptime
run() { # NAME BINARY DURATION
  local name=$1 bin=$2 d=$3
  rm -rf "$OUT"
  /usr/bin/time -f '%M %e %U %S' -o "$OUT.time" "$bin" traffic -s seed --duration "$d" --out "$OUT" --json > "$OUT.json"
  read -r rss wall user sys < "$OUT.time"
  local records bytes
  records=$(grep -m1 '"records"' "$OUT.json" | tr -dc '0-9')
  bytes=$(du -sb "$OUT" | cut -f1)
  printf '%-7s %-5s peak %6.0f MB   wall %7.1f s   cpu %7.1f s   %11s records   %6.0f MB written   %8.0f records/s\n' \
    "$name" "$d" "$(echo "$rss / 1024" | bc -l)" "$wall" "$(echo "$user + $sys" | bc -l)" "$records" \
    "$(echo "$bytes / 1048576" | bc -l)" "$(echo "$records / $wall" | bc -l)"
}
for d in "$@"; do
  if [ -n "${BEFORE:-}" ]; then run before "$BEFORE" "$d" || echo "before  $d  (refused or failed)"; fi
  run after "$AFTER" "$d"
done
rm -rf "$OUT"
