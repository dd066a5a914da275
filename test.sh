#!/usr/bin/env bash
# Runs every test of the solution, the browser tests included, and prints as its LAST line
# "N passed, N failed" (summed from the TRX files). Exit code 0 only when tests ran and all passed.
# Works on a fresh Debian machine with the .NET SDK: it installs Debian's chromium, postgresql,
# redis-server and python3-aiosmtpd when missing.
set -euo pipefail

cd "$(dirname "$0")"
root="$PWD"
results="$root/TestResults/test-sh"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# apt-get needs root: run it directly as root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "test.sh: '$*' needs root and sudo is not available." >&2
        return 1
    fi
}

# The end-to-end tests drive Debian's Chromium through Playwright (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
    echo "test.sh: installing Debian's chromium for the browser tests..."
    as_root apt-get update -o DPkg::Lock::Timeout=600
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 chromium
fi

# The PostgreSQL tests run the site on a throwaway server of Debian's postgresql, on loopback.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
    echo "test.sh: installing Debian's postgresql for the PostgreSQL tests..."
    as_root apt-get update -o DPkg::Lock::Timeout=600
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 postgresql
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# The several-nodes tests share a throwaway Debian redis-server on loopback (see below).
if ! command -v redis-server >/dev/null 2>&1; then
    echo "test.sh: installing Debian's redis-server for the several-nodes tests..."
    as_root apt-get update -o DPkg::Lock::Timeout=600
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 redis-server
fi

# The e-mail tests send real mail to throwaway SMTP sinks (Debian's aiosmtpd) that they start on
# loopback themselves. Debian's own interpreter: a python3 earlier on PATH may lack the module.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    echo "test.sh: installing Debian's python3-aiosmtpd for the e-mail tests..."
    as_root apt-get update -o DPkg::Lock::Timeout=600
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 python3-aiosmtpd
fi

# The browser tests check the saved pages with the Nu Html Checker (Java 17 + the vnu-jar npm package).
if ! command -v java >/dev/null 2>&1; then
    echo "test.sh: installing a Java runtime for the Nu Html Checker..."
    as_root apt-get update -o DPkg::Lock::Timeout=600
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=600 openjdk-17-jre-headless
fi
if [ ! -f tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "test.sh: installing the Nu Html Checker (npm package vnu-jar)..."
    (cd tools/vnu && npm install --no-audit --no-fund --silent)
fi
export RALLYNOV_VNU_JAR="$root/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET SDK (dotnet) is not on PATH." >&2
    echo "0 passed, 0 failed"
    exit 1
fi

rm -rf "$results"
mkdir -p "$results"

# Build once; the test run below reuses the binaries.
build_status=0
dotnet build RallyNov.sln -nologo -v minimal || build_status=$?
if [ "$build_status" -ne 0 ]; then
    echo "test.sh: the build failed." >&2
    echo "0 passed, 0 failed"
    exit "$build_status"
fi

# initdb refuses root: as root the cluster belongs to the postgres user. Trust authentication is
# fine for a server that listens on 127.0.0.1 only and is deleted at exit.
pg_dir=$(mktemp -d /tmp/rallynov-pg.XXXXXX)
pg_port=$(( 20000 + RANDOM % 20000 ))
pg_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop_postgres() {
    pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
}

# Redis: no persistence, loopback only, stopped and deleted at exit like PostgreSQL.
redis_dir=$(mktemp -d /tmp/rallynov-redis.XXXXXX)
redis_port=$(( 40000 + RANDOM % 20000 ))
stop_redis() {
    if [ -f "$redis_dir/redis.pid" ]; then
        kill "$(cat "$redis_dir/redis.pid")" >/dev/null 2>&1 || true
    fi
    rm -rf "$redis_dir"
}
stop_servers() {
    stop_redis
    stop_postgres
}
trap stop_servers EXIT
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
pg_as "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
pg_as "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c fsync=off -c max_connections=300" start >/dev/null
export RALLYNOV_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG && break
    sleep 0.1
done
export RALLYNOV_TEST_REDIS="127.0.0.1:$redis_port"

# The test projects of the solution, in solution order.
mapfile -t projects < <(dotnet sln RallyNov.sln list | tr '\\' '/' | grep -E '^tests/.*\.csproj$')
if [ "${#projects[@]}" -eq 0 ]; then
    echo "test.sh: no test project in RallyNov.sln." >&2
    echo "0 passed, 0 failed"
    exit 1
fi

# Read one counter attribute (total, executed, passed, failed, error...) of a <Counters .../> element.
counter() {
    local value
    value=$(printf '%s' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
    echo "${value:-0}"
}

# One `dotnet test` per project, each with its own TRX file: with the solution as a whole, vstest
# writes every project's results to the same LogFileName (the last one wins), and LogFilePrefix
# names files by the second, which collide. Running them one after another also keeps the two
# cores for one test host at a time.
test_status=0
passed=0
failed=0
executed=0
summary=()
# run_tests LABEL TRX-NAME PROJECT [dotnet test arguments...]: one run, its TRX counted in the totals.
run_tests() {
    local label=$1 name=$2 project=$3
    shift 3
    local trx="$results/$name.trx" started=$SECONDS
    dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || test_status=$?
    if [ ! -f "$trx" ]; then
        echo "test.sh: $label wrote no results ($trx)." >&2
        summary+=("  $label: no results")
        failed=$((failed + 1))
        return
    fi
    local counters p f e
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
    p=$(counter "$counters" passed)
    f=$(( $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted) ))
    e=$(counter "$counters" executed)
    summary+=("  $label: $e executed, $p passed, $f failed ($((SECONDS - started)) s)")
    passed=$((passed + p))
    failed=$((failed + f))
    executed=$((executed + e))
}
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    run_tests "$name" "$name" "$project"
    if [ "$name" = "RallyNov.Integration.Tests" ]; then
        # The whole integration suite again with every site on PostgreSQL (a database per test
        # site on the throwaway server). The Postgres/ and Cluster/ tests ran on PostgreSQL above.
        RALLYNOV_TEST_PROVIDER=Postgres run_tests "$name (PostgreSQL)" "$name.Postgres" "$project" \
            --filter 'FullyQualifiedName!~RallyNov.Integration.Tests.Cluster.&FullyQualifiedName!~RallyNov.Integration.Tests.Postgres.'
    fi
done

echo "Results ($results):"
printf '%s\n' "${summary[@]}"

status=0
if [ "$test_status" -ne 0 ]; then
    echo "test.sh: dotnet test exited with code $test_status." >&2
    status=$test_status
fi
if [ "$executed" -eq 0 ]; then
    echo "test.sh: no test ran." >&2
    status=1
fi
if [ "$failed" -gt 0 ]; then
    status=1
fi

echo "$passed passed, $failed failed"
exit "$status"
