#!/usr/bin/env bash
# Public list benchmark: /initiatives with a filter on COUNT synthetic initiatives (issue 4).
# Usage: bench/search/lists.sh   (COUNT=20000 TENANT=Bourgogne PREFIX=bourgogne PORT=5078 by default)
#   DATA=/some/folder reuses an already seeded data folder (kept); otherwise a throwaway one.
# Needs: the .NET SDK, curl; wrk for req/s. Sends traffic to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-20000}
TENANT=${TENANT:-Bourgogne}
PREFIX=${PREFIX:-bourgogne}
PORT=${PORT:-5078}
URL_PATH=${URL_PATH:-/$PREFIX/initiatives?departement=25}

if [ -z "${DATA:-}" ]; then
  DATA=$(mktemp -d); SEED=1
  trap 'kill ${SERVER:-0} 2>/dev/null || true; rm -rf "$DATA"' EXIT
else
  SEED=${SEED:-0}
  trap 'kill ${SERVER:-0} 2>/dev/null || true' EXIT
fi
export RallyNov__DataPath="$DATA" RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production
# wrk sends everything from 127.0.0.1: the per-address limits (120 searches a minute) would answer 429.
export RallyNov__RateLimits__Enabled=false

dotnet build -c Release src/RallyNov.Cms -nologo -v q >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
export ASPNETCORE_CONTENTROOT="$BIN"
CMS="dotnet $BIN/RallyNov.Cms.dll"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$SEED" = 1 ]; then
  $CMS seed-synthetic --tenant "$TENANT" --count "$COUNT" --type Initiative | tr '\r' '\n' | tail -1
  $CMS index rebuild --tenant "$TENANT" | tr '\r' '\n' | tail -1
fi

$CMS --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT$URL_PATH"; done # warm-up
echo "== sequential: 10 × GET $URL_PATH (seconds per request)"
for _ in $(seq 1 10); do curl -s -o /dev/null -w '%{time_total} ' "http://127.0.0.1:$PORT$URL_PATH"; done; echo
if command -v wrk >/dev/null; then
  echo "== wrk -t2 -c8 -d15s"
  wrk -t2 -c8 -d15s "http://127.0.0.1:$PORT$URL_PATH"
fi
