#!/usr/bin/env bash
# Runs the hashing engine tests once per instruction-set setting, so the narrower engines this machine would never
# pick get tested too (the dotnet/runtime vectorization guideline), and prints which sha256d engine
# EngineCatalog.Fastest chose in each run. Builds once, runs with --no-build; fails if any run fails or if a
# setting did not take the wider engines away.
#
# .NET 10 reads DOTNET_EnableAVX512=0; DOTNET_EnableAVX512F=0 is the .NET 8/9 name and is set too.
# Writes .trx results to $TEST_RESULTS/engine-matrix-* when TEST_RESULTS is set (test.sh counts them).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
project=tests/IotMinerAgent.Hashing.Tests

if ! build_log=$(dotnet build "$project" -c Debug -nologo -v quiet -clp:ErrorsOnly 2>&1); then
  echo "$build_log" >&2
  echo "engine-matrix: build failed" >&2
  exit 1
fi

# name | environment | engines Fastest must not pick
runs=(
  "default||"
  "no-avx512|DOTNET_EnableAVX512F=0 DOTNET_EnableAVX512=0|avx512"
  "no-avx2|DOTNET_EnableAVX2=0|avx512 avx2"
  "no-hwintrinsic|DOTNET_EnableHWIntrinsic=0|avx512 avx2 vector128 neon arm-sha2"
)

failures=0
for run in "${runs[@]}"; do
  IFS='|' read -r name settings forbidden <<<"$run"
  logger_args=(--logger "console;verbosity=detailed")
  if [ -n "${TEST_RESULTS:-}" ]; then
    logger_args+=(--logger trx --results-directory "$TEST_RESULTS/engine-matrix-$name")
  fi

  # shellcheck disable=SC2086 # settings is a list of NAME=value words
  log=$(env $settings dotnet test "$project" -c Debug --no-build --nologo --filter "FullyQualifiedName~Engines" "${logger_args[@]}" 2>&1)
  status=$?
  fastest=$(grep -o 'FASTEST sha256d=[^ ]*' <<<"$log" | head -n 1 | cut -d= -f2)
  supported=$(grep -o 'supported=[^ ]*' <<<"$log" | head -n 1 | cut -d= -f2)
  summary="$(grep -oE '^\s+(Passed|Failed): [0-9]+' <<<"$log" | tr -s ' ' | tr '\n' ' ')"
  printf '%-15s %-48s fastest=%-10s supported=%-32s %s\n' "$name" "${settings:-(none)}" "${fastest:-?}" "${supported:-?}" "${summary:-no summary}"

  if [ $status -ne 0 ]; then
    grep -E '^\s+(Failed|Error Message|Assert)' <<<"$log" | head -n 20
    failures=$((failures + 1))
  elif [ -z "$fastest" ] || [[ " $forbidden " == *" $fastest "* ]]; then
    echo "engine-matrix: with ${settings:-no setting} Fastest picked '${fastest:-nothing}', which the setting should have turned off" >&2
    failures=$((failures + 1))
  fi
done

if [ $failures -ne 0 ]; then
  echo "engine-matrix: $failures of ${#runs[@]} runs failed" >&2
  exit 1
fi
echo "engine-matrix: all ${#runs[@]} runs passed"
