#!/usr/bin/env bash
# The native kernels (firmware/Native, C, -O2 host gcc; Google Benchmark) beside the managed portable scanners the
# firmware runs (Sha256dScalarScanner, DucoS1ScalarScanner via `iotminer bench --engine scalar`, RyuJIT), one thread
# each, in one run, as ratios: absolute rates drift between runs and machines, ratios much less. Rounds alternate
# native and managed so both see the same machine load; each printed ratio is the median of the rounds' ratios.
# This is the host's ratio, not the ESP32's: there the managed code is interpreted by nanoCLR (no JIT), so the native
# kernel's advantage is far larger (firmware/README.md, "Native hashing").
# Usage: bench/native-vs-managed.sh [rounds (default 5)] [seconds per measurement (default 2)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-5}
seconds=${2:-2}
build=.build/native

cmake -S firmware/Native -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target kernel_bench -j "$(nproc)" >/dev/null
[ -x "$build/kernel_bench" ] || { echo "native-vs-managed: kernel_bench was not built: install libbenchmark-dev (tests/scripts/install-test-deps.sh)" >&2; exit 1; }
./iotminer --version >/dev/null

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

native_rate() { # benchmark name → nonces per second
  "$build/kernel_bench" --benchmark_filter="^$1/" --benchmark_min_time="$seconds" --benchmark_format=json 2>/dev/null \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["benchmarks"][0]["items_per_second"])'
}

managed_rate() { # algorithm → hashes per second of the managed scalar scanner
  ./iotminer bench --algo "$1" --engine scalar --threads 1 --seconds "$seconds" --json \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["hashes_per_second"])'
}

for pair in "sha256d Sha256dSoft" "duco-s1 DucoS1Soft"; do
  read -r algo benchmark <<<"$pair"
  ratios=(); natives=(); manageds=()
  for _ in $(seq "$rounds"); do
    n=$(native_rate "$benchmark"); m=$(managed_rate "$algo")
    natives+=("$n"); manageds+=("$m")
    ratios+=("$(awk -v n="$n" -v m="$m" 'BEGIN { printf "%.3f", n / m }')")
  done
  printf '%-8s native %10.0f H/s  managed %10.0f H/s  native/managed median ratio %s (rounds: %s)\n' "$algo" \
    "$(printf '%s\n' "${natives[@]}" | median)" "$(printf '%s\n' "${manageds[@]}" | median)" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "${ratios[*]}"
done
