#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those missing, so the suite runs on a fresh machine.
# Real peers, not mocks (all of them Debian packages, started on loopback by the tests): mosquitto for the MQTT
# tests, stress-ng for the governor's busy test, qemu-user-static with arm64 libraries for the linux-arm64 build,
# systemd's tools (systemd-analyze verify/security), lintian, binutils and python3-seccomp for the unit and the .deb,
# litecoind for the gateway's solo-mining tests (two regtest nodes, getblocktemplate/submitblock),
# postgresql for the gateway's PostgreSQL ledger (the tests run a private cluster with initdb and pg_ctl),
# cmake, g++, libgtest-dev and libbenchmark-dev for the native hashing kernels (tests/scripts/native-kernels.sh),
# chromium, nodejs and npm for the dashboard's browser test (tests/scripts/dashboard-browser.sh; playwright-core from npm),
# clang and zlib1g-dev for the NativeAOT link of the amd64 Debian package (packaging/build-deb.sh, tests/scripts/deb-package.sh).
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "install-test-deps: need root (or sudo) to install: $*" >&2; exit 1; fi
}

missing=()
command -v stress-ng >/dev/null 2>&1 || missing+=(stress-ng)
command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_sub >/dev/null 2>&1 || missing+=(mosquitto-clients)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v lintian >/dev/null 2>&1 || missing+=(lintian)
command -v objdump >/dev/null 2>&1 || missing+=(binutils)
/usr/bin/python3 -c 'import seccomp' >/dev/null 2>&1 || missing+=(python3-seccomp)
command -v litecoind >/dev/null 2>&1 || missing+=(litecoind)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
[ -f /usr/include/gtest/gtest.h ] || missing+=(libgtest-dev)
[ -f /usr/include/benchmark/benchmark.h ] || missing+=(libbenchmark-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v clang >/dev/null 2>&1 || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)

arm64_libs=(libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libssl3:arm64 zlib1g:arm64)
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  as_root dpkg --add-architecture arm64
  missing+=("${arm64_libs[@]}")
else
  for lib in "${arm64_libs[@]}"; do
    dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib")
  done
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
