#!/usr/bin/env bash
# Runs every test project of the solution and prints one summary line: "tests: N passed, N failed, N skipped".
# Services the tests need are started by the caller (.ci/run); the embedded default needs none.
# With CKAN_TEST_POSTGRES set, the Web tests run a second time with their catalogs on PostgreSQL.
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
dotnet test Ckan.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

if [ -n "${CKAN_TEST_POSTGRES:-}" ]; then
    echo "Running the Web tests again on the PostgreSQL catalog..."
    CKAN_TEST_CATALOG=postgresql dotnet test tests/Ckan.Web.Tests --nologo --no-build 2>&1 | tee -a "$log"
    postgres_status=${PIPESTATUS[0]}
    if [ "$status" -eq 0 ]; then
        status=$postgres_status
    fi
fi

read -r passed failed skipped < <(
    grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
        awk -F'[:,] +' '{ f += $2; p += $4; s += $6 } END { print p + 0, f + 0, s + 0 }'
)
rm -f "$log"
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "No test ran." >&2
    exit 1
fi
exit "$status"
