#!/usr/bin/env bash
# Runs every test suite of Kessan Console and ends with one line: "N passed, N failed".
# Installs what the tests need when it is missing: Debian's chromium (browser tests) and the npm packages of
# the conformance suite. Needs only the .NET SDK, Node 20 and npm to begin with.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Debian chromium for the browser tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
    echo "could not install chromium"; exit 1; }
fi

if [ ! -f tests/conformance/node_modules/.package-lock.json ] || [ tests/conformance/package-lock.json -nt tests/conformance/node_modules/.package-lock.json ]; then
  echo "== npm ci (conformance suite)"
  (cd tests/conformance && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed"; exit 1; }
fi

# A throwaway PostgreSQL on a free loopback port for the tests of the multi-instance (PostgreSQL) store; it stops
# when this script ends.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "== installing Debian postgresql for the PostgreSQL store tests"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
    echo "could not install postgresql"; exit 1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pg_dir=$(mktemp -d)
pg_port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U kessan >/dev/null || { echo "initdb failed"; exit 1; }
as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null || { cat "$pg_dir/server.log"; exit 1; }
trap 'as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pg_dir"' EXIT
export KESSAN_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=kessan;Database=postgres"

echo "== dotnet build"
dotnet build Kessan.Console.sln -c Release --nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

passed=0
failed=0
count() { # $1 = passed, $2 = failed
  passed=$((passed + $1)); failed=$((failed + $2))
}

for project in $(grep -l "<IsTestProject>true" tests/*/*.csproj); do
  name=$(basename "$project" .csproj)
  echo "== $name"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false \
    > "$results/$name.log" 2>&1
  status=$?
  trx="$results/$name.trx"
  if [ -f "$trx" ]; then
    p=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
    f=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
    e=$(grep -o 'error="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
    # A skipped test proves nothing: it counts as failed.
    n=$(grep -o 'notExecuted="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
    f=$(( ${f:-0} + ${e:-0} + ${n:-0} ))
    [ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    count "${p:-0}" "$f"
    echo "   ${p:-0} passed, $f failed"
  else
    count 0 1
    echo "   no results (exit $status)"
  fi
  if [ "$status" -ne 0 ]; then
    grep -E "^\s+(Failed|Error Message|\[FAIL\])" -A3 "$results/$name.log" | head -60
  fi
done

echo "== conformance (official AWS SDK for JavaScript v3 against LocalCloud)"
(cd tests/conformance && KESSAN_CONFIGURATION=Release node --test --test-concurrency=1 --test-reporter=tap) > "$results/conformance.tap" 2>&1
status=$?
p=$(grep -E '^# pass ' "$results/conformance.tap" | awk '{print $3}')
f=$(grep -E '^# fail ' "$results/conformance.tap" | awk '{print $3}')
[ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ] && f=1
count "${p:-0}" "${f:-0}"
echo "   ${p:-0} passed, ${f:-0} failed"
if [ "$status" -ne 0 ]; then grep -E "^not ok|error|Error" "$results/conformance.tap" | head -40; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
