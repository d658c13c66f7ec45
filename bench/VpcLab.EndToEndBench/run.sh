#!/usr/bin/env bash
# End-to-end API benchmark: the same workload (workload.py / Program.cs: N VPCs, each with 2 subnets, a route
# table and a security group with a rule, then filtered describes) against
#   vpclab serve --in-memory --generous-quotas   (Release build)
#   vpclab serve --data TMPDIR --generous-quotas (every mutation synced to SQLite before it is acknowledged)
#   python3 -m moto.server                       (moto, the reference)
# each on a free 127.0.0.1 port, with three clients: boto3 sequential, boto3 in 8 threads, and a .NET
# HttpClient driver with 8 concurrent workers (the client that is not the bottleneck). State is reset between
# runs. Prints a table; raw JSON lines go to $OUT (default /tmp/vpclab-e2e-bench.jsonl).
#
#   bench/VpcLab.EndToEndBench/run.sh            # 200 VPCs
#   VPCS=50 bench/VpcLab.EndToEndBench/run.sh    # quicker
set -euo pipefail
cd "$(dirname "$0")/../.."
VPCS=${VPCS:-200}
THREADS=${THREADS:-8}
ART=${ART:-/tmp/vpclab-e2e-bench}
OUT=${OUT:-/tmp/vpclab-e2e-bench.jsonl}
HERE=bench/VpcLab.EndToEndBench

python3 -c "import boto3, moto" || { echo "run.sh: needs boto3 and moto (pip install boto3 'moto[server]')" >&2; exit 1; }
if [ -z "${NO_BUILD:-}" ]; then
  dotnet build src/VpcLab.Cli -c Release --artifacts-path "$ART" -v q -nologo >/dev/null
  dotnet build "$HERE" -c Release --artifacts-path "$ART" -v q -nologo >/dev/null
fi
VPCLAB=$ART/bin/VpcLab.Cli/release/vpclab.dll
DRIVER=$ART/bin/VpcLab.EndToEndBench/release/VpcLab.EndToEndBench.dll

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "run.sh: $1 never came up" >&2; return 1; }

SERVER_PID=
DATA=
stop_server() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi
  if [ -n "$DATA" ]; then rm -rf "$DATA"; DATA=; fi
}
trap stop_server EXIT

# run_clients LABEL URL RESET_URL
run_clients() {
  local label=$1 url=$2 reset=$3
  curl -sf -X POST -o /dev/null "$reset"
  python3 "$HERE/workload.py" --endpoint "$url" --label "$label" --vpcs "$VPCS" --threads 1 | tee -a "$OUT"
  curl -sf -X POST -o /dev/null "$reset"
  python3 "$HERE/workload.py" --endpoint "$url" --label "$label" --vpcs "$VPCS" --threads "$THREADS" | tee -a "$OUT"
  curl -sf -X POST -o /dev/null "$reset"
  dotnet "$DRIVER" --endpoint "$url" --label "$label" --vpcs "$VPCS" --concurrency "$THREADS" | tee -a "$OUT"
}

: >"$OUT"
for mode in in-memory data; do
  port=$(free_port)
  if [ $mode = data ]; then DATA=$(mktemp -d); args=(--data "$DATA"); else args=(--in-memory); fi
  dotnet "$VPCLAB" serve --port "$port" "${args[@]}" --generous-quotas >/dev/null 2>&1 &
  SERVER_PID=$!
  wait_up "http://127.0.0.1:$port/_vpclab/health"
  run_clients "vpclab $mode" "http://127.0.0.1:$port" "http://127.0.0.1:$port/_vpclab/reset"
  stop_server
done

port=$(free_port)
python3 -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
SERVER_PID=$!
wait_up "http://127.0.0.1:$port/moto-api/"
run_clients "moto $(python3 -c 'import moto; print(moto.__version__)')" "http://127.0.0.1:$port" "http://127.0.0.1:$port/moto-api/reset"
stop_server

python3 - "$OUT" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
print()
print(f"{'server':<20} {'client':<14} {'create s':>9} {'create/s':>9} {'describe s':>11} {'describe/s':>11} {'total s':>9} {'req/s':>8}")
for r in rows:
    print(f"{r['label']:<20} {r['client']:<14} {r['create_s']:>9.2f} {r['create_rps']:>9.0f} {r['describe_s']:>11.2f} {r['describe_rps']:>11.0f} {r['total_s']:>9.2f} {r['total_rps']:>8.0f}")
moto = {r['client']: r for r in rows if r['label'].startswith('moto')}
print()
for r in rows:
    if r['label'].startswith('vpclab') and r['client'] in moto:
        print(f"{r['label']:<20} {r['client']:<14} {moto[r['client']]['total_s'] / r['total_s']:6.1f}x faster than moto (total time, same client)")
PY
