#!/usr/bin/env bash
# Search benchmark on this machine, per corpus: synthetic items in a throwaway data folder, then
#   1. full rebuild time,  2. server-side latency p50/p99 (no HTTP),  3. queries/s over HTTP with wrk.
# Usage: bench/search/run.sh     (CORPUS=both COUNT=100000 TYPE=Initiative TENANT=Bourgogne by default)
#   CORPUS=phrases    the 15-sentence phrase bank (every word very frequent)
#   CORPUS=realistic  words of Debian's wfrench list with a Zipf law + the seed reports' sentences
#                     (installs wfrench; SEEDS=/work/shared/seeds is the folder of the reports)
#   KEEP=/some/folder keeps each corpus's seeded and indexed data folder there (KEEP/phrases, KEEP/realistic),
#                     for bench/search/ab.sh.
#   REUSE=/some/folder starts from the data folders a KEEP run left (no seeding; the rebuild still runs);
#                     with HTTP_ONLY=1, only the HTTP step runs on them.
#   WARMUP=30 DURATION=20 seconds of wrk per HTTP run (warm-up, then measured), ROUNDS=20 in-process rounds;
#   CACHE_RUN=1 also measures with the answer cache on (0: only the uncached search, the issue's target).
#   A quick run of both corpora in under 5 minutes on a quiet 2-core host:
#     COUNT=100000 WARMUP=15 DURATION=10 ROUNDS=10 CACHE_RUN=0 bench/search/run.sh
# Every step prints the host's load; the rebuild and the server also print their processor time
# (user + sys), the figure that stays comparable when other processes share the cores.
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
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-20}
CACHE_RUN=${CACHE_RUN:-1}
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
trap 'kill ${SERVER:-0} 2>/dev/null || true; if [ -n "$DATA" ] && [ -z "${KEEP:-}" ] && [ -z "${REUSE:-}" ]; then rm -rf "$DATA"; fi' EXIT
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production
# wrk sends everything from 127.0.0.1: the per-address limits (120 searches a minute) would answer 429.
export RallyNov__RateLimits__Enabled=false

# Own build nodes (-nodeReuse:false): on a shared host a reused MSBuild node busy with another build stalled this one.
dotnet build -c Release src/RallyNov.Cms -nologo -v q -nodeReuse:false >/dev/null
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
# The build output holds appsettings.json (the tenants) and the recipes: make it the content root.
export ASPNETCORE_CONTENTROOT="$BIN"
CMS="dotnet $BIN/RallyNov.Cms.dll"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Processor seconds (user + sys) a process has used so far.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
TIMEFORMAT='   (%R s wall, %U s user + %S s sys)'

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, commit $(git rev-parse --short HEAD)"
for C in $CORPORA; do
  if [ -n "${REUSE:-}" ]; then DATA="$REUSE/$C"; [ -d "$DATA" ] || { echo "REUSE: no $DATA" >&2; exit 2; }
  elif [ -n "${KEEP:-}" ]; then DATA="$KEEP/$C"; rm -rf "$DATA"; mkdir -p "$DATA"; else DATA=$(mktemp -d); fi
  export RallyNov__DataPath="$DATA"
  ARGS=()
  if [ "$C" = realistic ]; then ARGS=(--corpus realistic --words "$WORDS" --sentences "$SEEDS"); fi
  echo "==== corpus: $C"
  if [ -z "${REUSE:-}" ]; then
    echo "== seed $COUNT × $TYPE into $TENANT (load $(load))"
    time ($CMS seed-synthetic --tenant "$TENANT" --count "$COUNT" --type "$TYPE" "${ARGS[@]}" | tr '\r' '\n' | tail -1)
  fi
  if [ "${HTTP_ONLY:-0}" != 1 ]; then
    echo "== rebuild (load $(load))"
    time ($CMS index rebuild --tenant "$TENANT" | tr '\r' '\n' | tail -1)
    echo "== index size: $(du -sh "$DATA/Sites/$TENANT/Lucene" | cut -f1) (load $(load))"
    echo "== server-side latency (load $(load))"
    time $CMS search-bench --tenant "$TENANT" --queries "$QUERIES" --rounds "${ROUNDS:-20}"
  fi

  if command -v wrk >/dev/null; then
    # Twice: the search itself (answer cache and output cache off: the issue's "uncached" target),
    # then with both caches on, as the site runs.
    CACHES=(false); if [ "$CACHE_RUN" = 1 ]; then CACHES+=(true); fi
    for CACHE in "${CACHES[@]}"; do
      echo "== HTTP: wrk -t2 -c16 -d${DURATION}s /$PREFIX/api/search (queries in rotation), answer cache and output cache: $CACHE"
      RallyNov__Search__AnswerCache=$CACHE RallyNov__OutputCache__Enabled=$CACHE $CMS --urls "http://127.0.0.1:$PORT" >/dev/null 2>&1 &
      SERVER=$!
      for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
      # Warm-up: the JIT's tiers, the first touches of the memory-mapped index and the per-segment
      # decodings settle under load over ~20 s on 2 cores (a 6 s run after 8 s still showed half the rate).
      QUERIES=$QUERIES wrk -t2 -c16 -d"${WARMUP}s" -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search" >/dev/null
      echo "(load $(load))"
      BEFORE=$(cpu $SERVER)
      QUERIES=$QUERIES wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/search/queries.lua "http://127.0.0.1:$PORT/$PREFIX/api/search"
      echo "(load $(load); server processor time during the run: $(awk -v a="$BEFORE" -v b="$(cpu $SERVER)" 'BEGIN { printf "%.1f", b - a }') s)"
      kill $SERVER; wait $SERVER 2>/dev/null || true
    done
  else
    echo "== wrk not installed: apt-get install -y wrk to measure queries/s"
  fi
  if [ -z "${KEEP:-}" ] && [ -z "${REUSE:-}" ]; then rm -rf "$DATA"; fi
done
