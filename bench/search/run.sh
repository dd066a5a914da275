#!/usr/bin/env bash
# Search benchmark on this machine: synthetic items in a throwaway data folder, then
#   1. full rebuild time,  2. server-side latency p50/p99 (no HTTP),  3. queries/s over HTTP with wrk.
# Usage: bench/search/run.sh            (COUNT=100000 TYPE=Initiative TENANT=Bourgogne by default)
# Needs: the .NET SDK; wrk (apt-get install wrk) for step 3. Sends traffic to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
TYPE=${TYPE:-Initiative}
TENANT=${TENANT:-Bourgogne}
PREFIX=${PREFIX:-bourgogne}
PORT=${PORT:-5077}

DATA=$(mktemp -d)
export RallyNov__DataPath="$DATA" RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production
# wrk sends everything from 127.0.0.1: the per-address limits (120 searches a minute) would answer 429.
export RallyNov__RateLimits__Enabled=false
trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$DATA"' EXIT

dotnet build -c Release src/RallyNov.Cms -nologo -v q >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
# The build output holds appsettings.json (the tenants) and the recipes: make it the content root.
export ASPNETCORE_CONTENTROOT="$BIN"
CMS="dotnet $BIN/RallyNov.Cms.dll"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== seed $COUNT × $TYPE into $TENANT"
$CMS seed-synthetic --tenant "$TENANT" --count "$COUNT" --type "$TYPE" | tr '\r' '\n' | tail -1
echo "== rebuild"
$CMS index rebuild --tenant "$TENANT" | tr '\r' '\n' | tail -1
echo "== server-side latency"
$CMS search-bench --tenant "$TENANT" --queries bench/search/queries.txt --rounds "${ROUNDS:-20}"

if command -v wrk >/dev/null; then
  # Twice: the search itself (answer cache off, the issue's target), then with the answer cache on.
  for CACHE in false true; do
    echo "== HTTP: wrk -t2 -c16 -d20s /$PREFIX/api/search (50 queries in rotation), answer cache: $CACHE"
    RallyNov__Search__AnswerCache=$CACHE $CMS --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
    SERVER=$!
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
    # Warm-up: the JIT's tiers, the first touches of the memory-mapped index and the per-segment
    # decodings settle under load over ~20 s on 2 cores (a 6 s run after 8 s still showed half the rate).
    QUERIES=bench/search/queries.txt wrk -t2 -c16 -d30s -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search" >/dev/null
    QUERIES=bench/search/queries.txt wrk -t2 -c16 -d20s --latency -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search"
    kill $SERVER; wait $SERVER 2>/dev/null || true
  done
else
  echo "== wrk not installed: apt-get install -y wrk to measure queries/s"
fi
