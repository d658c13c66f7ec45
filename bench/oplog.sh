#!/usr/bin/env bash
# Durable CreateTags over HTTP, the append-only log (vpclab.log) against the SQLite log of earlier builds
# (VPCLAB_OPERATION_LOG=sqlite), beside the same write on an in-memory server and the no-op floor
# (`GET /_vpclab/health`). Three servers run side by side (default group commit: the commit thread); ROUNDS rounds
# measure each in turn, the order reversed every other round, so a shared machine's load falls on all alike. wrk:
# 1 thread, 16 connections (one request in flight each). Each line carries the 1-minute load average when it was
# measured. Then, in process: the committing thread's CPU per AppendBatch of 1 and 16 records on each log
# (VpcLab.ApiScaleBench --log-append). TSV on stdout and in $OUT; the medians at the end.
# SERVERS names the servers: in-memory, sqlite, vpclab.log (the default group commit) or a VPCLAB_GROUP_COMMIT mode
# (thread, flight, busy, overlap, …) with "/one" for VPCLAB_GROUP_COMMIT_ANSWER=one, ":N" for
# VPCLAB_GROUP_COMMIT_DEPTH=N (overlap:3: three commits in flight). Each durable line also gives the log's
# writes per commit (requests ÷ the server's write syscalls, /proc/PID/io syscw: one pwrite per commit; sockets use
# send) and NO_APPEND=1 skips the in-process part.
#
#   bench/oplog.sh                       # 5 rounds of 5 s after a 30 s warm-up per server
#   ROUNDS=3 DURATION=3 bench/oplog.sh
#   SERVERS="in-memory thread busy/one" NO_APPEND=1 bench/oplog.sh   # group commits side by side
#   SERVERS="in-memory thread overlap overlap:3" ROUNDS=3 NO_APPEND=1 bench/oplog.sh   # overlapping commits
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-5}
WARMUP=${WARMUP:-30} # a write's code is still being compiled 10 s in on a loaded 2-core machine (bench/api-scale.sh)
ART=${ART:-/tmp/vpclab-oplog}
OUT=${OUT:-/tmp/vpclab-oplog.tsv}
. bench/lib/wrk-post.sh
build_server_and_builder
load() { cut -d' ' -f1 /proc/loadavg; }
declare -A PIDS URLS DATAS VPCS
stop_all() {
  for s in "${!PIDS[@]}"; do kill "${PIDS[$s]}" 2>/dev/null || true; wait "${PIDS[$s]}" 2>/dev/null || true; rm -rf "${DATAS[$s]:-}"; done
  PIDS=()
}
trap stop_all EXIT

# rate PID URL [BODY [SECONDS]]: "REQ/S CPU PER-COMMIT" — wrk's rate, the server's CPU microseconds per request and
# requests per write syscall (per commit of the log; "-" without any).
rate() {
  local pid=$1 url=$2 body=${3:-} d=${4:-$DURATION} out t0 t1 w0 w1
  t0=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  w0=$(awk '/^syscw/ { print $2 }' "/proc/$pid/io")
  if [ -z "$body" ]; then out=$(wrk -t1 -c16 -d"${d}s" "$url")
  else out=$(WRK_BODY=$body WRK_AUTH=$AUTH WRK_DATE=$(date -u +%Y%m%dT%H%M%SZ) wrk -t1 -c16 -d"${d}s" -s "$LUA" "$url"); fi
  t1=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  w1=$(awk '/^syscw/ { print $2 }' "/proc/$pid/io")
  if grep -q "Non-2xx" <<<"$out"; then echo "oplog.sh: non-2xx answers: $out" >&2; exit 1; fi
  awk -v ticks=$((t1 - t0)) -v w=$((w1 - w0)) -v tick_us=$((1000000 / $(getconf CLK_TCK))) '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { printf "%s %.1f %s\n", r, ticks * tick_us / n, (w > n / 1000 ? sprintf("%.2f", n / w) : "-") }' <<<"$out"
}

