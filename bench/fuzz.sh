#!/usr/bin/env bash
# Coverage-guided fuzzing of the parsers of outside input with AFL++ and SharpFuzz, for runs longer than CI's.
#   bench/fuzz.sh <target> [seconds]      target: stratum | mqtt-command | device-wire; seconds default 60
# Installs what is missing (Debian's afl++ package, the SharpFuzz.CommandLine dotnet tool), builds
# bench/IotMinerAgent.Fuzz in Release, instruments the project assemblies (not the framework's), seeds a corpus from
# real messages and runs afl-fuzz for the given time. Findings land in bench/fuzz-out/<target>/ (crashes/ holds the
# inputs that made a parser throw; replay one uninstrumented with
# `dotnet run --project bench/IotMinerAgent.Fuzz -- run <target> <file>` and make it a unit test).
# Not part of CI: the CsCheck property tests (Stratum/MQTT/device wire) run the same properties there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${1:?usage: bench/fuzz.sh <stratum|mqtt-command|device-wire> [seconds]}
seconds=${2:-60}
case "$target" in stratum|mqtt-command|device-wire) ;; *) echo "unknown target '$target'; use stratum, mqtt-command or device-wire" >&2; exit 64 ;; esac

if ! command -v afl-fuzz >/dev/null; then
  echo "installing afl++ (Debian package)"
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq afl++ >/dev/null
fi

tools="$HOME/.dotnet/tools"
export PATH="$tools:$PATH"
if ! command -v sharpfuzz >/dev/null; then
  echo "installing the SharpFuzz.CommandLine dotnet tool"
  dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0 >/dev/null
fi

work="bench/fuzz-out"
build="$work/build"
rm -rf "$build"
dotnet publish bench/IotMinerAgent.Fuzz/IotMinerAgent.Fuzz.csproj -c Release -o "$build" --nologo -v quiet >/dev/null

# Seeds first: instrumented code writes AFL's coverage map, which exists only under afl-fuzz.
seeds="$work/$target/seeds"
findings="$work/$target/findings"
rm -rf "$seeds"
dotnet "$build/IotMinerAgent.Fuzz.dll" seed "$target" "$seeds"
for assembly in iotminer.dll IotMinerAgent.Hashing.dll; do
  sharpfuzz "$build/$assembly" >/dev/null
done

# dotnet itself is not instrumented (SharpFuzz instruments the assemblies), so AFL's binary check is skipped; the
# remaining variables let it run on a shared box without root changes to core_pattern or the CPU governor.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1
set +e
afl-fuzz -V "$seconds" -t 5000 -m none -i "$seeds" -o "$findings" -- dotnet "$build/IotMinerAgent.Fuzz.dll" "$target" > "$work/$target/afl.log" 2>&1
status=$?
set -e
stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  echo "afl-fuzz did not start (exit $status):" >&2
  tail -n 30 "$work/$target/afl.log" >&2
  exit 1
fi

crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
execs=$(awk -F' *: *' '$1 == "execs_done" { print $2 }' "$stats")
paths=$(awk -F' *: *' '$1 == "corpus_count" { print $2 }' "$stats")
echo "$target: $execs executions in $seconds s, $paths inputs in the corpus, $crashes crashes, $hangs hangs (findings: $findings/default)"
[ "$crashes" -eq 0 ]
