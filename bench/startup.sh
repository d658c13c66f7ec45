#!/usr/bin/env bash
# Start-up of `vpclab --help` three ways, each as a whole process, N runs after one warm-up, median and range in ms:
#   1. dotnet run --project src/VpcLab.Cli -- --help   (what the README's set-up command costs per command)
#   2. the Release build:  src/VpcLab.Cli/bin/Release/net10.0/vpclab --help
#   3. the self-contained single-file binary from dotnet publish (-r linux-x64 --self-contained -p:PublishSingleFile=true)
#
#   bench/startup.sh            # N=10
#   N=20 bench/startup.sh
# Figures and the machine they came from: docs/benchmarks.md#cli-start-up.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10}
OUT=${OUT:-/tmp/vpclab-startup}
if [ -z "${SKIP_BUILD:-}" ]; then # SKIP_BUILD=1: the builds are there already
  echo "building Release and publishing the single file into $OUT"
  dotnet build src/VpcLab.Cli -c Release -v q -nologo >/dev/null
  dotnet publish src/VpcLab.Cli -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o "$OUT/single-file" -v q -nologo >/dev/null
fi
uptime

measure() { # NAME COMMAND...
  local name=$1; shift
  "$@" >/dev/null 2>&1 # warm-up
  local times=()
  for _ in $(seq "$N"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  IFS=$'\n' read -r -d '' -a sorted < <(printf '%s\n' "${times[@]}" | sort -n && printf '\0')
  printf '%-34s median %6d ms   min %6d   max %6d   (%d runs)\n' "$name" "${sorted[$((N / 2))]}" "${sorted[0]}" "${sorted[$((N - 1))]}" "$N"
}

measure "dotnet run --project src/VpcLab.Cli" dotnet run --project src/VpcLab.Cli -- --help
measure "Release build (apphost)" src/VpcLab.Cli/bin/Release/net10.0/vpclab --help
measure "single file (self-contained)" "$OUT/single-file/vpclab" --help
ls -l "$OUT/single-file/vpclab" | awk '{ printf "single-file size: %.0f MB\n", $5 / 1048576 }'
