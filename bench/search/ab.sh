#!/usr/bin/env bash
# Compares two configurations of the search over HTTP on this noisy, shared host: two warm servers
# on copies of the same seeded and indexed data folder, short wrk runs alternating A B B A ...,
# answer cache off; prints each run with the load average, then the median of each side.
# Usage: DATA=/folder A_ENV="" B_ENV="NAME=value ..." bench/search/ab.sh
#   DATA     a data folder seeded and indexed (bench/search/run.sh with KEEP=...); copied, never changed
#   A_DATA/B_DATA  one folder per side instead (two builds with different index schemas)
#   A_BIN/B_BIN  build folders (default: this tree's Release build) — to compare two builds
#   A_ENV/B_ENV  environment of each server (e.g. RallyNov__Search__DecodedTermsMegabytes=0)
#   ROUNDS=6 DURATION=6s WARMUP=30s, QUERIES=bench/search/queries.txt, PREFIX=bourgogne
# Needs: wrk, curl. Sends traffic to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/../.."
A_DATA=${A_DATA:-${DATA:?DATA=seeded and indexed data folder}}; B_DATA=${B_DATA:-$DATA}
BIN="$PWD/src/RallyNov.Cms/bin/Release/net10.0"
A_BIN=${A_BIN:-$BIN}; B_BIN=${B_BIN:-$BIN}
A_ENV=${A_ENV:-}; B_ENV=${B_ENV:-}
ROUNDS=${ROUNDS:-6}; DURATION=${DURATION:-6s}; WARMUP=${WARMUP:-30s}
QUERIES=${QUERIES:-bench/search/queries.txt}; PREFIX=${PREFIX:-bourgogne}
export QUERIES
WORK=$(mktemp -d)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

start() { # side bin env port data
  cp -a "$5" "$WORK/$1"
  env $3 RallyNov__DataPath="$WORK/$1" RallyNov__Search__AnswerCache=false RallyNov__Setup__AdminPassword='Bench-Passw0rd!' \
    RallyNov__RateLimits__Enabled=false ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_CONTENTROOT="$2" dotnet "$2/RallyNov.Cms.dll" --urls "http://127.0.0.1:$4" >"$WORK/$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$4/health" >/dev/null && return; sleep 1; done
  echo "server $1 did not start" >&2; cat "$WORK/$1.log" >&2; exit 1
}
rate() { # port duration
  wrk -t2 -c16 -d"$2" -s bench/search/queries.lua "http://127.0.0.1:$1/$PREFIX/api/search" | awk '/Requests\/sec/ {print $2}'
}

echo "== A: ${A_ENV:-(default)} [$A_BIN]"
echo "== B: ${B_ENV:-(default)} [$B_BIN]"
start a "$A_BIN" "$A_ENV" 5091 "$A_DATA"
start b "$B_BIN" "$B_ENV" 5092 "$B_DATA"
rate 5091 "$WARMUP" >/dev/null; rate 5092 "$WARMUP" >/dev/null
: >"$WORK/a.rates"; : >"$WORK/b.rates"
for i in $(seq 1 "$ROUNDS"); do
  ORDER=$([ $((i % 2)) = 1 ] && echo "a b" || echo "b a")
  for side in $ORDER; do
    port=$([ "$side" = a ] && echo 5091 || echo 5092)
    r=$(rate "$port" "$DURATION")
    echo "$r" >>"$WORK/$side.rates"
    echo "run $i $side: $r req/s (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2)}'; }
A=$(median "$WORK/a.rates"); B=$(median "$WORK/b.rates")
echo "== median A $A req/s, B $B req/s, A/B $(awk -v a="$A" -v b="$B" 'BEGIN {printf "%.2f", a / b}') (A: $(tr '\n' ' ' <"$WORK/a.rates")| B: $(tr '\n' ' ' <"$WORK/b.rates"))"
