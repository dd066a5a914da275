#!/usr/bin/env bash
# One build on one data folder: cold start to the first 200 of the three homes (wall and server
# CPU), then wrk -t2 -c16 on four uncached pages at 100k items (req/s and server CPU ms per
# request), and the RSS after (anon/file). Output and answer caches off. Run it for two builds
# alternated (before, after, before, after) to compare them on a busy host; env after NAME is
# passed to the server (e.g. DOTNET_gcServer=0 to try a GC setting).
# Usage: bench/http/cold-ab.sh BIN_DIR DATA_DIR NAME [VAR=value...]   (D=4s wrk duration, PORT=5192)
# DATA_DIR: a folder left by `DATA=... bench/http/run.sh` (three tenants + 100 000 initiatives).
BIN=$1; DATA=$2; NAME=$3; shift 3; PORT=${PORT:-5192}
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production RallyNov__DataPath="$DATA" ASPNETCORE_CONTENTROOT="$BIN" RallyNov__RateLimits__Enabled=false RallyNov__OutputCache__Enabled=false RallyNov__Search__AnswerCache=false
for kv in "$@"; do export "$kv"; done
BASE=http://127.0.0.1:$PORT
t0=$(date +%s.%N)
dotnet $BIN/RallyNov.Cms.dll --urls $BASE > "${TMPDIR:-/tmp}/cold-ab-server.log" 2>&1 &
S=$!
until curl -sf -o /dev/null $BASE/ && curl -sf -o /dev/null $BASE/bourgogne/ && curl -sf -o /dev/null $BASE/franche-comte/; do sleep 0.05; done
cold=$(echo "$(date +%s.%N) - $t0" | bc)
cpu() { awk '{print ($14+$15)*10}' /proc/$S/stat; }  # ms
rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$S/status; }
out="$NAME cold $(printf %.2f $cold)s cpu $(cpu)ms rss0 $(rss)MB"
P40="/bourgogne/initiatives?departement=21&page=40"
ITEM=$(curl -sf "$BASE$P40" | grep -o 'href="/bourgogne/initiatives/[^"?#]*"' | head -1 | cut -d'"' -f2)
for u in "$P40" "$ITEM" /bourgogne/ /; do
  c0=$(cpu); r=$(wrk -t2 -c16 -d${D:-5s} "$BASE$u" | awk '/^Requests\/sec/ {print $2} /requests in/ {print $1}' | tr '\n' ' '); c1=$(cpu)
  set -- $r; out="$out | $(basename "$u" | cut -c1-14) $2 r/s $(echo "($c1-$c0)/$1" | bc -l | cut -c1-5)ms/req"
done
echo "$out | rss $(rss)MB $(grep -E 'RssAnon|RssFile' /proc/$S/status | awk '{printf "%s%.0f ", $1, $2/1024}') load $(cut -d' ' -f1 /proc/loadavg)"
kill $S; wait $S 2>/dev/null
