#!/usr/bin/env bash
# Search benchmark on this machine, per corpus: synthetic items in a throwaway data folder, then
#   1. full rebuild time,  2. server-side latency p50/p99 (no HTTP),  3. queries/s over HTTP with wrk.
# Usage: bench/search/run.sh     (CORPUS=both COUNT=100000 TYPE=Initiative TENANT=Bourgogne by default)
#   CORPUS=phrases    the 15-sentence phrase bank (every word very frequent)
#   CORPUS=realistic  words of Debian's wfrench list with a Zipf law + the seed reports' sentences
#                     (installs wfrench; SEEDS=/work/shared/seeds is the folder of the reports)
#   KEEP=/some/folder keeps each corpus's seeded and indexed data folder there (KEEP/phrases, KEEP/realistic),
#                     for bench/search/ab.sh.
# Needs: the .NET SDK; installs wrk and wfrench when missing. Sends traffic to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${COUNT:-100000}
TYPE=${TYPE:-Initiative}
TENANT=${TENANT:-Bourgogne}
PREFIX=${PREFIX:-bourgogne}
PORT=${PORT:-5077}
CORPUS=${CORPUS:-both}
SEEDS=${SEEDS:-/work/shared/seeds}
QUERIES=${QUERIES:-bench/search/queries.txt}
WORDS=/usr/share/dict/french

case "$CORPUS" in
  both) CORPORA="phrases realistic" ;;
  phrases|realistic) CORPORA=$CORPUS ;;
  *) echo "CORPUS: phrases, realistic or both" >&2; exit 2 ;;
esac
# Debian packages: wfrench for the realistic corpus's words, wrk for the HTTP step.
PACKAGES=()
if [[ " $CORPORA " == *" realistic "* && ! -f $WORDS ]]; then PACKAGES+=(wfrench); fi
if ! command -v wrk >/dev/null; then PACKAGES+=(wrk); fi
if [ ${#PACKAGES[@]} -gt 0 ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 "${PACKAGES[@]}" >/dev/null
fi

DATA=""
trap 'kill ${SERVER:-0} 2>/dev/null || true; if [ -n "$DATA" ] && [ -z "${KEEP:-}" ]; then rm -rf "$DATA"; fi' EXIT
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production
# wrk sends everything from 127.0.0.1: the per-address limits (120 searches a minute) would answer 429.
export RallyNov__RateLimits__Enabled=false

dotnet build -c Release src/RallyNov.Cms -nologo -v q >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
# The build output holds appsettings.json (the tenants) and the recipes: make it the content root.
export ASPNETCORE_CONTENTROOT="$BIN"
CMS="dotnet $BIN/RallyNov.Cms.dll"
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, commit $(git rev-parse --short HEAD)"
for C in $CORPORA; do
  if [ -n "${KEEP:-}" ]; then DATA="$KEEP/$C"; rm -rf "$DATA"; mkdir -p "$DATA"; else DATA=$(mktemp -d); fi
  export RallyNov__DataPath="$DATA"
  ARGS=()
  if [ "$C" = realistic ]; then ARGS=(--corpus realistic --words "$WORDS" --sentences "$SEEDS"); fi
  echo "==== corpus: $C"
  echo "== seed $COUNT × $TYPE into $TENANT (load $(load))"
  $CMS seed-synthetic --tenant "$TENANT" --count "$COUNT" --type "$TYPE" "${ARGS[@]}" | tr '\r' '\n' | tail -1
  echo "== rebuild (load $(load))"
  $CMS index rebuild --tenant "$TENANT" | tr '\r' '\n' | tail -1
  echo "== index size: $(du -sh "$DATA/Sites/$TENANT/Lucene" | cut -f1)"
  echo "== server-side latency (load $(load))"
  $CMS search-bench --tenant "$TENANT" --queries "$QUERIES" --rounds "${ROUNDS:-20}"

  if command -v wrk >/dev/null; then
    # Twice: the search itself (answer cache off, the issue's target), then with the answer cache on.
    for CACHE in false true; do
      echo "== HTTP: wrk -t2 -c16 -d20s /$PREFIX/api/search (queries in rotation), answer cache: $CACHE"
      RallyNov__Search__AnswerCache=$CACHE $CMS --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
      SERVER=$!
      for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
      # Warm-up: the JIT's tiers, the first touches of the memory-mapped index and the per-segment
      # decodings settle under load over ~20 s on 2 cores (a 6 s run after 8 s still showed half the rate).
      QUERIES=$QUERIES wrk -t2 -c16 -d30s -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search" >/dev/null
      echo "(load $(load))"
      QUERIES=$QUERIES wrk -t2 -c16 -d20s --latency -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search"
      echo "(load $(load))"
      kill $SERVER; wait $SERVER 2>/dev/null || true
    done
  else
    echo "== wrk not installed: apt-get install -y wrk to measure queries/s"
  fi
  if [ -z "${KEEP:-}" ]; then rm -rf "$DATA"; fi
done
