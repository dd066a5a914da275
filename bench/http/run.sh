#!/usr/bin/env bash
# Public pages over HTTP, side by side with nginx serving the saved bytes of the portal home (the
# machine's ceiling), in one run: wrk -t2 -c16 on loopback, output cache on, then off; then a
# second pass with 100 000 synthetic initiatives in Bourgogne (seed-synthetic), cold start to the
# first 200 of the three tenants' homes, and the server's RSS after the run.
# Usage: bench/http/run.sh      (DURATION=15s WARMUP=10s COUNT=100000 PORT=5078 NGINX_PORT=5079)
#        DURATION=4s WARMUP=2s bench/http/run.sh   # short run, under 5 minutes once built
#        COUNT=0 skips the second pass.
#        DATA=/tmp/bench100k bench/http/run.sh     # keeps the data folder (not deleted at the end)
#        DATA=/tmp/bench100k COLD_ONLY=1 bench/http/run.sh
#            # only the cold start and the RSS at 100k, on a folder a full run left with DATA=:
#            # COLD_RUNS cold starts (default 3), each to the first 200 of the three homes, then
#            # the 100k pages under wrk (DURATION, default 5s here) and the RSS after. < 2 min once built.
#        NO_BUILD=1 uses the Release binaries already built (an up-to-date build still takes minutes on a busy host).
# Needs: the .NET SDK; installs wrk and nginx-light when missing. Traffic goes to 127.0.0.1 only.
# The numbers depend on what else runs on the machine: the script prints the load before each run.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5078}
NGINX_PORT=${NGINX_PORT:-5079}
COLD_ONLY=${COLD_ONLY:-0}
DURATION=${DURATION:-$([ "$COLD_ONLY" = 1 ] && echo 5s || echo 15s)}
WARMUP=${WARMUP:-$([ "$COLD_ONLY" = 1 ] && echo 2s || echo 10s)}
COUNT=${COUNT:-100000}
COLD_RUNS=${COLD_RUNS:-$([ "$COLD_ONLY" = 1 ] && echo 3 || echo 1)}
# wrk sends everything from 127.0.0.1: the per-address limits would answer 429.
export RallyNov__RateLimits__Enabled=false

PACKAGES=()
command -v wrk >/dev/null || PACKAGES+=(wrk)
[ -x /usr/sbin/nginx ] || PACKAGES+=(nginx-light)
if [ ${#PACKAGES[@]} -gt 0 ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}" >/dev/null
fi

KEEP_DATA=${DATA:+1}
DATA=${DATA:-$(mktemp -d)}
mkdir -p "$DATA"
if [ "$COLD_ONLY" = 1 ] && [ ! -f "$DATA/tenants.json" ]; then
  echo "COLD_ONLY=1 needs DATA= pointing to the folder of an earlier full run (DATA=... bench/http/run.sh)" >&2
  exit 2
fi
WORK=$(mktemp -d)
SERVER=""
NGINX=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null || true
  [ -n "$KEEP_DATA" ] || rm -rf "$DATA"
  rm -rf "$WORK"
}
trap cleanup EXIT
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production RallyNov__DataPath="$DATA"

[ "${NO_BUILD:-0}" = 1 ] || dotnet build -c Release src/RallyNov.Cms -nologo -v q >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
export ASPNETCORE_CONTENTROOT="$BIN"
load() { cut -d' ' -f1-3 /proc/loadavg; }
BASE="http://127.0.0.1:$PORT"
TCK=$(getconf CLK_TCK)
# CPU seconds (user + system) the server has used: on a shared host the wall time of a cold start
# mostly says how busy the other processes are, its CPU time what the start costs.
cpu() { awk -v t="$TCK" '{printf "%.2f", ($14+$15)/t}' "/proc/$SERVER/stat"; }

start() { # $1: output cache on (true) or off (false); the search answer cache follows it
  local t0; t0=$(date +%s.%N)
  RallyNov__OutputCache__Enabled=$1 RallyNov__Search__AnswerCache=$1 dotnet "$BIN/RallyNov.Cms.dll" --urls "$BASE" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  # Cold start: from the process start to a 200 on each tenant's home.
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "$BASE/" && curl -sf -o /dev/null "$BASE/bourgogne/" && curl -sf -o /dev/null "$BASE/franche-comte/"; then
      printf '== %s to first 200 on /, /bourgogne/, /franche-comte/: %.2f s, server CPU %s s (load %s)\n' "${2:-cold start}" "$(echo "$(date +%s.%N) - $t0" | bc -l)" "$(cpu)" "$(load)"
      return
    fi
    sleep 0.05
  done
  echo "the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1
}
# VmRSS, then its parts: anonymous (GC heap, native), files mapped (assemblies, the Lucene index),
# shared (the runtime's double-mapped JIT code).
rss() { awk '/^(VmRSS|RssAnon|RssFile|RssShmem)/ {v[$1]=$2/1024} END {printf "%.0f MB (anon %.0f, file %.0f, shmem %.0f)", v["VmRSS:"], v["RssAnon:"], v["RssFile:"], v["RssShmem:"]}' "/proc/$SERVER/status"; }
stop() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""; }

