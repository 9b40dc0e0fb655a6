#!/usr/bin/env bash
# Compares iotminer's hash rates with `openssl speed` on this machine, in one run, as ratios: absolute numbers
# drift between runs and machines, ratios much less.
#   sha256d: one nonce costs 2 SHA-256 compressions with a midstate (the first 64 header bytes are hashed once per
#            job), so its reference is openssl's SHA-256 throughput in 64-byte blocks per second / 2.
#   duco-s1: one nonce is one SHA-1 compression (the message is at most 55 bytes), so its reference is openssl's
#            SHA-1 blocks per second.
#   scrypt:  N=1024 is dominated by Salsa20/8, which openssl does not time: printed beside pooler cpuminer's
#            ≈ 15 kH/s per thread on this machine type instead.
# Each figure is the median of ROUNDS runs (default 3) of SECONDS each (default 3). Usage: bench/compare.sh [rounds] [seconds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-3}
seconds=${2:-3}
./iotminer --version >/dev/null

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

openssl_blocks_per_second() { # algorithm → 64-byte blocks per second, from the 16 KiB column
  openssl speed -seconds "$seconds" -bytes 16384 "$1" 2>/dev/null | awk -v a="$1" '$1 == a { v = $NF; sub(/k$/, "", v); print v * 1000 / 64 }'
}

ours() { # algorithm threads → hashes per second
  ./iotminer bench --algo "$1" --threads "$2" --seconds "$seconds" --json | sed -n 's/.*"hashes_per_second":\([0-9.eE+]*\).*/\1/p'
}

rounds_of() { for _ in $(seq "$rounds"); do "$@"; done | median; }

sha256_blocks=$(rounds_of openssl_blocks_per_second sha256)
sha1_blocks=$(rounds_of openssl_blocks_per_second sha1)
engines=$(./iotminer bench --list-engines | awk '/selected/ { printf "%s=%s ", $1, $2 }')

printf 'iotminer vs openssl speed on %s (%s), median of %s × %s s; engines: %s\n' \
  "$(uname -m)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$rounds" "$seconds" "$engines"
printf '%-8s %14s %14s %14s %-18s %7s %6s\n' algo "1 thread H/s" "2 threads H/s" "reference H/s" "reference" ratio "2t/1t"
for algo in sha256d duco-s1 scrypt; do
  one=$(rounds_of ours "$algo" 1)
  two=$(rounds_of ours "$algo" 2)
  case $algo in
    sha256d) reference=$(awk -v b="$sha256_blocks" 'BEGIN { print b / 2 }'); label="openssl sha256/2";;
    duco-s1) reference=$sha1_blocks; label="openssl sha1";;
    scrypt)  reference=15000; label="pooler cpuminer";;
  esac
  awk -v a="$algo" -v o="$one" -v t="$two" -v r="$reference" -v l="$label" 'BEGIN {
    printf "%-8s %14.0f %14.0f %14.0f %-18s %7.2f %6.2f\n", a, o, t, r, l, o / r, t / o }'
done
