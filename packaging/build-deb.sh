#!/usr/bin/env bash
# Builds the iotminer Debian package for one architecture: a self-contained build (no .NET needed on the board) laid
# out as a Debian binary package with the hardened systemd unit, the example configuration as a conffile,
# and maintainer scripts that enable the service only when the owner has given consent.
#
# amd64 ships a NativeAOT build (native executables, no JIT: less memory and a faster start; docs/service.md,
# "Footprint"), compiled three times: NativeAOT fixes the instruction set at compile time, so the baseline `iotminer`
# (x86-64-v2) could never use the AVX2 or AVX-512 hashing engines. `iotminer.x86-64-v3` (AVX2) and
# `iotminer.x86-64-v4` (AVX-512) sit beside it, and `iotminer` execs the best one the CPU runs
# (agent-linux/Platform/InstructionSetVariant.cs). arm64 ships the trimmed self-contained JIT build: a NativeAOT arm64
# build cross-compiles, but hangs at start under qemu-user, so nothing here could test it (docs/service.md).
#
#   packaging/build-deb.sh amd64|arm64 [OUTPUT_DIR]      (default OUTPUT_DIR: artifacts/deb)
#
# Environment: DEB_MAINTAINER (default "IotMinerAgent contributors <iotminer@users.noreply.github.com>"),
# DEB_REVISION (default 1), AOT=1|0 (default 1 for amd64, 0 for arm64), TRIM=auto|1|0 (the non-AOT build; see
# below), SOURCE_DATE_EPOCH (default: last commit time).
# Prints the path of the .deb on the last line. Needs: dotnet, dpkg-deb, readelf (binutils), gzip; for AOT also clang
# and zlib1g-dev (the native link step; tests/scripts/install-test-deps.sh installs them).
set -euo pipefail

arch=${1:-}
case "$arch" in
  amd64) rid=linux-x64 aot=${AOT:-1} ;;
  arm64) rid=linux-arm64 aot=${AOT:-0} ;;
  *) echo "usage: $0 amd64|arm64 [OUTPUT_DIR]" >&2; exit 2 ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mkdir -p "${2:-$repo/artifacts/deb}" && cd "${2:-$repo/artifacts/deb}" && pwd)
upstream=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props")
version="$upstream-${DEB_REVISION:-1}"
maintainer=${DEB_MAINTAINER:-"IotMinerAgent contributors <iotminer@users.noreply.github.com>"}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}

if [ "$aot" = 1 ] && [ "$arch" != amd64 ]; then
  echo "build-deb: AOT=1 is supported for amd64 only (an arm64 NativeAOT build cannot be tested here: it hangs under qemu-user); use AOT=0" >&2; exit 2
fi
if [ "$aot" = 1 ]; then
  command -v clang >/dev/null || { echo "build-deb: NativeAOT links with clang, which is missing: apt-get install clang zlib1g-dev (or AOT=0)" >&2; exit 1; }
