#!/usr/bin/env bash
# Lighthouse on the public pages, mobile (Lighthouse's default: simulated slow 4G, 4x CPU slowdown,
# Moto G Power screen) and desktop (--preset=desktop), on Debian's Chromium, offline.
# Builds Release, starts the app on a fresh data folder (three tenants set up from their recipes,
# with the sample content), runs Lighthouse on seven pages and prints one row per page and preset:
# the four category scores (performance, accessibility, best practices, SEO) and LCP, CLS, TBT.
# The JSON and HTML reports stay in a temp folder (printed at the end); nothing is appended anywhere.
# A bench, not a test: performance scores depend on timing and on the machine's load.
# Usage: bench/lighthouse/run.sh
#        NO_BUILD=1 bench/lighthouse/run.sh                     # Release binaries already built
#        BIN=/tmp/old/net10.0 bench/lighthouse/run.sh           # another build (A/B), implies NO_BUILD
#        PRESETS=desktop PAGES="/ /bourgogne/" bench/lighthouse/run.sh
#        OUT=/tmp/lh bench/lighthouse/run.sh                    # reports there (kept)
#        ALL=1 bench/lighthouse/run.sh     # eleven more pages (lists, details, forms, open data, legal)
# Lighthouse audits 200 pages only (a 404 page is refused). On a loaded host a run sometimes fails
# to record its trace (NO_NAVSTART): it is tried a second time.
# Needs: Node >= 18.16 and npm (Lighthouse 12.8.2 is installed from the npm registry into
# bench/lighthouse/node_modules on first run, pinned by package-lock.json), chromium (installed
# when missing), the .NET SDK. Traffic goes to 127.0.0.1 only; Lighthouse downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE="$ROOT/bench/lighthouse"
PORT=${PORT:-5088}
PRESETS=${PRESETS:-"mobile desktop"}
# Lighthouse asks each page from one origin; the tenant prefix is part of the path.
BASE="http://127.0.0.1:$PORT"
export RallyNov__RateLimits__Enabled=false

