#!/usr/bin/env bash
# Failover benchmark of the fleet gateway (docs/gateway.md, "Failover"): two gateways (instances 1 and 2, one
# shared subscription group) on one mosquitto and one PostgreSQL ledger, DEVICES simulated devices in a process of
# their own each sending RATE shares/s for SECONDS; a third of the way in, gateway 1 is SIGKILLed, stays down for
# DOWN seconds (its persistent MQTT 5 session queues its share of the devices' shares meanwhile) and is started again.
# Prints what the devices got back (judged, lost = no verdict, duplicate = a second verdict for one share) and what
# the ledger holds (rows, distinct shares, device totals), which must all agree with the shares sent.
# Usage: bench/gateway-failover.sh [devices=2000] [seconds=60] [rate=0.2] [down=10]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
devices=${1:-2000}
seconds=${2:-60}
rate=${3:-0.2}
down=${4:-10}

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" -lt $((devices + 256)) ]; then
  echo "gateway-failover: ulimit -n is $(ulimit -n), too low for $devices devices (each process needs $((devices + 256))); raise it (e.g. ulimit -n 65536 as root)" >&2
  exit 1
fi
command -v mosquitto >/dev/null || { echo "gateway-failover: needs mosquitto (apt-get install mosquitto)" >&2; exit 1; }
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")
[ -x "$pgbin/initdb" ] || { echo "gateway-failover: needs PostgreSQL (apt-get install postgresql, or tests/scripts/install-test-deps.sh)" >&2; exit 1; }

dir=$(mktemp -d)
chmod 755 "$dir"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# PostgreSQL refuses to run as root: as root it runs as the postgres user.
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

broker= gw1= gw2= fleet=
cleanup() {
  kill $broker $gw1 $gw2 $fleet 2>/dev/null || true
  wait $broker $gw1 $gw2 $fleet 2>/dev/null || true
  as_postgres "$pgbin/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

# PostgreSQL with its default durability (fsync on): the ledger both gateways write.
mkdir -p "$dir/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pg"
pgport=$(free_port)
as_postgres "$pgbin/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w -t 60 -o "-p $pgport -k $dir/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
psql_q() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d "${2:-failover}" -At -c "$1"; }
psql_q "CREATE DATABASE failover" postgres >/dev/null
ledger="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=failover"

# mosquitto as docs/gateway.md configures it: persistent sessions with room to queue an outage's shares.
mqport=$(free_port)
mkdir -p "$dir/mq"
cat > "$dir/mosquitto.conf" <<CONF
listener $mqport 127.0.0.1
allow_anonymous true
max_connections -1
set_tcp_nodelay true
max_queued_messages 100000
persistence true
persistence_location $dir/mq/
log_dest stderr
log_type error
log_type warning
CONF
[ "$(id -u)" = 0 ] && chown -R mosquitto:mosquitto "$dir/mq" "$dir/mosquitto.conf" 2>/dev/null || true
mosquitto -c "$dir/mosquitto.conf" &
broker=$!

dotnet build -c Release -v q -nologo bench/IotMinerAgent.GatewayLoad >&2
dll=bench/IotMinerAgent.GatewayLoad/bin/Release/net10.0/IotMinerAgent.GatewayLoad.dll

# Starts gateway $1 writing to $2; its pid in $started.
start_gateway() {
  dotnet "$dll" gateway --port "$mqport" --instance "$1" --postgres "$ledger" >"$2" &
  started=$!
  until grep -q '^ready' "$2"; do
    kill -0 $started 2>/dev/null || { cat "$2" >&2; echo "gateway-failover: gateway $1 did not start" >&2; exit 1; }
    sleep 0.2
  done
}
start_gateway 1 "$dir/gateway1.out"; gw1=$started
start_gateway 2 "$dir/gateway2.out"; gw2=$started

dotnet "$dll" devices --port "$mqport" --devices "$devices" --seconds "$seconds" --rate "$rate" >"$dir/devices.out" &
fleet=$!
until grep -q '^sending' "$dir/devices.out"; do
  kill -0 $fleet 2>/dev/null || break
  sleep 0.2
done
sleep $((seconds / 3))
kill -KILL $gw1
wait $gw1 2>/dev/null || true
echo "gateway 1 SIGKILLed $((seconds / 3)) s into the sending window; down for $down s"
sleep "$down"
start_gateway 1 "$dir/gateway1-restarted.out"; gw1=$started
echo "gateway 1 restarted (same instance, same MQTT client id: its session resumes)"

status=0
wait $fleet || status=$?
fleet=
kill -TERM $gw1 $gw2
wait $gw1 || status=$?
wait $gw2 || status=$?
gw1= gw2=

grep -v '^sending$\|^sent$' "$dir/devices.out"
grep '^gateway lost' "$dir/gateway2.out" | sed 's/^gateway lost  /gateway 2 lost/'
grep '^gateway lost' "$dir/gateway1-restarted.out" | sed 's/^gateway lost  /gateway 1 lost/'
sent=$(awk '/^shares sent/ { print $3 }' "$dir/devices.out")
rows=$(psql_q "SELECT COUNT(*) FROM ledger_shares")
distinct=$(psql_q "SELECT COUNT(DISTINCT (device_id, job_id, nonce)) FROM ledger_shares")
pending=$(psql_q "SELECT COUNT(*) FROM ledger_shares WHERE verdict = 8")
totals=$(psql_q "SELECT COALESCE(SUM(shares + rejects), 0) FROM ledger_devices")
echo "ledger rows              $rows ($distinct distinct device/job/nonce, $pending still pending upstream)"
echo "ledger device totals     $totals shares (credited + refused; shares sent: $sent)"
[ "$rows" = "$distinct" ] && [ "$totals" = "$sent" ] || status=1
exit $status
