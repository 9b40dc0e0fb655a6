#!/usr/bin/env bash
# Load benchmark of the fleet gateway (docs/gateway.md, "Load"): starts a mosquitto tuned for many clients, then
# bench/IotMinerAgent.GatewayLoad runs one gateway in-process (Stratum test pool upstream) and DEVICES simulated
# devices, each a real MQTT client sending RATE shares/s for SECONDS, and reports validated shares/s, share→verdict
# latency (p50/p99) and shares sent vs verdicts received vs ledger rows.
# Usage: bench/gateway-load.sh [devices=1000] [seconds=60] [rate=1] [workers=4]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
devices=${1:-1000}
seconds=${2:-60}
rate=${3:-1}
workers=${4:-4}

# Each device is one connection on both ends (client socket here, broker socket in mosquitto).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" -lt $((devices * 2 + 256)) ]; then
  echo "gateway-load: ulimit -n is $(ulimit -n), too low for $devices devices; raise it (e.g. ulimit -n 65536 as root)" >&2
  exit 1
fi

command -v mosquitto >/dev/null || { echo "gateway-load: needs mosquitto (apt-get install mosquitto)" >&2; exit 1; }
dir=$(mktemp -d)
chmod 755 "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# max_queued_messages: the default 1000 would make mosquitto drop QoS 1 messages for a gateway that falls behind for a
# moment; the benchmark must see every share.
cat > "$dir/mosquitto.conf" <<CONF
listener $port 127.0.0.1
allow_anonymous true
max_connections -1
# Without it mosquitto leaves Nagle on: small verdicts wait for the peer's delayed ACK (~40 ms each).
set_tcp_nodelay true
max_queued_messages 100000
persistence false
log_dest stderr
log_type error
log_type warning
CONF
mosquitto -c "$dir/mosquitto.conf" &
broker=$!
trap 'kill $broker 2>/dev/null; wait $broker 2>/dev/null; rm -rf "$dir"' EXIT
sleep 0.5

dotnet run -c Release --project bench/IotMinerAgent.GatewayLoad -- --port "$port" --devices "$devices" --seconds "$seconds" --rate "$rate" --workers "$workers"