# One row: name, URL. Prints req/s, p50, p99 as wrk reports them.
measure() {
  wrk -t2 -c16 -d"$WARMUP" "$2" >/dev/null
  local before out
  before=$(load)
  out=$(wrk -t2 -c16 -d"$DURATION" --latency "$2")
  printf '%-34s %10s req/s  p50 %8s  p99 %8s  (load before: %s)\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$before"
}

# The cold start and the RSS at COUNT items, on a data folder that already holds them.
pass100k() {
  PAGE40="/bourgogne/initiatives?departement=21&page=40"
  SYNTHETIC=$(curl -sf "$BASE$PAGE40" | grep -o 'href="/bourgogne/initiatives/[^"?#]*"' | head -1 | cut -d'"' -f2)
  echo "== pages at $COUNT items: $PAGE40, $SYNTHETIC"
  measure "100k: initiatives dép. 21 p. 40" "$BASE$PAGE40"
  measure "100k: initiative (cache off)" "$BASE$SYNTHETIC"
  measure "100k: home /bourgogne/" "$BASE/bourgogne/"
  measure "100k: home / (portal)" "$BASE/"
  measure "100k: laureates" "$BASE/bourgogne/laureats"
  measure "100k: api Initiative" "$BASE/bourgogne/api/content/Initiative"
  echo "== RSS after the run at $COUNT items: $(rss), server CPU $(cpu) s"
}

if [ "$COLD_ONLY" = 1 ]; then
  echo "== machine: $(nproc) cores, commit $(git rev-parse --short HEAD), data $DATA"
  echo "== uptime: $(uptime)"
  for i in $(seq 1 "$COLD_RUNS"); do
    start false "cold start $i at $COUNT items"
    echo "== RSS right after the cold start: $(rss)"
    [ "$i" = "$COLD_RUNS" ] || stop
  done
  pass100k
  stop
  echo "== uptime: $(uptime)"
  exit 0
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), commit $(git rev-parse --short HEAD)"
echo "== uptime: $(uptime)"
echo "== first start: setting up the three tenants from their recipes"
start true "first start (tenants set up from their recipes)"
# An initiative page and a search page of the sample content (first links found).
INITIATIVE=$(curl -sf "$BASE/bourgogne/initiatives" | grep -o 'href="/bourgogne/initiatives/[^"?#]*"' | head -1 | cut -d'"' -f2)
SEARCH="/recherche?q=insertion"
LIST="/bourgogne/initiatives?departement=21"
curl -sf -o "$WORK/home.html" "$BASE/"
echo "== pages: / ($(wc -c <"$WORK/home.html") bytes), $INITIATIVE, $SEARCH"

# nginx serving the home page's bytes as a static file: what this machine does at best.
mkdir -p "$WORK/www" "$WORK/nginx"
cp "$WORK/home.html" "$WORK/www/index.html"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX=$!
sleep 1

echo "== wrk -t2 -c$((16)) -d$DURATION --latency (after a $WARMUP warm-up per URL), output cache ON"
measure "nginx static (home bytes)" "http://127.0.0.1:$NGINX_PORT/"
measure "home / (cached)" "$BASE/"
measure "initiative (cached)" "$BASE$INITIATIVE"
measure "search (cached)" "$BASE$SEARCH"
stop

echo "== output cache OFF (RallyNov__OutputCache__Enabled=false, RallyNov__Search__AnswerCache=false; validators stay)"
start false
measure "home / (cache off)" "$BASE/"
measure "home /bourgogne/ (cache off)" "$BASE/bourgogne/"
measure "initiative (cache off)" "$BASE$INITIATIVE"
measure "initiatives dép. 21 (cache off)" "$BASE$LIST"
measure "laureates (cache off)" "$BASE/bourgogne/laureats"
measure "events (cache off)" "$BASE/bourgogne/evenements"
measure "partners (cache off)" "$BASE/bourgogne/partenaires"
measure "api Initiative (cache off)" "$BASE/bourgogne/api/content/Initiative"
measure "search (both caches off)" "$BASE$SEARCH"
measure "feed (cache off)" "$BASE/bourgogne/feed.xml"
echo "== RSS after the sample pass: $(rss)"
stop

if [ "$COUNT" -gt 0 ]; then
  echo "== second pass: seed-synthetic $COUNT initiatives into Bourgogne, then index rebuild (load $(load))"
  S0=$(date +%s)
  dotnet "$BIN/RallyNov.Cms.dll" seed-synthetic --tenant Bourgogne --count "$COUNT" --type Initiative | tr '\r' '\n' | tail -1
  dotnet "$BIN/RallyNov.Cms.dll" index rebuild --tenant Bourgogne | tr '\r' '\n' | tail -1
  echo "== seeded and indexed in $(( $(date +%s) - S0 )) s"
  for i in $(seq 1 "$COLD_RUNS"); do
    start false "cold start $i at $COUNT items"
    [ "$i" = "$COLD_RUNS" ] || stop
  done
  pass100k
  stop
  [ -z "$KEEP_DATA" ] || echo "== data kept in $DATA: DATA=$DATA COLD_ONLY=1 $0 re-runs the cold start and RSS part"
fi
measure "nginx static again" "http://127.0.0.1:$NGINX_PORT/"
echo "== uptime: $(uptime)"
