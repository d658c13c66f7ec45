#!/usr/bin/env bash
# The API at scale, in one run: for worlds of 10, 1,000 and 10,000 resources per main kind (VPCs, subnets,
# interfaces, and the route table, network ACL and security group AWS makes with each VPC), built through the HTTP
# API by bench/VpcLab.ApiScaleBench, wrk (1 thread, 16 connections, SigV4-shaped unsigned requests: the server checks
# no signature unless asked) measures filtered describes of each main kind and a durable CreateTags, beside
# `GET /_vpclab/health` (the floor: the same HTTP stack doing nothing) measured in the same run, against the same
# server. The servers of all sizes run side by side and are measured in ROUNDS rounds, each request at every size in
# turn (the order of the sizes alternating by round), so the other load of a shared machine falls on every size
# alike; the summary takes each figure's median over the rounds. moto's server (python3 -m moto.server) gets the
# same describes at the sizes in MOTO_SIZES, after. Then the server's own CPU per request at the smallest and largest
# size without HTTP (VpcLab.ApiScaleBench --in-process, unless NO_IN_PROCESS is set).
# Prints one TSV line per measure (round, size, server, request, req/s, ratio to the floor, the server's CPU
# microseconds per request) to stdout and $OUT.
#
#   bench/api-scale.sh                           # 10, 1000, 10000; 3 rounds of 5 s per measure
#   SIZES="10 1000" DURATION=3 bench/api-scale.sh
#   WORLD=1 bench/api-scale.sh                   # also the 1,000-VPC / 100,000-interface world: build time and RSS
#   NO_WRITES=1 bench/api-scale.sh               # without CreateTags on an in-memory and the durable servers
#   WRITE_MODES="in-memory leader" ...           # only those of the write section's servers (VPCLAB_GROUP_COMMIT;
#                                                # thread+sqlite: the commit thread over the SQLite log, VPCLAB_OPERATION_LOG;
#                                                # MODE/one: VPCLAB_GROUP_COMMIT_ANSWER=one; overlap:3: VPCLAB_GROUP_COMMIT_DEPTH=3)
#   NO_DELETES=1 bench/api-scale.sh              # without one delete's cost at the smallest and largest size
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"10 1000 10000"}
MOTO_SIZES=${MOTO_SIZES-"10 1000"}
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-3} # seconds of the same request first: the server's JIT tiers its code up
# A write runs far more code than a read (binding, the mutation, the log): on the loaded 2-core machine its code was
# still being compiled 10 s in (a quarter of the server's CPU in the tiering thread), not 40 s in.
WRITE_WARMUP=${WRITE_WARMUP:-30}
ART=${ART:-/tmp/vpclab-api-scale}
OUT=${OUT:-/tmp/vpclab-api-scale.tsv}
. bench/lib/wrk-post.sh
build_server_and_builder
SERVER_PID=
DATA=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; DATA=; fi
}
trap stop_server EXIT
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# The server's CPU time so far (user + system, all threads), in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# rate URL [BODY [WARMUP]]: "REQ/S CPU" — wrk's requests per second (a GET without BODY) and the server's CPU microseconds
# per request during the measured run, after a $WARMUP-second warm-up of the same request (JIT, caches); any non-2xx
# answer fails the run. CPU per request is what to compare on a loaded machine: it moves less with the load than the
# rate does.
rate() {
  local url=$1 body=${2:-} out d t0 t1
  for d in "${3:-$WARMUP}" "$DURATION"; do
    t0=$(cpu_ticks)
    if [ -z "$body" ]; then
      out=$(wrk -t1 -c16 -d"${d}s" "$url")
    else
      out=$(WRK_BODY=$body WRK_AUTH=$AUTH WRK_DATE=$(date -u +%Y%m%dT%H%M%SZ) wrk -t1 -c16 -d"${d}s" -s "$LUA" "$url")
    fi
    t1=$(cpu_ticks)
  done
  if grep -q "Non-2xx" <<<"$out"; then echo "api-scale.sh: non-2xx answers for $body: $out" >&2; exit 1; fi
  awk -v ticks=$((t1 - t0)) -v tick_us="$TICK_US" '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { printf "%s %.1f\n", r, ticks * tick_us / n }' <<<"$out"
}

json() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# row ROUND SIZE SERVER LABEL "REQ/S CPU" FLOOR: one TSV line.
row() {
  local r=$5
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${r% *}" "$(python3 -c "print(f'{${r% *} / $6:.2f}')")" "${r#* }" | tee -a "$OUT"
}

# floor SERVER URL: the no-op request of that server.
floor() { if [ "$1" = vpclab ]; then rate "$2/_vpclab/health"; else rate "$2" "Action=DescribeRegions&RegionName.1=us-east-1"; fi; }

# measure ROUND SIZE SERVER URL WORLD_JSON: the floor, then each describe and (vpclab) the durable CreateTags.
measure() {
  local round=$1 size=$2 server=$3 url=$4 world=$5 r f probe label body vpc
  r=$(floor "$server" "$url"); f=${r% *}
  row "$round" "$size" "$server" floor "$r" "$f"
  local -a probes
  mapfile -t probes < <(dotnet "$BUILDER" --probes "$world")
  if [ "$server" = vpclab ]; then
    vpc=$(json "$world" vpc)
    probes+=("CreateTags (durable)|Action=CreateTags&ResourceId.1=$vpc&Tag.1.Key=bench&Tag.1.Value=on")
  fi
  for probe in "${probes[@]}"; do
    label=${probe%%|*}; body=${probe#*|}
    # A write's long warm-up only once per server: its code stays compiled.
    if [[ $label == Create* && $round == 1 ]]; then r=$(rate "$url/" "$body" "$WRITE_WARMUP"); else r=$(rate "$url/" "$body"); fi
    row "$round" "$size" "$server" "$label" "$r" "$f"
  done
  # The floor again at the end: how much the machine's load moved during the round.
  r=$(floor "$server" "$url")
  row "$round" "$size" "$server" "floor (again, at the end)" "$r" "$f"
}

: >"$OUT"
printf 'round\tsize\tserver\trequest\treq/s\tratio to floor\tserver CPU us/req\n'
declare -A PIDS URLS WORLDS DATAS
stop_all() {
  for size in "${!PIDS[@]}"; do kill "${PIDS[$size]}" 2>/dev/null || true; wait "${PIDS[$size]}" 2>/dev/null || true; rm -rf "${DATAS[$size]}"; done
  PIDS=()
  stop_server
}
trap stop_all EXIT
for size in $SIZES; do
  port=$(free_port); DATAS[$size]=$(mktemp -d)
  dotnet "$VPCLAB" serve --port "$port" --data "${DATAS[$size]}" --generous-quotas >/dev/null 2>&1 &
  PIDS[$size]=$!; URLS[$size]="http://127.0.0.1:$port"
  wait_up "${URLS[$size]}/_vpclab/health"
  WORLDS[$size]=$(dotnet "$BUILDER" --endpoint "${URLS[$size]}" --vpcs "$size" --concurrency 16)
  echo "# vpclab $size: ${WORLDS[$size]} (server RSS $(rss_mib "${PIDS[$size]}") MiB)" >&2
done
read -ra ORDER <<<"$SIZES"
for round in $(seq 1 "$ROUNDS"); do
  sizes=("${ORDER[@]}")
  if (( round % 2 == 0 )); then mapfile -t sizes < <(printf '%s\n' "${ORDER[@]}" | tac); fi
  for size in "${sizes[@]}"; do
    [ -n "$size" ] || continue # SIZES=" ": no sized servers (only the writes, the world, …)
    SERVER_PID=${PIDS[$size]}
    measure "$round" "$size" vpclab "${URLS[$size]}" "${WORLDS[$size]}"
  done
done
SERVER_PID=
stop_all
for size in $SIZES; do
  if [[ " $MOTO_SIZES " == *" $size "* ]] && python3 -c "import moto.server" 2>/dev/null; then
    port=$(free_port)
    python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
    SERVER_PID=$!
    wait_up "http://127.0.0.1:$port/moto-api/"
    # One client: moto's server answers 500 to some concurrent creates.
    if world=$(dotnet "$BUILDER" --endpoint "http://127.0.0.1:$port" --vpcs "$size" --concurrency 1 2>/dev/null); then
      echo "# moto $size: $world" >&2
      measure 1 "$size" moto "http://127.0.0.1:$port" "$world"
    else
      echo "# moto $size: building the world failed (moto answered an error)" >&2
    fi
    stop_server
  fi
done

if [ -z "${NO_WRITES:-}" ]; then
  # Durable writes against the same writes without the log, each beside its own floor: what the fsync costs apart
  # from the request's CPU. First the disk's own fsync latency (where --data lives): with one request in flight per
  # connection, 16 connections cannot commit more than 16 answers per fsync.
  fsync_us=$(python3 - "$(mktemp -d)" <<'PYF'
import os, sys, time
path = os.path.join(sys.argv[1], "probe")
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
times = []
for _ in range(200):
    os.write(fd, b"x" * 200)
    t = time.perf_counter(); os.fsync(fd); times.append(time.perf_counter() - t)
os.close(fd); os.remove(path); os.rmdir(sys.argv[1])
times.sort()
print(f"{times[100] * 1e6:.0f} (p90 {times[180] * 1e6:.0f})")
PYF
)
  printf 'writes\tdisk\tfsync of 200 bytes, median us\t%s\t-\t-\n' "$fsync_us" | tee -a "$OUT"
  # Durable servers, one per group commit (VPCLAB_GROUP_COMMIT): a writer leads the commit, a commit thread that
  # takes what is pending (the default), and one that waits briefly for the writers it expects when the disk is slower
  # than they arrive. MODE+sqlite: the same over the SQLite log of earlier builds (VPCLAB_OPERATION_LOG=sqlite), to compare the two logs.
  for mode in ${WRITE_MODES:-in-memory leader thread thread-wait thread+sqlite}; do
    port=$(free_port)
    if [ "$mode" = in-memory ]; then store=(--in-memory); else DATA=$(mktemp -d); store=(--data "$DATA"); fi
    log=; if [[ $mode == *+sqlite ]]; then log=sqlite; fi
    commit=${mode%+sqlite}; answer=; depth=
    if [[ $commit == */one ]]; then answer=one; commit=${commit%/one}; fi
    if [[ $commit == *:* ]]; then depth=${commit#*:}; commit=${commit%%:*}; fi
    VPCLAB_GROUP_COMMIT=$commit VPCLAB_GROUP_COMMIT_ANSWER=$answer VPCLAB_GROUP_COMMIT_DEPTH=$depth VPCLAB_OPERATION_LOG=$log dotnet "$VPCLAB" serve --port "$port" "${store[@]}" --generous-quotas >/dev/null 2>&1 &
    SERVER_PID=$!
    wait_up "http://127.0.0.1:$port/_vpclab/health"
    world=$(dotnet "$BUILDER" --endpoint "http://127.0.0.1:$port" --vpcs 10 --concurrency 1)
    vpc=$(json "$world" vpc)
    # The write first (its long warm-up also warms the server), then the floor, against the same warm server.
    w=$(rate "http://127.0.0.1:$port/" "Action=CreateTags&ResourceId.1=$vpc&Tag.1.Key=bench&Tag.1.Value=on" "$WRITE_WARMUP")
    r=$(rate "http://127.0.0.1:$port/_vpclab/health"); floor=${r% *}
    printf 'writes\tvpclab %s\tfloor\t%s\t1.00\t%s\n' "$mode" "$floor" "${r#* }" | tee -a "$OUT"
    printf 'writes\tvpclab %s\tCreateTags\t%s\t%s\t%s\n' "$mode" "${w% *}" "$(python3 -c "print(f'{${w% *} / $floor:.2f}')")" "${w#* }" | tee -a "$OUT"
    stop_server
  done
fi

if [ -n "${WORLD:-}" ]; then
  # The 1,000-VPC / 100,000-interface world through the API: build time, then the server's resident memory.
  port=$(free_port); DATA=$(mktemp -d)
  dotnet "$VPCLAB" serve --port "$port" --data "$DATA" --generous-quotas >/dev/null 2>&1 &
  SERVER_PID=$!
  wait_up "http://127.0.0.1:$port/_vpclab/health"
  idle=$(rss_mib $SERVER_PID)
  world=$(dotnet "$BUILDER" --endpoint "http://127.0.0.1:$port" --vpcs 1000 --enis-per-vpc 100 --concurrency 16)
  echo "# world: $world" >&2
  printf 'world\tvpclab\tbuild 1000 VPCs + 100000 interfaces (s)\t%s\t-\n' "$(json "$world" build_s)" | tee -a "$OUT"
  printf 'world\tvpclab\tRSS idle / built (MiB)\t%s / %s\t-\n' "$idle" "$(rss_mib $SERVER_PID)" | tee -a "$OUT"
  stop_server
fi

if [ -z "${NO_WRITES:-}" ]; then
  # The same writes without HTTP (VpcLab.ApiScaleBench --durable-writes): 16 writer tasks through the server's own path
  # in memory and durable both ways, alternating; commits per second and the mean batch come from the journal.
  echo "# durable writes in process: 16 writers, 3 rounds of 3 s" >&2
  dotnet "$BUILDER" --durable-writes --dir "$(mktemp -d)" | sed 's/^/durable-in-process\t/' | tee -a "$OUT"
fi

if [ -z "${NO_DELETES:-}" ]; then
  # One delete at the smallest and the largest size (each after the create of what it deletes), CPU per delete.
  read -ra ORDER <<<"$SIZES"
  if (( ${#ORDER[@]} > 1 )); then
    echo "# deletes: CPU per delete at ${ORDER[0]} and ${ORDER[-1]} VPCs, median of 7 rounds" >&2
    dotnet "$BUILDER" --deletes --small "${ORDER[0]}" --large "${ORDER[-1]}" | sed 's/^/deletes\t/' | tee -a "$OUT"
  fi
fi

if [ -z "${NO_IN_PROCESS:-}" ]; then
  # The server's own path (parse, action, XML) at the smallest and the largest size, without HTTP: two in-memory
  # servers in one process, the sizes alternating batch by batch.
  read -ra ORDER <<<"$SIZES"
  if (( ${#ORDER[@]} > 1 )); then
    echo "# in-process: the server's CPU per request without HTTP, median of 7 rounds" >&2
    dotnet "$BUILDER" --in-process --small "${ORDER[0]}" --large "${ORDER[-1]}" | sed 's/^/in-process\t/' | tee -a "$OUT"
  fi
fi

python3 - "$OUT" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sized = [r for r in rows if r[0].isdigit() and len(r) >= 7]
rounds = sorted({r[0] for r in sized})
norm = {(r[0], r[1], r[2], r[3]): float(r[5]) for r in sized}  # rate / that round's floor
cpu = {(r[0], r[1], r[2], r[3]): float(r[6]) for r in sized}
sizes = sorted({int(r[1]) for r in sized})
if len(sizes) > 1:
    lo, hi = str(sizes[0]), str(sizes[-1])
    print(f"\nat {hi} against {lo}, median over {len(rounds)} rounds of the paired ratios: rate (each over its own"
          f" round's floor) at {hi} / at {lo}, and server CPU per request at {lo} / at {hi} (the rate ratio of a"
          f" CPU-bound server, steadier on a loaded machine):")
    requests = sorted({(r[2], r[3]) for r in sized if r[1] == hi and not r[3].startswith("floor")})
    for server, request in requests:
        pairs = [((x, lo, server, request), (x, hi, server, request)) for x in rounds]
        pairs = [(l, h) for l, h in pairs if l in norm and h in norm]
        by_rate = [norm[h] / norm[l] for l, h in pairs]
        by_cpu = [cpu[l] / cpu[h] for l, h in pairs if cpu[h] > 0]
        if by_rate:
            print(f"  {server:<7} {request:<42} {statistics.median(by_rate):6.2f} {statistics.median(by_cpu):6.2f}")
PY
