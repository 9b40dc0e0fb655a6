#!/usr/bin/env bash
# The dashboard in a real browser (tests/browser/dashboard.test.mjs): builds the agent, installs playwright-core from
# the lock file (npm ci; no browser download: Debian's chromium from install-test-deps.sh is used) and runs the test
# against a real `iotminer run` on demo work. Screenshots go to $TEST_RESULTS/dashboard-browser/.
# Ends with "dashboard-browser: N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="${TEST_RESULTS:-$repo/.build/test-results}/dashboard-browser"
mkdir -p "$out"

fail() { echo "dashboard-browser: $1" >&2; echo "dashboard-browser: 0 passed, 1 failed"; exit 1; }
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing (apt-get install chromium; tests/scripts/install-test-deps.sh does it)"
command -v node >/dev/null || fail "node is missing (apt-get install nodejs npm)"

build="$repo/.build/dashboard-browser/iotminer"
dotnet build "$repo/agent-linux/IotMinerAgent.Linux.csproj" -c Debug -o "$build" -nologo -v quiet -clp:ErrorsOnly >"$out/build.log" 2>&1 \
  || { cat "$out/build.log" >&2; fail "the agent did not build"; }
(cd "$repo/tests/browser" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >"$out/npm.log" 2>&1) \
  || { cat "$out/npm.log" >&2; fail "npm ci failed"; }

cd "$repo/tests/browser"
IOTMINER_DLL="$build/iotminer.dll" TEST_RESULTS="$out" node --test --test-reporter=spec dashboard.test.mjs 2>&1 | tee "$out/node-test.log"
status=${PIPESTATUS[0]}
passed=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$out/node-test.log" | tail -n 1)
failed=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$out/node-test.log" | tail -n 1)
[ "$status" -eq 0 ] || [ "${failed:-0}" -gt 0 ] || failed=1
echo "dashboard-browser: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