fi
for tool in dotnet dpkg-deb readelf gzip; do
  command -v "$tool" >/dev/null || { echo "build-deb: '$tool' is missing (apt-get install dpkg binutils gzip; .NET 10 SDK)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/root"
app="$stage/usr/lib/iotminer"

# Trimming (TRIM=auto, the default) is used only when it is safe: ILLink reports every place where it cannot prove
# that removed code is unused (warnings IL2xxx/IL3xxx, errors here since TreatWarningsAsErrors covers them). With any
# such warning (e.g. reflection-based configuration binding or a library that is not trim-annotated) the app is
# published untrimmed instead, and the warnings are printed. TRIM=1 insists on trimming, TRIM=0 never trims.
publish() { # trimmed(true|false) [more properties]
  rm -rf "$app"
  dotnet publish "$repo/agent-linux/IotMinerAgent.Linux.csproj" -c Release -r "$rid" --self-contained true \
    -p:PublishTrimmed="$1" "${@:2}" -p:DebugType=none -p:DebugSymbols=false \
    -p:PublishDocumentationFiles=false -p:PublishReferencesDocumentationFiles=false \
    -p:SatelliteResourceLanguages=en \
    -o "$app" -nologo -v quiet > "$work/publish.log" 2>&1
}
trim=${TRIM:-auto}
if [ "$aot" = 1 ]; then
  # NativeAOT trims too, and analyses everything for code it cannot compile ahead of time (IL3xxx): with
  # TreatWarningsAsErrors any such warning fails the build instead of shipping a binary that may throw at run time.
  # StripSymbols: the executable ships without its symbols (lintian: unstripped-binary-or-object), no .dbg beside it.
  echo "build-deb: publishing $rid NativeAOT (AOT=1)" >&2
  started=$(date +%s)
  for level in x86-64-v4 x86-64-v3 baseline; do
    # The baseline build goes last: publish() empties $app first.
    isa=()
    [ "$level" = baseline ] || isa=(-p:IlcInstructionSet="$level")
    publish true -p:PublishAot=true -p:StripSymbols=true "${isa[@]}" || { cat "$work/publish.log" >&2; echo "build-deb: NativeAOT publish ($level) failed (AOT=0 builds the trimmed JIT package)" >&2; exit 1; }
    [ "$level" = baseline ] || cp "$app/iotminer" "$work/iotminer.$level"
  done
  cp "$work"/iotminer.x86-64-v* "$app/"
  echo "build-deb: NativeAOT compile and link of the three builds took $(( $(date +%s) - started )) s (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  rm -f "$app"/*.dbg
elif [ "$trim" = 0 ]; then
  echo "build-deb: publishing $rid self-contained, untrimmed (TRIM=0)" >&2
  publish false || { cat "$work/publish.log" >&2; exit 1; }
elif echo "build-deb: publishing $rid self-contained (TRIM=$trim)" >&2 && publish true; then
  echo "build-deb: trimmed without a single trim warning" >&2
elif [ "$trim" = auto ] && grep -Eq '(warning|error) IL[23][0-9]{3}' "$work/publish.log"; then
  echo "build-deb: trimming is not safe for this build, publishing untrimmed; the trimmer said:" >&2
  grep -Eo '(warning|error) IL[23][0-9]{3}:[^[]*' "$work/publish.log" | sort -u | head -n 20 >&2
  publish false || { cat "$work/publish.log" >&2; exit 1; }
else
  cat "$work/publish.log" >&2
  exit 1
fi

# Native libraries from NuGet packages (SQLite for the share outbox) ship with symbols; Debian packages ship
# stripped objects (lintian: unstripped-binary-or-object). The runtime's own libraries are already stripped.
case $arch in
  amd64) strip_tool=strip ;;
  arm64) strip_tool=aarch64-linux-gnu-strip ;;
esac
if ! command -v "$strip_tool" >/dev/null 2>&1; then
  echo "build-deb: $strip_tool is missing: apt install $([ "$arch" = amd64 ] && echo binutils || echo binutils-aarch64-linux-gnu)" >&2
  exit 1
fi
"$strip_tool" --strip-unneeded "$app/libe_sqlite3.so"

# The LTTng tracepoint provider is loaded only when LTTng tracing is requested; shipping it would make the package
# depend on liblttng-ust for a feature the service never uses (the runtime starts fine without the file).
rm -f "$app/libcoreclrtraceptprovider.so"

# Modes: directories 0755, files 0644, executables (the app host and the runtime's createdump) 0755.
find "$app" -type d -exec chmod 0755 {} +
find "$app" -type f -exec chmod 0644 {} +
chmod 0755 "$app/iotminer"
for variant in "$app"/iotminer.x86-64-v*; do
  if [ -e "$variant" ]; then chmod 0755 "$variant"; fi
done
if [ -e "$app/createdump" ]; then # the JIT build's crash dumper (NativeAOT has none)
  chmod 0755 "$app/createdump"
fi

mkdir -p "$stage/usr/bin"
ln -s ../lib/iotminer/iotminer "$stage/usr/bin/iotminer"

