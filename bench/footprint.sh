#!/usr/bin/env bash
# Resident memory while mining and time from start to mining, for the build the Debian package ships (issue 15).
#
# Usage: bench/footprint.sh [seconds mining per run] [runs]    (defaults: 20 s, 3 runs)
# Environment: DEB (a built iotminer_*_amd64.deb to measure; default: packaging/build-deb.sh amd64 builds one into
#              .build/footprint-deb), IOTMINER (measure this command instead of the package's, e.g. a dotnet publish),
#              UNIT_SETTINGS (1, the default: with the unit's DOTNET_* settings; 0: without),
#              THREADS (mining:threads, default 0 = one per core).
#
# The packaged build is measured as installed: the .deb is unpacked (dpkg-deb -x) and its /usr/lib/iotminer/iotminer
# runs. Each run starts `iotminer run --consent=true` on demo work (fresh state directory, embedded MQTT broker on a
# free port, the governor told to mine at once) with the environment the systemd unit sets (DOTNET_* lines of
# agent-linux/Service/iotminer.service), and notes the time until the agent logs "Mining <algo> with engine": the
# workers are started right after that line, so it is the start-to-first-hash time up to a few ms; and the CPU time the
# agent had used by then (utime + stime from /proc/PID/stat, 10 ms ticks), which unlike the wall time does not grow
# with the machine's load. After N seconds of
# mining it reads VmRSS (resident now), VmHWM (peak resident), and RssAnon and RssFile (the private and the file-backed
# part of VmRSS) from /proc/PID/status, then stops the agent
# (SIGTERM). Prints each run, the medians and the machine's load average before and after (the machine may be
# shared: start times grow with load).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
runs="${2:-3}"
threads="${THREADS:-0}"

mkdir -p "$root/.build"
if [ -z "${IOTMINER:-}" ]; then
  deb="${DEB:-}"
  if [ -z "$deb" ]; then
    echo "footprint: building the amd64 package with packaging/build-deb.sh into $root/.build/footprint-deb" >&2
    deb="$("$root/packaging/build-deb.sh" amd64 "$root/.build/footprint-deb" | tail -n 1)"
  fi
  unpacked="$root/.build/footprint"
  rm -rf "$unpacked"
  dpkg-deb -x "$deb" "$unpacked"
  IOTMINER="$unpacked/usr/lib/iotminer/iotminer"
  echo "footprint: measuring the package $(basename "$deb") ($(du -sh "$unpacked/usr/lib/iotminer" | cut -f1) installed in /usr/lib/iotminer)"
fi

# The service's runtime settings, so the figures are the packaged service's (UNIT_SETTINGS=0 leaves them out).
settings=()
if [ "${UNIT_SETTINGS:-1}" = 1 ]; then
  mapfile -t settings < <(sed -n 's/^Environment=\(DOTNET_[A-Za-z0-9_]*=[^ ]*\)$/\1/p' "$root/agent-linux/Service/iotminer.service")
fi
for setting in "${settings[@]}"; do
  export "${setting?}"
done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
status_kb() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/status"; }

work="$(mktemp -d "$root/.build/footprint-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "measuring $IOTMINER with the unit's settings: ${settings[*]:-none}"
echo "load average before (1, 5, 15 min; $(nproc) cores): $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %18s %16s %12s %12s %14s %14s\n' run 'start→mining (s)' 'CPU used (s)' 'VmRSS (MB)' 'VmHWM (MB)' 'RssAnon (MB)' 'RssFile (MB)'
for run in $(seq 1 "$runs"); do
  log="$work/log-$run"
  mkfifo "$work/out-$run"
  cat "$work/out-$run" >"$log" &
  reader=$!
  port="$(free_port)" # before the clock starts: python3's own start-up is not the agent's
  started="$(date +%s.%N)"
  "$IOTMINER" run --consent=true --stateDirectory="$work/state-$run" --mining:threads="$threads" \
    --governor:idleOnly=false --governor:noSensorDutyPercent=100 --mqtt:embeddedBrokerPort="$port" \
    --mqtt:homeAssistant=false >"$work/out-$run" 2>&1 &
  agent=$!
  until grep -q 'Mining [a-z0-9-]* with engine' "$log"; do
    kill -0 "$agent" 2>/dev/null || { echo "footprint: the agent stopped early; its output:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.005
  done
  mining="$(date +%s.%N)"
  cpu_ticks="$(awk '{ print $14 + $15 }' "/proc/$agent/stat")"
  sleep "$seconds"
  rss="$(status_kb "$agent" VmRSS)"
  hwm="$(status_kb "$agent" VmHWM)"
  anon="$(status_kb "$agent" RssAnon)"
  file="$(status_kb "$agent" RssFile)"
  kill -TERM "$agent"
  wait "$agent" || true
  wait "$reader" || true
  start_s="$(awk -v a="$started" -v b="$mining" 'BEGIN { printf "%.3f", b - a }')"
  cpu_s="$(awk -v t="$cpu_ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }')"
  mb() { awk -v k="$1" 'BEGIN { print k / 1024 }'; }
  printf '%-4s %18s %16s %12.1f %12.1f %14.1f %14.1f\n' "$run" "$start_s" "$cpu_s" "$(mb "$rss")" "$(mb "$hwm")" "$(mb "$anon")" "$(mb "$file")"
  echo "$start_s" >>"$work/start"
  echo "$cpu_s" >>"$work/cpu"
  awk -v k="$rss" 'BEGIN { print k / 1024 }' >>"$work/rss"
  awk -v k="$hwm" 'BEGIN { print k / 1024 }' >>"$work/hwm"
  mb "$anon" >>"$work/anon"
  mb "$file" >>"$work/file"
  rm -f "$work/out-$run"
done
echo "median of $runs runs ($seconds s of demo mining each, mining:threads=$threads):"
echo "  start to mining: $(median <"$work/start") s ($(median <"$work/cpu") s of CPU time); resident while mining: $(median <"$work/rss" | awk '{ printf "%.1f", $1 }') MB (VmRSS), peak $(median <"$work/hwm" | awk '{ printf "%.1f", $1 }') MB (VmHWM); of the resident, $(median <"$work/anon" | awk '{ printf "%.1f", $1 }') MB private (RssAnon) and $(median <"$work/file" | awk '{ printf "%.1f", $1 }') MB file pages (RssFile: the executable and libraries, clean, dropped and read back under memory pressure)"
echo "load average after (1, 5, 15 min; $(nproc) cores): $(cut -d' ' -f1-3 /proc/loadavg)"
