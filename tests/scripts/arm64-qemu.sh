#!/usr/bin/env bash
# Proves the linux-arm64 build of the hashing engines under qemu user-mode emulation (Debian's
# qemu-user-static, arm64 libraries from tests/scripts/install-test-deps.sh): publishes tests/IotMinerAgent.EngineProbe
# self-contained for linux-arm64 and runs it under
# `qemu-aarch64-static -cpu max` twice:
#   default                     -> EngineCatalog must pick arm-sha2 (Raspberry Pi 5 / Cortex-A76 path)
#   DOTNET_EnableArm64Sha256=0  -> it must pick neon (Raspberry Pi 4 / Cortex-A72: NEON, no SHA-2 instructions)
# In each run every supported engine of sha256d, scrypt and DUCO-S1 (the NEON ones included) must find the real
# vectors' nonces and nothing else and equal a reference (the platform's SHA-256 and SHA-1, the scalar scrypt
# scanner), and the engines offered must be the expected ones. Ends with "arm64-qemu: N passed, N failed" (each
# probe check, engine pick and engine list counts once). Installs qemu-user-static and the arm64 C libraries if
# missing (needs root or sudo).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
project=tests/IotMinerAgent.EngineProbe
out=.build/engine-probe-linux-arm64

# A setup step that fails is one failed check, so test.sh's total shows it.
give_up() {
  echo "arm64-qemu: $*" >&2
  echo "arm64-qemu: 0 passed, 1 failed"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    give_up "need root (or sudo) to run: $*"; fi
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
    as_root apt-get update -qq || give_up "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
      give_up "could not install ${missing[*]}"
  fi
}

install_missing

# The self-contained publish needs the linux-arm64 runtime and apphost packs from the NuGet feed: say so plainly if not.
if ! restore_log=$(dotnet restore "$project" -r linux-arm64 -nologo 2>&1); then
  echo "$restore_log" >&2
  give_up "the linux-arm64 runtime pack (Microsoft.NETCore.App.Runtime.linux-arm64) did not restore from the NuGet feed"
fi

rm -rf "$out"
if ! publish_log=$(dotnet publish "$project" -c Release -r linux-arm64 --self-contained --no-restore -nologo -o "$out" 2>&1); then
  echo "$publish_log" >&2
  give_up "publishing for linux-arm64 failed"
fi

passed=0
failed=0
verdict() { # ok (0 or 1), description of a failure
  if [ "$1" -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "arm64-qemu: $2" >&2; fi
}

same() { if [ "$1" = "$2" ]; then echo 1; else echo 0; fi; }

probe() { # expected sha256d engine, expected sha256d engine list, extra environment...
  local expected=$1 expected_sha256d=$2; shift 2
  local log status engine exact wrong algorithm list want
  echo "==> qemu-aarch64-static -cpu max ${*:-(default)}"
  set +e
  log=$(env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_EnableWriteXorExecute=0 "$@" \
    qemu-aarch64-static -cpu max "$out/IotMinerAgent.EngineProbe" 2>&1)
  status=$?
  set -e
  echo "$log"

  # Every check the probe made: "probe: N checks exact, N wrong". A probe that crashed before it says counts as a failure.
  exact=$(sed -n 's/^probe: \([0-9]*\) checks exact, \([0-9]*\) wrong$/\1/p' <<<"$log")
  wrong=$(sed -n 's/^probe: \([0-9]*\) checks exact, \([0-9]*\) wrong$/\2/p' <<<"$log")
  if [ -z "$exact" ]; then
    verdict 0 "probe exited $status before reporting its checks"
  else
    passed=$((passed + exact))
    failed=$((failed + wrong))
    [ "$status" -eq 0 ] || [ "$wrong" -gt 0 ] || verdict 0 "probe exited $status with every check exact"
  fi

  engine=$(sed -n 's/^engine: \([^ ]*\).*/\1/p' <<<"$log")
  verdict "$(same "$engine" "$expected")" "expected sha256d engine $expected, the catalog picked '${engine:-nothing}'"

  # The NEON engines must be on offer (and so tested above) for every algorithm, not silently left out.
  for algorithm in sha256d scrypt duco-s1; do
    want="neon, scalar"
    [ "$algorithm" = sha256d ] && want=$expected_sha256d
    list=$(sed -n "s/^engines $algorithm: //p" <<<"$log")
    verdict "$(same "$list" "$want")" "expected $algorithm engines '$want', the catalog offered '${list:-nothing}'"
  done
}

probe arm-sha2 "arm-sha2, neon, scalar"
probe neon "neon, scalar" DOTNET_EnableArm64Sha256=0

echo "arm64-qemu: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