if [ ! -x /usr/bin/chromium ]; then
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 chromium >/dev/null
fi
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
if [ ! -x "$HERE/node_modules/.bin/lighthouse" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
LIGHTHOUSE="$HERE/node_modules/.bin/lighthouse"

DATA=$(mktemp -d)
KEEP_OUT=${OUT:+1}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
export RallyNov__Setup__AdminPassword='Bench-Passw0rd!' ASPNETCORE_ENVIRONMENT=Production RallyNov__DataPath="$DATA"

if [ -z "${BIN:-}" ]; then
  [ "${NO_BUILD:-0}" = 1 ] || dotnet build -c Release src/RallyNov.Cms -nologo -v q >/dev/null
  BIN="$ROOT/src/RallyNov.Cms/bin/Release/net10.0"
fi
export ASPNETCORE_CONTENTROOT="$BIN"

echo "== machine: $(nproc) cores, commit $(git rev-parse --short HEAD), binaries $BIN"
echo "== $("$LIGHTHOUSE" --version | sed 's/^/lighthouse /'), $("$CHROME_PATH" --version 2>/dev/null)"
echo "== uptime: $(uptime)"
dotnet "$BIN/RallyNov.Cms.dll" --urls "$BASE" >"$OUT/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 1200); do
  if curl -sf -o /dev/null "$BASE/" && curl -sf -o /dev/null "$BASE/bourgogne/" && curl -sf -o /dev/null "$BASE/franche-comte/"; then
    break
  fi
  kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped" >&2; cat "$OUT/server.log" >&2; exit 1; }
  sleep 0.1
done

# The first initiative and the first event the lists link to (the sample content's slugs may change).
first_link() { curl -sf "$BASE$1" | grep -o "href=\"$1/[^\"?#]*\"" | head -1 | cut -d'"' -f2; }
INITIATIVE=$(first_link /bourgogne/initiatives)
EVENT=$(first_link /evenements)
LAUREATE=$(first_link /bourgogne/laureats)
[ -n "$EVENT" ] || EVENT=$(first_link /bourgogne/evenements)
PAGES=${PAGES:-"/ /initiatives $INITIATIVE /recherche?q=insertion /bourgogne/ /laureats $EVENT"}
if [ "${ALL:-0}" = 1 ]; then
  # The other public pages: lists, the detail of each type, forms, open data, legal pages, a 404.
  PAGES="$PAGES /franche-comte/ /evenements /partenaires /actualites $LAUREATE $(first_link /actualites)"
  LEGAL=$(curl -sf "$BASE/" | grep -o 'href="/[^"]*mentions-legales"' | head -1 | cut -d'"' -f2)
  PAGES="$PAGES /bourgogne/initiatives?departement=21 /bourgogne/recherche?q=emploi+handicap /proposer /donnees $LEGAL"
fi

# Each page once before measuring: Lighthouse measures a warm server (output cache filled), as
# visitors get it, not the first request after a start.
for page in $PAGES; do curl -s -o /dev/null "$BASE$page"; done

# cpu: Lighthouse's benchmark index of this machine during the run (higher is faster; it falls
# when other processes take the cores, and mobile TBT rises with it: compare runs of like index).
printf '%-8s %-48s %5s %5s %5s %5s %8s %6s %7s %5s\n' preset page perf a11y bp seo LCP CLS TBT cpu
for preset in $PRESETS; do
  for page in $PAGES; do
    name="$preset$(echo "$page" | tr -c 'a-zA-Z0-9\n' '_')"
    args=(--quiet --chrome-flags="--headless=new --no-sandbox"
      --only-categories=performance,accessibility,best-practices,seo
      --output=json --output=html --output-path="$OUT/$name")
    [ "$preset" = desktop ] && args+=(--preset=desktop)
    if ! "$LIGHTHOUSE" "$BASE$page" "${args[@]}" 2>"$OUT/$name.log" && ! "$LIGHTHOUSE" "$BASE$page" "${args[@]}" 2>"$OUT/$name.log"; then
      printf '%-8s %-48s failed, see %s\n' "$preset" "$page" "$OUT/$name.log"
      continue
    fi
    node -e '
      const r = require(process.argv[1]);
      const s = k => r.categories[k].score === null ? "n/a" : Math.round(r.categories[k].score * 100);
      const a = k => r.audits[k].numericValue;
      const row = [process.argv[2].padEnd(8), process.argv[3].padEnd(48),
        String(s("performance")).padStart(5), String(s("accessibility")).padStart(5),
        String(s("best-practices")).padStart(5), String(s("seo")).padStart(5),
        ((a("largest-contentful-paint") / 1000).toFixed(2) + " s").padStart(8),
        a("cumulative-layout-shift").toFixed(3).padStart(6),
        (Math.round(a("total-blocking-time")) + " ms").padStart(7),
        String(Math.round(r.environment.benchmarkIndex)).padStart(5)];
      console.log(row.join(" "));
      // What kept a category under 100: the failing audits with a weight, by id.
      const failing = [];
      for (const [key, cat] of Object.entries(r.categories)) {
        for (const ref of cat.auditRefs) {
          const audit = r.audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 0.9) failing.push(`${key}:${ref.id}=${audit.score}`);
        }
      }
      if (failing.length) console.log("         under 0.9: " + failing.join(" "));
      // An audit Lighthouse could not compute (e.g. a trace format of a newer Chromium) says nothing: show it.
      const errors = Object.entries(r.audits).filter(([, a]) => a.scoreDisplayMode === "error").map(([id]) => id);
      if (errors.length) console.log("         audits in error: " + errors.join(" "));
    ' "$OUT/$name.report.json" "$preset" "$page"
  done
done
echo "== uptime: $(uptime)"
echo "== reports (JSON + HTML): $OUT$([ -n "$KEEP_OUT" ] || echo ' (temp folder, delete when done)')"