# /usr/lib/systemd/system: where Debian 12 and later (merged /usr) and Raspberry Pi OS look, and where Debian 13 wants
# packages to put units; systemd also reads it on systems without merged /usr.
install -D -m 0644 "$repo/agent-linux/Service/iotminer.service" "$stage/usr/lib/systemd/system/iotminer.service"
install -D -m 0640 "$repo/packaging/iotminer.example.json" "$stage/etc/iotminer/iotminer.json"

doc="$stage/usr/share/doc/iotminer"
install -D -m 0644 "$repo/packaging/debian/copyright" "$doc/copyright"
install -m 0644 "$repo/docs/service.md" "$doc/service.md"
runtime_pack=$(find "${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.netcore.app.runtime.$rid" -maxdepth 2 -name THIRD-PARTY-NOTICES.TXT | sort -V | tail -n 1)
if [ -n "$runtime_pack" ]; then
  install -m 0644 "$runtime_pack" "$doc/dotnet-runtime-THIRD-PARTY-NOTICES.txt"
fi
{
  echo "iotminer ($version) unstable; urgency=medium"
  echo
  echo "  * Built from the IotMinerAgent repository, version $upstream."
  echo
  echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$doc/changelog.Debian.gz"
chmod 0644 "$doc/changelog.Debian.gz"
install -D -m 0644 "$repo/packaging/debian/lintian-overrides" "$stage/usr/share/lintian/overrides/iotminer"

# Depends from what the ELF files link (readelf reads any architecture): every shared library must map to a package,
# so a new native dependency fails the build instead of producing a package that does not start.
elf_files=$(find "$app" -type f \( -name '*.so' -o -name iotminer -o -name createdump \))
declare -A packages=()
for soname in $(for f in $elf_files; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u); do
  case "$soname" in
    libc.so.6 | libm.so.6 | libdl.so.2 | libpthread.so.0 | librt.so.1 | ld-linux-*.so.*) packages[libc6]=1 ;;
    libgcc_s.so.1) packages[libgcc-s1]=1 ;;
    libstdc++.so.6) packages[libstdc++6]=1 ;;
    *) [ -e "$app/$soname" ] || { echo "build-deb: $soname is linked but not mapped to a Debian package: add it to build-deb.sh" >&2; exit 1; } ;;
  esac
done
glibc=$(for f in $elf_files; do readelf -V --wide "$f" | grep -o 'GLIBC_[0-9.]*'; done | sed 's/GLIBC_//' | sort -uV | tail -n 1)
depends="libc6 (>= $glibc)"
for package in libgcc-s1 libstdc++6; do
  [ -n "${packages[$package]:-}" ] && depends="$depends, $package"
done
# OpenSSL is loaded at run time (dlopen) for TLS pools and brokers, so readelf does not see it; the alternatives
# cover Debian 11 (1.1), 12 (3) and 13 (3t64) and Raspberry Pi OS alike. adduser creates the system user.
depends="$depends, libssl3 | libssl3t64 | libssl1.1, adduser"

mkdir -p "$stage/DEBIAN"
cat > "$stage/DEBIAN/control" <<EOF
Package: iotminer
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: ca-certificates
Section: misc
Priority: optional
Description: cryptocurrency mining agent for Raspberry Pi and other boards
 iotminer hashes SHA-256d or scrypt work from Stratum pools (or local demo
 work) on the board's CPU with SIMD engines, throttles on temperature and
 pauses when the board is busy, and reports to systemd and MQTT.
 .
 It mines only with the owner's consent: the service is enabled only after
 "consent" is set to true in /etc/iotminer/iotminer.json. It runs as the
 unprivileged iotminer user under a hardened systemd unit, with idle CPU
 priority. The package is self-contained: no .NET runtime is needed.$([ "$aot" = 1 ] && printf '\n %s' "The agent is compiled ahead of time (NativeAOT), once per x86-64 level.")
EOF
echo /etc/iotminer/iotminer.json > "$stage/DEBIAN/conffiles"
for script in postinst prerm postrm; do
  install -m 0755 "$repo/packaging/debian/$script" "$stage/DEBIAN/$script"
done
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/md5sums"

deb="$out/iotminer_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >&2
echo "$deb"
