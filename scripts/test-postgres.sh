#!/usr/bin/env bash
# The server's unit and integration tests against the PostgreSQL server at DATABASE_URL, ending with a
# line any reader understands: "postgresql: N passed, N failed". Used by .ci/run (beside the browser
# journeys, through TEST_ALONGSIDE_JOURNEYS); runs alone too.
set -uo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL must point at a PostgreSQL server (postgres://user:pass@host:5432/postgres)}"
pg_log="$(mktemp /tmp/toandan-test-postgres.XXXXXX.log)"
status=0
# Each test file has its own database, and part of each file's work is done by the server.
npm run -w server test -- --maxWorkers="${PG_TEST_WORKERS:-2}" >"$pg_log" 2>&1 || status=$?
cat "$pg_log"
summary="$(sed 's/\x1b\[[0-9;]*m//g' "$pg_log" | grep -E '^ +Tests ' | tail -n 1 || true)"
passed="$(echo "$summary" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)"
failed="$(echo "$summary" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+' || echo 0)"
rm -f "$pg_log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "The PostgreSQL run stopped with status ${status} before any test was counted as failed (see above)."
fi
echo "postgresql: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
