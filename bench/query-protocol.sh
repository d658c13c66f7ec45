#!/usr/bin/env bash
# The Query protocol's own cost, before and after a change, in one run: builds BASE (a git revision, exported with
# `git archive` to a temporary directory) and the working tree in Release, starts one in-memory server of each side by
# side (`vpclab serve --in-memory`, ten VPCs made with curl), then measures with wrk (1 thread, 16 connections, the
# SigV4-shaped unsigned requests of bench/api-scale.sh) an in-memory CreateTags, a DescribeVpcs filtered by vpc-id and
# `GET /_vpclab/health` (the floor: the same HTTP stack doing nothing), ROUNDS rounds, the two sides alternating (base
# first in odd rounds, head first in even ones) so the load of a shared machine falls on both alike. Each line: round,
# side, request, req/s, ratio to that side's floor of the round, the server's CPU µs per request (from
# /proc/PID/stat around the measured run), and `uptime`'s load average when the measure ended.
#
#   bench/query-protocol.sh fc55a78                  # 3 rounds of 5 s after a 20 s warm-up per request and side
#   ROUNDS=5 DURATION=8 bench/query-protocol.sh HEAD~1
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/query-protocol.sh BASE_REVISION}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20} # the first round's warm-up per request: the JIT tiers the write's code up
ART=${ART:-/tmp/vpclab-query-protocol}
. bench/lib/wrk-post.sh
if [ -z "${NO_BUILD:-}" ]; then
  rm -rf "$ART/base-tree" && mkdir -p "$ART/base-tree"
  git archive "$BASE" | tar -x -C "$ART/base-tree"
  dotnet build "$ART/base-tree/src/VpcLab.Cli" -c Release --artifacts-path "$ART/base" -v q -nologo -m:1 -p:VpcLabSkipWebBuild=true >/dev/null
  dotnet build src/VpcLab.Cli -c Release --artifacts-path "$ART/head" -v q -nologo -m:1 -p:VpcLabSkipWebBuild=true >/dev/null
fi

call() { # URL FORM: the answer's XML
  curl -sf -X POST "$1/" -H "Authorization: $AUTH" -H "X-Amz-Date: $(date -u +%Y%m%dT%H%M%SZ)" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data "$2&Version=2016-11-15"
}
declare -A PIDS URLS VPCS
stop_all() { for side in "${!PIDS[@]}"; do kill "${PIDS[$side]}" 2>/dev/null || true; wait "${PIDS[$side]}" 2>/dev/null || true; done; }
trap stop_all EXIT
for side in base head; do
  port=$(free_port)
  dotnet "$ART/$side/bin/VpcLab.Cli/release/vpclab.dll" serve --port "$port" --in-memory --generous-quotas >/dev/null 2>&1 &
  PIDS[$side]=$!; URLS[$side]="http://127.0.0.1:$port"
  wait_up "${URLS[$side]}/_vpclab/health"
  for i in $(seq 1 10); do
    vpc=$(call "${URLS[$side]}" "Action=CreateVpc&CidrBlock=10.$i.0.0%2F16" | sed -n 's:.*<vpcId>\(vpc-[0-9a-f]*\)</vpcId>.*:\1:p')
  done
  VPCS[$side]=$vpc
done

TICK_US=$((1000000 / $(getconf CLK_TCK)))
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# rate SIDE PATH BODY SECONDS: "REQ/S CPU_US_PER_REQ" of one wrk run (a GET without BODY); any non-2xx fails the run.
rate() {
  local side=$1 path=$2 body=$3 d=$4 out t0 t1
  t0=$(cpu_ticks "${PIDS[$side]}")
  if [ -z "$body" ]; then
    out=$(wrk -t1 -c16 -d"${d}s" "${URLS[$side]}$path")
  else
    out=$(WRK_BODY=$body WRK_AUTH=$AUTH WRK_DATE=$(date -u +%Y%m%dT%H%M%SZ) wrk -t1 -c16 -d"${d}s" -s "$LUA" "${URLS[$side]}$path")
  fi
  t1=$(cpu_ticks "${PIDS[$side]}")
  if grep -q "Non-2xx" <<<"$out"; then echo "query-protocol.sh: non-2xx answers for $body: $out" >&2; exit 1; fi
  awk -v ticks=$((t1 - t0)) -v tick_us="$TICK_US" '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { printf "%s %.1f\n", r, ticks * tick_us / n }' <<<"$out"
}
requests() { # SIDE: "label|path|body" lines
  printf '%s\n' "floor|/_vpclab/health|" \
    "CreateTags|/|Action=CreateTags&ResourceId.1=${VPCS[$1]}&Tag.1.Key=bench&Tag.1.Value=on" \
    "DescribeVpcs vpc-id|/|Action=DescribeVpcs&Filter.1.Name=vpc-id&Filter.1.Value.1=${VPCS[$1]}"
}
printf 'round\tside\trequest\treq/s\tratio to floor\tserver CPU us/req\tload average\n'
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then sides=(base head); else sides=(head base); fi
  for side in "${sides[@]}"; do
    floor=
    while IFS='|' read -r label path body; do
      if (( round == 1 )); then rate "$side" "$path" "$body" "$WARMUP" >/dev/null; fi
      r=$(rate "$side" "$path" "$body" "$DURATION")
      [ -n "$floor" ] || floor=${r% *}
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$side" "$label" "${r% *}" \
        "$(python3 -c "print(f'{${r% *} / $floor:.2f}')")" "${r#* }" "$(uptime | sed 's/.*load average: //')"
    done < <(requests "$side")
  done
done
