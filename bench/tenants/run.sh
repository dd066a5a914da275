#!/usr/bin/env bash
# Tenant management at scale: 500 set-up sites, the « Sites » list, and how fast a running server
# follows a change made by the command line. Usage: bench/tenants/run.sh [count] (default 500).
# Uses the existing build (dotnet build first); a throw-away data folder and port on loopback.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-500}
dll=src/RallyNov.Cms/bin/Debug/net10.0/RallyNov.Cms.dll
[ -f src/RallyNov.Cms/bin/Release/net10.0/RallyNov.Cms.dll ] && dll=src/RallyNov.Cms/bin/Release/net10.0/RallyNov.Cms.dll
data=$(mktemp -d /tmp/rallynov-bench-tenants.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
export RallyNov__DataPath=$data RallyNov__Setup__AdminPassword='Bench-Passw0rd-1' DOTNET_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
cli() { dotnet "$dll" "$@"; }
now() { date +%s.%N; }
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$data"; }
trap cleanup EXIT

echo "== one site set up from « Territoire » by the command line (process start included)"
t0=$(now); cli tenants create --name Modele --prefix modele --admin-user bench --admin-email b@example.org --admin-password 'Bench-Passw0rd-1' >/dev/null; t1=$(now)
printf 'tenants create: %.1f s\n' "$(echo "$t1 - $t0" | bc)"

echo "== $count sites: copies of that one (database, media), all Running"
python3 - "$data" "$count" <<'PY'
import json, shutil, sys, os
data, count = sys.argv[1], int(sys.argv[2])
path = os.path.join(data, "tenants.json")
doc = json.load(open(path))
template = next(t for t in doc["tenants"] if t["name"] == "Modele")
existing = len(doc["tenants"])
for i in range(1, count - existing + 1):
    name = f"Site{i:04d}"
    shutil.copytree(os.path.join(data, "Sites", "Modele"), os.path.join(data, "Sites", name))
    entry = dict(template, name=name, displayName=f"Territoire {i}", urlPrefix=f"site-{i:04d}", state="Running")
    doc["tenants"].append(entry)
json.dump(doc, open(path, "w"), ensure_ascii=False, indent=1)
print(len(doc["tenants"]), "tenants")
PY

echo "== server start with $count sites"
t0=$(now)
dotnet "$dll" --urls "$base" >"$data/server.log" 2>&1 &
server_pid=$!
until curl -s -o /dev/null "$base/health"; do sleep 0.2; done
t1=$(now); printf 'start until /health answers: %.1f s\n' "$(echo "$t1 - $t0" | bc)"

jar="$data/cookies"
token=$(curl -s -c "$jar" "$base/admin/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "UserName=admin&Password=Bench-Passw0rd-1&__RequestVerificationToken=$token" "$base/admin/login"
page() { curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}' "$base$1"; }
echo "== « Sites » list (50 per page; the content figures of a page are read from its 50 databases, then kept 30 s)"
echo "page 1, cold:            $(page '/admin/tenants')"
echo "page 1, warm:            $(page '/admin/tenants')"
echo "page 10, cold:           $(page '/admin/tenants?page=10')"
echo "search « site-0420 »:    $(page '/admin/tenants?q=site-0420')"
echo "filter disabled (none):  $(page '/admin/tenants?etat=disabled')"
for i in 1 2 3 4 5; do printf '%s ' "$(page '/admin/tenants?page=5' | cut -d' ' -f2)"; done; echo " ← page 5, five times (first cold)"

echo "== a change by the command line, seen by the running server (from the verb's exit to the first 503/200)"
for i in 1 2 3 4 5; do
  cli tenants disable --name Site0100 >/dev/null; t0=$(now)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/site-0100/")" = 503 ]; do sleep 0.02; done; t1=$(now)
  cli tenants enable --name Site0100 >/dev/null; t2=$(now)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/site-0100/")" = 200 ]; do sleep 0.02; done; t3=$(now)
  printf 'disable → 503 after %.2f s; enable → 200 after %.2f s\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$t3 - $t2" | bc)"
done
t0=$(now); cli tenants create --name Nouveau --prefix nouveau --admin-user bench --admin-email b@example.org --admin-password 'Bench-Passw0rd-1' >/dev/null; t1=$(now)
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/nouveau/")" = 200 ]; do sleep 0.02; done; t2=$(now)
printf 'create (%d sites already): verb %.1f s, then 200 after %.2f s\n' "$count" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)"