read -r -a SERVERS <<<"${SERVERS:-in-memory vpclab.log sqlite}"
for s in "${SERVERS[@]}"; do
  port=$(free_port); store=(--in-memory); log=; mode=${s%/one}; answer=; depth=
  if [[ $mode == *:* ]]; then depth=${mode#*:}; mode=${mode%%:*}; fi
  if [ "$s" != in-memory ]; then DATAS[$s]=$(mktemp -d); store=(--data "${DATAS[$s]}"); fi
  if [ "$s" = sqlite ]; then log=sqlite; fi
  if [ "$mode" = sqlite ] || [ "$mode" = vpclab.log ] || [ "$mode" = in-memory ]; then mode=; fi
  if [ "$s" != "${s%/one}" ]; then answer=one; fi
  VPCLAB_GROUP_COMMIT=$mode VPCLAB_GROUP_COMMIT_ANSWER=$answer VPCLAB_GROUP_COMMIT_DEPTH=$depth VPCLAB_OPERATION_LOG=$log \
    dotnet "$VPCLAB" serve --port "$port" "${store[@]}" --generous-quotas >/dev/null 2>&1 &
  PIDS[$s]=$!; URLS[$s]="http://127.0.0.1:$port"
  wait_up "${URLS[$s]}/_vpclab/health"
  world=$(dotnet "$BUILDER" --endpoint "${URLS[$s]}" --vpcs 10 --concurrency 1)
  VPCS[$s]=$(python3 -c "import json,sys; print(json.loads(sys.argv[1])['vpc'])" "$world")
done
if [ -n "${DATAS[vpclab.log]:-}" ] && [ -n "${DATAS[sqlite]:-}" ]; then
  [ -f "${DATAS[vpclab.log]}/vpclab.log" ] && [ -f "${DATAS[sqlite]}/vpclab.db" ] || { echo "oplog.sh: the servers did not keep the logs asked for" >&2; exit 1; }
fi
for s in "${SERVERS[@]}"; do # warm-up: JIT tiers, the log's first pages
  rate "${PIDS[$s]}" "${URLS[$s]}/" "Action=CreateTags&ResourceId.1=${VPCS[$s]}&Tag.1.Key=bench&Tag.1.Value=on" "$WARMUP" >/dev/null
  rate "${PIDS[$s]}" "${URLS[$s]}/_vpclab/health" "" 3 >/dev/null
done

: >"$OUT"
printf 'round\tserver\trequest\treq/s\tratio to floor\tserver CPU us/req\tload average (1 min)\twrites per commit\n'
for round in $(seq 1 "$ROUNDS"); do
  order=("${SERVERS[@]}")
  if (( round % 2 == 0 )); then order=(); for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do order+=("${SERVERS[i]}"); done; fi
  for s in "${order[@]}"; do
    read -r fr fc _ <<<"$(rate "${PIDS[$s]}" "${URLS[$s]}/_vpclab/health")"
    read -r wr wc wb <<<"$(rate "${PIDS[$s]}" "${URLS[$s]}/" "Action=CreateTags&ResourceId.1=${VPCS[$s]}&Tag.1.Key=bench&Tag.1.Value=on")"
    printf '%s\t%s\tfloor\t%s\t1.00\t%s\t%s\t-\n' "$round" "$s" "$fr" "$fc" "$(load)" | tee -a "$OUT"
    printf '%s\t%s\tCreateTags\t%s\t%s\t%s\t%s\t%s\n' "$round" "$s" "$wr" "$(python3 -c "print(f'{$wr / $fr:.2f}')")" "$wc" "$(load)" "$wb" | tee -a "$OUT"
  done
done
stop_all
[ -n "${NO_APPEND:-}" ] && APPEND_SKIPPED=1

if [ -z "${APPEND_SKIPPED:-}" ]; then
  echo "# in process: the committing thread's CPU per AppendBatch" >&2
  dotnet "$BUILDER" --log-append --dir "$(mktemp -d)" | sed 's/^/append\t/' | tee -a "$OUT"
fi

python3 - "$OUT" "${SERVERS[@]}" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
http = [r for r in rows if r[0].isdigit()]
print("\nmedian over the rounds: req/s, ratio to the same server's floor, server CPU us/req, load average, writes per commit")
for server in sys.argv[2:]:
    for request in ("floor", "CreateTags"):
        sel = [r for r in http if r[1] == server and r[2] == request]
        if sel:
            med = lambda i: statistics.median(float(r[i]) for r in sel)
            per = [float(r[7]) for r in sel if len(r) > 7 and r[7] not in ("-", "")]
            print(f"  {server:<11} {request:<11} {med(3):9.0f} {med(4):5.2f} {med(5):7.1f}   load {med(6):.2f}   {statistics.median(per) if per else '-'}")
app = [r for r in rows if r[0] == "append" and r[1].isdigit()]
for log in ("vpclab.log", "SQLite (before)"):
    for size in ("1", "16"):
        sel = [r for r in app if r[2] == log and r[3] == size]
        if sel:
            print(f"  AppendBatch of {size:>2} on {log:<16} CPU {statistics.median(float(r[4]) for r in sel):6.1f} us, wall {statistics.median(float(r[5]) for r in sel):7.1f} us")
PY
