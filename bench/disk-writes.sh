#!/usr/bin/env bash
# Bytes the agent writes to disk per share found and per hour: SD-card wear (issue 15).
#
# Usage: bench/disk-writes.sh [seconds per run] [runs]    (defaults: 30 s, 3 runs)
# Environment: DIFFICULTY (demo:shareDifficulty, default auto as in the agent: a share about every 5 s; 0.0002 gives
#              several shares a second),
#              THREADS (mining:threads, default 0 = one per core, the agent's default), IOTMINER (the command to run, default ./iotminer from this checkout),
#              BROKER (up, the default: the embedded broker; down: mqtt:host points at a port nobody listens on, so every
#              share stays unacknowledged and is written: the outbox's worst case; shares are then counted as rows of
#              the outbox, read with python3's sqlite3).
#
# Each run starts `iotminer run --consent=true` on demo work in a fresh state directory on the same disk as the
# checkout, with the embedded MQTT broker on a free port (every share goes through the share outbox) and
# the governor told to mine at once (no idle wait, full duty: the point is many shares). mosquitto_sub counts the
# share messages the broker delivers. After a warm-up (WARMUP seconds, default 5: start-up writes such as creating
# the outbox are a one-time cost) and again N seconds later it reads the agent's /proc/PID/io: write_bytes (bytes the
# process caused to be written to the block device, counted per 4 KiB page as the page is dirtied) and wchar (bytes
# passed to write(2), to any file, pipe or socket). Steady state = the difference over those N seconds, per share
# published in them and per hour. Then it stops the agent with SIGTERM (a background job ignores SIGINT) and also
# prints the whole run (start-up included) per share found, from the stop summary (accepted + rejected + stale +
# pending). The agent's output goes to a pipe, not to a file, so logging is not counted (under systemd it goes to
# journald). Prints each run and the medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"
runs="${2:-3}"
difficulty="${DIFFICULTY:-auto}"
warmup="${WARMUP:-5}"
threads="${THREADS:-0}"
broker="${BROKER:-up}"
case "$broker" in up|down) ;; *) echo "disk-writes: BROKER must be up or down, not '$broker'" >&2; exit 64 ;; esac
iotminer="${IOTMINER:-$root/iotminer}"

# Build once, outside the measured runs.
"$iotminer" --help >/dev/null

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

work="$(mktemp -d "$root/.build/disk-writes.XXXXXX")"
trap 'rm -rf "$work"' EXIT
io() { awk -v key="$2:" '$1 == key { print $2 }' "/proc/$1/io"; }
# Shares published so far (broker up: lines mosquitto_sub printed) or queued on disk (broker down: outbox rows).
count_shares() {
  if [ "$broker" = up ]; then
    wc -l <"$1"
  else
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM outbox").fetchone()[0])' "$2/mqtt-share-outbox.db"
  fi
}
printf '%-4s %7s %7s %12s %10s %12s %14s | %12s %12s\n' run seconds shares write_bytes wchar 'bytes/share' 'bytes/hour' 'run shares' 'run B/share'
for run in $(seq 1 "$runs"); do
  state="$work/state-$run"
  log="$work/log-$run"
  published="$work/published-$run"
  mkdir -p "$state"
  mkfifo "$work/out-$run"
  cat "$work/out-$run" >"$log" &
  reader=$!
  port="$(free_port)"
  broker_settings=(--mqtt:embeddedBrokerPort="$port")
  [ "$broker" = down ] && broker_settings=(--mqtt:host=127.0.0.1 --mqtt:port="$port")
  "$iotminer" run --consent=true --stateDirectory="$state" --demo:shareDifficulty="$difficulty" --mining:threads="$threads" \
    --governor:idleOnly=false --governor:noSensorDutyPercent=100 "${broker_settings[@]}" \
    --mqtt:homeAssistant=false >"$work/out-$run" 2>&1 &
  agent=$!
  if [ "$broker" = up ]; then
    until mosquitto_sub -V mqttv5 -p "$port" -t '$SYS/none' -W 1 -E 2>/dev/null; do
      kill -0 "$agent" 2>/dev/null || { echo "disk-writes: the agent stopped early; its output:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.2
    done
    mosquitto_sub -V mqttv5 -p "$port" -t 'iotminer/+/share' -q 1 >"$published" &
    subscriber=$!
  else
    until [ -f "$state/mqtt-share-outbox.db" ]; do
      kill -0 "$agent" 2>/dev/null || { echo "disk-writes: the agent stopped early; its output:" >&2; cat "$log" >&2; exit 1; }
      sleep 0.2
    done
    subscriber=
  fi
  sleep "$warmup"
  written0="$(io "$agent" write_bytes)"; wchar0="$(io "$agent" wchar)"; shares0="$(count_shares "$published" "$state")"
  sleep "$seconds"
  if ! kill -0 "$agent" 2>/dev/null; then
    echo "disk-writes: the agent stopped early; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  written1="$(io "$agent" write_bytes)"; wchar1="$(io "$agent" wchar)"; shares1="$(count_shares "$published" "$state")"
  kill -TERM "$agent"
  wait "$agent" || true
  wait "$reader" || true
  if [ -n "$subscriber" ]; then
    kill "$subscriber" 2>/dev/null || true
    wait "$subscriber" 2>/dev/null || true
  fi
  summary="$(grep 'iotminer: stopped after' "$log" | tail -n 1)"
  found="$(sed -E 's/.*shares ([0-9]+) accepted, ([0-9]+) rejected, ([0-9]+) stale, ([0-9]+) pending.*/\1 \2 \3 \4/' <<<"$summary" | awk '{ print $1 + $2 + $3 + $4 }')"
  shares=$((shares1 - shares0))
  if [ -z "$summary" ] || [ "$shares" -le 0 ]; then
    echo "disk-writes: no shares published in run $run (summary: '${summary:-none}'); lower DIFFICULTY or run longer. Output:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  written=$((written1 - written0))
  per_share=$((written / shares))
  per_hour=$((written * 3600 / seconds))
  run_per_share=$((written1 / found))
  printf '%-4s %7s %7s %12s %10s %12s %14s | %12s %12s\n' "$run" "$seconds" "$shares" "$written" "$((wchar1 - wchar0))" "$per_share" "$per_hour" "$found" "$run_per_share"
  echo "$per_share" >>"$work/per-share"
  echo "$per_hour" >>"$work/per-hour"
  echo "$shares" >>"$work/shares"
  echo "$run_per_share" >>"$work/run-per-share"
  rm -f "$work/out-$run"
done

echo "median of $runs runs (demo difficulty $difficulty, mining:threads=$threads, broker $broker, outbox in $root/.build):"
echo "  steady state ($seconds s after a $warmup s warm-up): $(median <"$work/shares") shares $([ "$broker" = up ] && echo published || echo queued),"
echo "    $(median <"$work/per-share") B written per share, $(median <"$work/per-hour" | awk '{ printf "%.2f MB", $1 / 1e6 }') written per hour (write_bytes)"
echo "  whole run, start-up included: $(median <"$work/run-per-share") B written per share found"
