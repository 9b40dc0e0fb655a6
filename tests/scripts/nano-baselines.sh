#!/usr/bin/env bash
# Writes tests/IotMinerAgent.NanoSurface.Tests/Baselines/<Assembly>.<version>.txt: the public API of every nanoFramework
# library the firmware pins (firmware/Nano/packages.config), read from the library's sources at its release tag
# (mscorlib: from the released nanoFramework.CoreLibrary package). Run it when a pinned version changes and commit the
# result: CI has no network but NuGet, so it only reads the committed files.
#
# usage: tests/scripts/nano-baselines.sh <clones>
#   <clones>/<repository> is a git clone (bare or not) of https://github.com/nanoframework/<repository>, with tags,
#   e.g. `git clone --bare https://github.com/nanoframework/System.Text <clones>/System.Text`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
clones=$(cd "${1:?usage: $0 <folder with clones of the nanoFramework repositories>}" && pwd)
out=$root/tests/IotMinerAgent.NanoSurface.Tests/Baselines
config=$root/firmware/Nano/packages.config
sample=$root/firmware/Samples/SmartLamp/packages.config

# Libraries the model (tests/IotMinerAgent.NanoSurface.Tests/Surface) describes that the firmware does not pin: the
# release built against the pinned CoreLibrary (its .nuspec at the tag depends on nanoFramework.CoreLibrary 1.17.11).
unpinned="nanoFramework.System.Math=1.5.116"

version() {
  local v
  v=$(grep -ho "id=\"$1\" version=\"[^\"]*\"" "$config" "$sample" 2>/dev/null | head -1 | sed 's/.*version="//; s/"$//')
  [ -n "$v" ] || v=$(tr ' ' '\n' <<<"$unpinned" | sed -n "s/^$1=//p")
  [ -n "$v" ] || { echo "$1 is not pinned in $config or $sample" >&2; exit 65; }
  echo "$v"
}

# The core library: the package restored by the NanoSurface tests (the same file CI compiles against).
core=$(version nanoFramework.CoreLibrary)
dotnet restore "$root/tests/IotMinerAgent.NanoSurface.Tests" -v quiet >/dev/null
mscorlib=${NUGET_PACKAGES:-$HOME/.nuget/packages}/nanoframework.corelibrary/$core/lib/mscorlib.dll
[ -f "$mscorlib" ] || { echo "no $mscorlib after restore" >&2; exit 66; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# package id | repository | project in the repository | assembly. Dependencies before the libraries that use them.
libraries="
nanoFramework.Runtime.Native|nanoFramework.Runtime.Native|nanoFramework.Runtime.Native/nanoFramework.Runtime.Native.nfproj|nanoFramework.Runtime.Native
nanoFramework.Runtime.Events|nanoFramework.Runtime.Events|nanoFramework.Runtime.Events/nanoFramework.Runtime.Events.nfproj|nanoFramework.Runtime.Events
nanoFramework.System.Text|System.Text|nanoFramework.System.Text/nanoFramework.System.Text.nfproj|nanoFramework.System.Text
nanoFramework.System.Math|System.Math|nanoFramework.System.Math/nanoFramework.System.Math.nfproj|System.Math
nanoFramework.System.Collections|System.Collections|nanoFramework.System.Collections/nanoFramework.System.Collections.nfproj|nanoFramework.System.Collections
nanoFramework.System.Threading|System.Threading|nanoFramework.System.Threading/nanoFramework.System.Threading.nfproj|System.Threading
nanoFramework.System.IO.Streams|System.IO.Streams|System.IO.Streams/System.IO.Streams.nfproj|System.IO.Streams
nanoFramework.System.Net|System.Net|nanoFramework.System.Net/System.Net.nfproj|System.Net
nanoFramework.M2Mqtt|nanoFramework.m2mqtt|nanoFramework.M2Mqtt.Core/nanoFramework.M2Mqtt.Core.nfproj|nanoFramework.M2Mqtt.Core
nanoFramework.M2Mqtt|nanoFramework.m2mqtt|M2Mqtt/nanoFramework.M2Mqtt.nfproj|nanoFramework.M2Mqtt
nanoFramework.System.Device.Wifi|System.Device.Wifi|System.Device.Wifi/System.Device.Wifi.nfproj|System.Device.Wifi
nanoFramework.System.IO.FileSystem|System.IO.FileSystem|System.IO.FileSystem/System.IO.FileSystem.nfproj|System.IO.FileSystem
nanoFramework.System.Device.Adc|System.Device.Adc|System.Device.Adc/System.Device.Adc.nfproj|System.Device.Adc
nanoFramework.System.Device.Gpio|System.Device.Gpio|System.Device.Gpio/System.Device.Gpio.nfproj|System.Device.Gpio
"

{
  printf 'mscorlib\t%s\tthe nanoFramework.CoreLibrary %s package (lib/mscorlib.dll), built from https://github.com/nanoframework/CoreLibrary tag v%s\t%s\n' \
    "$core" "$core" "$core" "$mscorlib"
  for line in $libraries; do
    IFS='|' read -r package repository project assembly <<<"$line"
    v=$(version "$package")
    tree=$work/$repository-$v
    if [ ! -d "$tree" ]; then
      mkdir -p "$tree"
      git -C "$clones/$repository" archive "v$v" | tar -x -C "$tree"
    fi
    printf '%s\t%s\thttps://github.com/nanoframework/%s tag v%s (%s)\t%s\n' "$assembly" "$v" "$repository" "$v" "$project" "$tree/$project"
  done
} >"$work/manifest"

rm -f "$out"/*.txt
dotnet run --project "$root/tools/nano-baselines" -v quiet -- "$mscorlib" "$out" <"$work/manifest"
