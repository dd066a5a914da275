#!/usr/bin/env bash
# Two Release builds of the host, alternated (before, after, before, after) on one fresh data
# folder, output cache off, wrk -t2 -c16 -d15s --latency on the portal home and an initiative page;
# prints req/s, p99 and the server's CPU time per request (utime+stime of its process divided by
# the requests served), which a busy shared host disturbs less than req/s.
# Usage: bench/http/compare.sh BEFORE_BIN_DIR AFTER_BIN_DIR   (copies of bin/Release/net10.0)
#        URLS="/ /bourgogne/laureats" WARMUP=5s DURATION=15s to choose the pages and the times;
#        TIMEOUT=10s for slow pages (wrk counts a slower answer as an error, not a request);
#        DATA=/path/to/App_Data to run on a prepared data folder (e.g. seeded with 100 000 items), kept.
set -euo pipefail
BEFORE=$1; AFTER=$2; PORT=${PORT:-5089}; BASE="http://127.0.0.1:$PORT"; TCK=$(getconf CLK_TCK)
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production RallyNov__OutputCache__Enabled=false
KEEP=${DATA:+1}; DATA=${DATA:-$(mktemp -d)}; SERVER=""
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; [ -n "$KEEP" ] || rm -rf "$DATA"' EXIT
cpu() { awk -v t="$TCK" '{print ($14+$15)*1000/t}' /proc/$SERVER/stat; }
run() {
  export ASPNETCORE_CONTENTROOT="$2" RallyNov__DataPath="$DATA"
  dotnet "$2/RallyNov.Cms.dll" --urls "$BASE" >/tmp/i16a-cpu-server.log 2>&1 & SERVER=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
  for url in ${URLS:-/ /bourgogne/initiatives/delices-bleus}; do
    wrk -t2 -c16 -d"${WARMUP:-5s}" "$BASE$url" >/dev/null
    c0=$(cpu); out=$(wrk -t2 -c16 -d"${DURATION:-15s}" --timeout "${TIMEOUT:-2s}" --latency "$BASE$url"); c1=$(cpu)
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '%-7s %-40s %9s req/s  p99 %8s  %6.2f ms CPU/request (%s requests, load %s)\n' "$1" "$url" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(echo "($c1-$c0)/$n" | bc -l)" "$n" "$(cut -d' ' -f1-3 /proc/loadavg)"
  done
  printf '%-7s RSS %s MB\n' "$1" "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$SERVER/status)"
  kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=""
}
echo "uptime: $(uptime)"
run before "$BEFORE"; run after "$AFTER"; run before "$BEFORE"; run after "$AFTER"
echo "uptime: $(uptime)"
