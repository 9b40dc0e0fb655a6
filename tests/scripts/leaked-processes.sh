#!/usr/bin/env bash
# Finds processes the tests started and left running: the peers (mosquitto, litecoind, postgres, stress-ng, chromium,
# qemu), agents and test pools. `snapshot FILE` records what runs before the tests; `check FILE` names every such process
# that was not there before, stops it so the next run starts clean, and fails when there was one.
# Prints "leaked-processes: N passed, N failed" so test.sh counts it.
set -uo pipefail
mode=${1:?usage: leaked-processes.sh snapshot FILE | check FILE LOG}
file=${2:?usage: leaked-processes.sh snapshot FILE | check FILE LOG}
log=${3:-/dev/null}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# pid, then the command line: the peers the tests start, and any program of this checkout (agents, test pools, probes,
# test hosts); the SDK's long-lived build helpers are tools, not something a test started.
# This script and the chain of shells that called it (test.sh, .ci/run) are not leaks, whatever their paths say.
ancestors() {
  local pid=$$
  while [ "$pid" -gt 1 ]; do echo "$pid"; pid=$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null || echo 1); done
}

processes() {
  local mine; mine=$(ancestors | tr '\n' ' ')
  # A zombie (state Z) has already exited: it is only waiting for a parent that is not the test to reap it (here
  # PID 1 may not reap), so it is not left running and cannot be stopped.
  ps -e -o pid=,ppid=,stat=,args= | awk -v mine=" $mine" -v self=$$ 'index(mine, " " $1 " ") == 0 && $2 != self && $3 !~ /^Z/ { $2 = ""; $3 = ""; print }' \
    | grep -E "mosquitto|litecoind|postgres|stress-ng|chrom|qemu-aarch64|$root/" \
    | grep -vE 'MSBuild\.dll|VBCSCompiler|/Roslyn/|dotnet (build|test|publish|restore)|leaked-processes\.sh|grep -E' || true
}

case $mode in
  snapshot) processes | awk '{print $1}' >"$file" ;;
  check)
    leaked=()
    while read -r pid args; do
      grep -qx "$pid" "$file" 2>/dev/null && continue
      [ -d "/proc/$pid" ] || continue
      leaked+=("$pid")
      echo "leaked-processes: still running after the tests: pid $pid: $args"
    done < <(processes)
    if [ ${#leaked[@]} -gt 0 ]; then
      kill "${leaked[@]}" 2>/dev/null; sleep 2; kill -9 "${leaked[@]}" 2>/dev/null
      echo "leaked-processes: a test left the processes above running; find the test that starts each and make it stop it"
      echo "leaked-processes: 0 passed, 1 failed" | tee "$log"
      exit 1
    fi
    echo "leaked-processes: 1 passed, 0 failed" | tee "$log"
    ;;
  *) echo "usage: leaked-processes.sh snapshot|check FILE" >&2; exit 2 ;;
esac
