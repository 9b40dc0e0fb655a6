#!/usr/bin/env bash
# Proves the linux-arm64 build of the hashing engines under qemu user-mode emulation (Debian's
# qemu-user-static, arm64 libraries from tests/scripts/install-test-deps.sh): publishes tests/IotMinerAgent.EngineProbe
# self-contained for linux-arm64 and runs it under
# `qemu-aarch64-static -cpu max` twice:
#   default                     -> EngineCatalog must pick arm-sha2 (Raspberry Pi 5 / Cortex-A76 path)
#   DOTNET_EnableArm64Sha256=0  -> it must pick neon (Raspberry Pi 4 / Cortex-A72: NEON, no SHA-2 instructions)
# Each run must find every real block nonce and nothing else, and every supported engine must equal the scalar
# reference. Installs qemu-user-static and the arm64 C libraries if missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
project=tests/IotMinerAgent.EngineProbe
out=.build/engine-probe-linux-arm64

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "arm64-qemu: need root (or sudo) to run: $*" >&2; exit 1; fi
}

install_missing() {
  local missing=() libs=(libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 libssl3:arm64 zlib1g:arm64)
  command -v qemu-aarch64-static >/dev/null 2>&1 || missing+=(qemu-user-static)
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    as_root dpkg --add-architecture arm64
    missing+=("${libs[@]}")
  else
    for lib in "${libs[@]}"; do dpkg -s "$lib" >/dev/null 2>&1 || missing+=("$lib"); done
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "arm64-qemu: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_missing

# The self-contained publish needs the linux-arm64 runtime and apphost packs from the NuGet feed: say so plainly if not.
if ! restore_log=$(dotnet restore "$project" -r linux-arm64 -nologo 2>&1); then
  echo "$restore_log" >&2
  echo "arm64-qemu: the linux-arm64 runtime pack (Microsoft.NETCore.App.Runtime.linux-arm64) did not restore from the NuGet feed" >&2
  exit 1
fi

rm -rf "$out"
if ! publish_log=$(dotnet publish "$project" -c Release -r linux-arm64 --self-contained --no-restore -nologo -o "$out" 2>&1); then
  echo "$publish_log" >&2
  echo "arm64-qemu: publishing for linux-arm64 failed" >&2
  exit 1
fi

failures=0
probe() { # expected engine, extra environment...
  local expected=$1; shift
  local log status engine
  echo "==> qemu-aarch64-static -cpu max ${*:-(default)}"
  set +e
  log=$(env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_EnableWriteXorExecute=0 "$@" \
    qemu-aarch64-static -cpu max "$out/IotMinerAgent.EngineProbe" 2>&1)
  status=$?
  set -e
  echo "$log"
  engine=$(sed -n 's/^engine: \([^ ]*\).*/\1/p' <<<"$log")
  if [ $status -ne 0 ]; then
    echo "arm64-qemu: probe exited $status" >&2
    failures=$((failures + 1))
  elif [ "$engine" != "$expected" ]; then
    echo "arm64-qemu: expected engine $expected, the catalog picked '${engine:-nothing}'" >&2
    failures=$((failures + 1))
  fi
}

probe arm-sha2
probe neon DOTNET_EnableArm64Sha256=0

if [ $failures -ne 0 ]; then
  echo "arm64-qemu: $failures of 2 runs failed" >&2
  exit 1
fi
echo "arm64-qemu: arm-sha2 and neon both exact under qemu"
