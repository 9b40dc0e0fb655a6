#!/usr/bin/env bash
# Bytes the agent writes to disk per share found and per hour: SD-card wear (issue 15).
#
# Usage: bench/disk-writes.sh [seconds per run] [runs]    (defaults: 30 s, 3 runs)
# Environment: DIFFICULTY (demo:shareDifficulty, default 0.001 = the agent's default demo difficulty),
#              THREADS (mining:threads, default 0 = one per core, the agent's default), IOTMINER (the command to run, default ./iotminer from this checkout).
#
# Each run starts `iotminer run --consent=true` on demo work in a fresh state directory on the same disk as the
# checkout, with the embedded MQTT broker on a free port (so every share goes through the disk-backed outbox) and
# the governor told to mine at once (no idle wait, full duty: the point is many shares). After N seconds it reads
# the agent's /proc/PID/io (write_bytes: bytes the process caused to be written to the block device, counted per
# 4 KiB page as it is dirtied; wchar: bytes passed to write(2) and friends, to any file, pipe or socket), then stops
# the agent with SIGTERM (a background job ignores SIGINT) and counts the shares from its stop summary (accepted + rejected + stale + pending: every
# share found). The agent's output goes to a pipe, not to a file, so logging is not counted (under systemd it goes
# to journald). Prints each run and the medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
runs="${2:-3}"
difficulty="${DIFFICULTY:-0.001}"
threads="${THREADS:-0}"
iotminer="${IOTMINER:-$root/iotminer}"

# Build once, outside the measured runs.
"$iotminer" --help >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

work="$(mktemp -d "$root/.build/disk-writes.XXXXXX")"
trap 'rm -rf "$work"' EXIT
printf '%-4s %8s %8s %12s %12s %14s %16s\n' run seconds shares write_bytes wchar 'bytes/share' 'write_bytes/h'
for run in $(seq 1 "$runs"); do
  state="$work/state-$run"
  log="$work/log-$run"
  mkdir -p "$state"
  mkfifo "$work/out-$run"
  cat "$work/out-$run" >"$log" &
  reader=$!
  "$iotminer" run --consent=true --stateDirectory="$state" --demo:shareDifficulty="$difficulty" --mining:threads="$threads" \
    --governor:idleOnly=false --governor:noSensorDutyPercent=100 --mqtt:embeddedBrokerPort="$(free_port)" \
    --mqtt:homeAssistant=false >"$work/out-$run" 2>&1 &
  agent=$!
  sleep "$seconds"
  if ! kill -0 "$agent" 2>/dev/null; then
    echo "disk-writes: the agent stopped early; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  write_bytes="$(awk '/^write_bytes:/ { print $2 }' "/proc/$agent/io")"
  wchar="$(awk '/^wchar:/ { print $2 }' "/proc/$agent/io")"
  kill -TERM "$agent"
  wait "$agent" || true
  wait "$reader" || true
  summary="$(grep 'iotminer: stopped after' "$log" | tail -n 1)"
  shares="$(sed -E 's/.*shares ([0-9]+) accepted, ([0-9]+) rejected, ([0-9]+) stale, ([0-9]+) pending.*/\1 \2 \3 \4/' <<<"$summary" | awk '{ print $1 + $2 + $3 + $4 }')"
  if [ -z "$summary" ] || [ "${shares:-0}" -eq 0 ]; then
    echo "disk-writes: no shares counted in run $run (summary: '${summary:-none}'); lower DIFFICULTY or run longer. Output:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  per_share=$((write_bytes / shares))
  per_hour=$((write_bytes * 3600 / seconds))
  printf '%-4s %8s %8s %12s %12s %14s %16s\n' "$run" "$seconds" "$shares" "$write_bytes" "$wchar" "$per_share" "$per_hour"
  echo "$per_share" >>"$work/per-share"
  echo "$per_hour" >>"$work/per-hour"
  echo "$shares" >>"$work/shares"
  rm -f "$work/out-$run"
done

echo "median of $runs runs of $seconds s (demo difficulty $difficulty, mining:threads=$threads, embedded broker, outbox in $root/.build):"
echo "  shares found per run: $(median <"$work/shares")"
echo "  bytes written per share: $(median <"$work/per-share") B (write_bytes / shares found)"
echo "  bytes written per hour: $(median <"$work/per-hour" | awk '{ printf "%.1f MB", $1 / 1e6 }') (write_bytes · 3600 / seconds)"
