# Sourced by bench/api-scale.sh, bench/oplog.sh and bench/query-protocol.sh after they set ART: what their wrk runs
# share. AUTH is a SigV4-shaped header for account 111111111111 in us-east-1 (the server checks no signature unless
# asked), LUA a wrk script that POSTs $WRK_BODY (plus the Query protocol's Version) with $WRK_AUTH and $WRK_DATE;
# free_port picks a free loopback port; wait_up waits for a URL to answer (60 s). Needs wrk.
command -v wrk >/dev/null || { echo "${0##*/}: needs wrk (apt-get install wrk)" >&2; exit 1; }
AUTH="AWS4-HMAC-SHA256 Credential=111111111111/$(date -u +%Y%m%d)/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"
LUA=$ART/post.lua
mkdir -p "$ART"
cat >"$LUA" <<'LUA'
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") .. "&Version=2016-11-15"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = os.getenv("WRK_AUTH")
wrk.headers["X-Amz-Date"] = os.getenv("WRK_DATE")
LUA

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done; echo "${0##*/}: $1 never came up" >&2; return 1; }

# The Release server and the world builder, into $ART (unless NO_BUILD is set); VPCLAB and BUILDER name them.
build_server_and_builder() {
  if [ -z "${NO_BUILD:-}" ]; then
    dotnet build src/VpcLab.Cli -c Release --artifacts-path "$ART" -v q -nologo -m:1 -p:VpcLabSkipWebBuild=true >/dev/null
    dotnet build bench/VpcLab.ApiScaleBench -c Release --artifacts-path "$ART" -v q -nologo -m:1 -p:VpcLabSkipWebBuild=true >/dev/null
  fi
  VPCLAB=$ART/bin/VpcLab.Cli/release/vpclab.dll
  BUILDER=$ART/bin/VpcLab.ApiScaleBench/release/VpcLab.ApiScaleBench.dll
}
