#!/usr/bin/env bash
# Runs every IotMinerAgent test: installs what the tests need (Debian packages, via apt), builds the solution,
# runs all xunit projects, then the engine matrix (every x86 SIMD path and the fallback), the arm64 build under qemu,
# the native hashing kernels (C, CTest) and the dashboard in headless Chromium (tests/browser).
# Ends with one line "tests: N passed, N failed" and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
results="$PWD/.build/test-results"
rm -rf "$results"
mkdir -p "$results"

failed_steps=()
step() { # name, command...
  local name=$1; shift
  echo "==> $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step "install test dependencies" tests/scripts/install-test-deps.sh
# What runs before the tests is not theirs: the leak check at the end names only what the tests left behind.
tests/scripts/leaked-processes.sh snapshot "$results/processes-before.txt"
step "build" dotnet build IotMinerAgent.sln -c Debug -nologo -v quiet -clp:ErrorsOnly
step "unit and integration tests" dotnet test IotMinerAgent.sln -c Debug --no-build --filter "Category!=RealLoad" --logger trx --results-directory "$results/main" -v quiet
# Tests that put real load on the machine and watch /proc run alone: other test processes would look like load.
step "real-load tests" dotnet test tests/IotMinerAgent.Governor.Tests -c Debug --no-build --filter "Category=RealLoad" --logger trx --results-directory "$results/real-load" -v quiet
# Scripted checks print their own "name: N passed, N failed" line, counted below; the engine matrix writes .trx files.
for script in tests/scripts/engine-matrix.sh tests/scripts/arm64-qemu.sh tests/scripts/deb-package.sh tests/scripts/native-kernels.sh tests/scripts/dashboard-browser.sh; do
  name=$(basename "$script" .sh)
  step "$name" env TEST_RESULTS="$results" bash -c '"$1" 2>&1 | tee "$2"; exit "${PIPESTATUS[0]}"' _ "$script" "$results/$name.log"
done

step "leaked processes" tests/scripts/leaked-processes.sh check "$results/processes-before.txt" "$results/leaked-processes.log"

passed=0; failed=0; skipped=0
while IFS= read -r line; do
  p=$(sed -n 's/.* \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' <<<"$line"); f=$(sed -n 's/.* \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done < <(cat "$results"/*.log 2>/dev/null | grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed')
while IFS= read -r trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  # A skipped test counts in the total but in neither passed nor failed (VSTest leaves notExecuted at 0 for it).
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${p:-0} - ${f:-0}))
done < <(find "$results" -name '*.trx')
# A step that failed without a failing count (a build, a crash) still fails the run.
[ ${#failed_steps[@]} -gt 0 ] && [ "$failed" -eq 0 ] && failed=${#failed_steps[@]}

[ ${#failed_steps[@]} -eq 0 ] || echo "failed steps: ${failed_steps[*]}"
# Name each failed test with its message, and each skipped one (a test that reported itself inconclusive, e.g. the
# real-load test on a machine that never became quiet) with its reason.
[ "$skipped" -eq 0 ] && [ "$failed" -eq 0 ] || find "$results" -name '*.trx' -exec /usr/bin/python3 tests/scripts/trx-outcomes.py {} +
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
