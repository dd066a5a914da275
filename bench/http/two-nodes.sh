#!/usr/bin/env bash
# Two nodes behind nginx on PostgreSQL + Redis, everything on loopback: req/s of the mixed public
# workload through nginx to one node vs to two (round robin, no sticky sessions), then the
# publish-to-visible latency (publish on node A, found by node B's search) p50/p99.
# Usage: bench/http/two-nodes.sh   (DURATION=15s WARMUP=5s CONNECTIONS=16 PUBLISHES=30 CONFIG=Release BASE_PORT=5180)
# Needs: the .NET SDK, postgresql, redis-server, nginx-light, wrk, python3 (Debian packages).
# Throwaway PostgreSQL and Redis servers are started in a temp folder and deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
PUBLISHES=${PUBLISHES:-30}
CONFIG=${CONFIG:-Release}
P=${BASE_PORT:-5180}
ONE_PORT=$P; TWO_PORT=$((P + 1)); A_PORT=$((P + 2)); B_PORT=$((P + 3)); PG_PORT=$((P + 4)); REDIS_PORT=$((P + 5))
PASSWORD='Bench-Passw0rd!'

WORK=$(mktemp -d /tmp/rallynov-two-nodes.XXXXXX)
PG=$(mktemp -d /tmp/rallynov-two-nodes-pg.XXXXXX)   # its own folder: as root it belongs to the postgres user
PIDS=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_as() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pg_as "$pg_bin/pg_ctl" -D "$PG/data" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  # The nodes and Redis write their last lines while they stop: wait for them, then delete.
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do [ -f "$WORK/redis.pid" ] && kill -0 "$(cat "$WORK/redis.pid")" 2>/dev/null || break; sleep 0.1; done
  rm -rf "$WORK" "$PG" || true
}
trap cleanup EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

dotnet build -c "$CONFIG" src/RallyNov.Cms -nologo -v q >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/$CONFIG/net10.0"

mkdir -p "$WORK/a" "$WORK/b" "$WORK/nginx"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG"; fi
pg_as "$pg_bin/initdb" -D "$PG/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_as "$pg_bin/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG -c max_connections=200" start >/dev/null
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
  --dir "$WORK" --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log"

export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$BIN" \
  RallyNov__Setup__AdminPassword="$PASSWORD" RallyNov__RateLimits__Enabled=false \
  RallyNov__Database__Provider=Postgres \
  RallyNov__Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=rallynov" \
  RallyNov__Redis__Configuration="127.0.0.1:$REDIS_PORT" RallyNov__Media__Root="$WORK/media" \
  Logging__LogLevel__Default=Warning
pg_as "$pg_bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc 'CREATE DATABASE rallynov'

start() { # $1 data folder, $2 port
  RallyNov__DataPath="$1" dotnet "$BIN/RallyNov.Cms.dll" --urls "http://127.0.0.1:$2" >"$1/server.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && return; sleep 1; done
  echo "the node on port $2 did not start" >&2; tail -20 "$1/server.log" >&2; exit 1
}

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), commit $(git rev-parse --short HEAD), $CONFIG"
echo "== uptime: $(uptime)"
echo "== node A sets the three tenants up on PostgreSQL, then node B starts on the same database"
start "$WORK/a" "$A_PORT"
# The tenant list lives in PostgreSQL (rallynov_shared.tenants): node B reads it from there.
start "$WORK/b" "$B_PORT"

# nginx: port ONE → node A only; port TWO → both nodes, round robin, no sticky sessions.
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  upstream one { server 127.0.0.1:$A_PORT; keepalive 32; }
  upstream two { server 127.0.0.1:$A_PORT; server 127.0.0.1:$B_PORT; keepalive 32; }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto \$scheme;
  server { listen 127.0.0.1:$ONE_PORT; location / { proxy_pass http://one; } }
  server { listen 127.0.0.1:$TWO_PORT; location / { proxy_pass http://two; } }
}
EOF
/usr/sbin/nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
PIDS+=($!)
sleep 1

# The mixed public workload: homes of the three tenants, lists, an initiative, searches, feed.
BASE="http://127.0.0.1:$A_PORT"
INITIATIVE=$(curl -sf "$BASE/bourgogne/initiatives" | grep -o 'href="/bourgogne/initiatives/[^"?#]*"' | head -1 | cut -d'"' -f2)
cat >"$WORK/paths.txt" <<EOF
/
/bourgogne/
/franche-comte/
/bourgogne/initiatives
$INITIATIVE
/bourgogne/laureats
/recherche?q=insertion
/bourgogne/recherche?q=emploi
/bourgogne/evenements
/feed.xml
EOF
echo "== mixed workload: $(tr '\n' ' ' <"$WORK/paths.txt")"

measure() { # $1 name, $2 base URL
  PATHS="$WORK/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/http/mixed.lua "$2" >/dev/null
  local before out
  before=$(load)
  out=$(PATHS="$WORK/paths.txt" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/http/mixed.lua "$2")
  printf '%-28s %10s req/s  p50 %8s  p99 %8s  non-2xx/3xx: %s  (load before: %s)\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx/ {print $4}' <<<"$out" | grep . || echo 0)" "$before"
}

echo "== wrk -t2 -c$CONNECTIONS -d$DURATION --latency (after a $WARMUP warm-up), through nginx"
measure "nginx -> node A only" "http://127.0.0.1:$ONE_PORT"
measure "nginx -> nodes A + B" "http://127.0.0.1:$TWO_PORT"
measure "nginx -> node A only (again)" "http://127.0.0.1:$ONE_PORT"

echo "== publish on A, visible in B's search ($PUBLISHES publishes, one at a time)"
python3 bench/http/publish_latency.py "http://127.0.0.1:$A_PORT" "http://127.0.0.1:$B_PORT" "$PASSWORD" "$PUBLISHES"
echo "== uptime: $(uptime)"
