#!/usr/bin/env bash
# Runs every test, provisioning what they need (a throwaway PostgreSQL cluster, maildev, Debian's chromium).
# The solution's build also builds the web app (src/Studio: npm ci and vite build, from src/Host/Studio.targets).
# Ends with a line "N passed, N failed". Usage: ./scripts/test.sh [extra dotnet test arguments]
# RTM_TEST_PROJECTS (a glob, default every tests/*/*.Tests.csproj) narrows the run, e.g. for tests/run-long.sh.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

pg_start || { echo "0 passed, 1 failed"; exit 1; }
trap pg_stop EXIT

# The mail transport tests run a real SMTP server (maildev, pinned in tests/smtp). npm writes node_modules/.package-lock.json
# at the end of an install, so its absence means no complete install, and a lock file newer than it means the pin changed since.
if [ ! -f tests/smtp/node_modules/.package-lock.json ] || [ tests/smtp/package-lock.json -nt tests/smtp/node_modules/.package-lock.json ]; then
  npm ci --prefix tests/smtp --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
fi
export RTM_TEST_MAILDEV=$PWD/tests/smtp/node_modules/maildev/dist/bin/maildev.js

# The browser tests drive Debian's chromium (a browser downloaded by Playwright cannot install here).
if [ -z "${RTM_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
  echo "chromium not found; installing Debian's chromium package" >&2
  { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || { echo "0 passed, 1 failed"; exit 1; }
fi

dotnet build RightToManage.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# One run per test project, each with its own result file, so no two runs can overwrite each other's counts.
status=0
for project in ${RTM_TEST_PROJECTS:-tests/*/*.Tests.csproj}; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=1
done

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
