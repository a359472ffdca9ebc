#!/usr/bin/env bash
# Load test of the local server: wrk against `java -jar example-echo/target/example-echo.jar`.
#
#   scripts/load-test.sh [duration, default 60s]
#
# Needs wrk (Debian/Ubuntu: `sudo apt-get install wrk`; macOS: `brew install wrk`) and the fat jar
# (built here if missing: mvn -q -pl example-echo -am package -DskipTests).
# Runs a 10 s warm-up, then `wrk -t2 -c64 -d60s --latency` on the mix in scripts/load-mix.lua
# (GETs, a 4 KiB binary POST, a JSON POST, a form PUT). Reports requests/s, p50/p99 latency,
# socket errors and non-2xx answers (both must be 0), and the server's resident memory and thread
# count after warm-up and at the end (memory must stay within 20%, threads unchanged).
# Linux only (reads /proc/<pid>/status). Takes about 80 s.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-60s}"
port="${PORT:-18080}"
jar=example-echo/target/example-echo.jar

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk / brew install wrk)" >&2; exit 2; }
[[ -f "$jar" ]] || mvn -q -pl example-echo -am package -DskipTests

java -jar "$jar" --port "$port" >/tmp/vial-load-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.2
done

status() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$server/status"; }

wrk -t2 -c64 -d10s -s scripts/load-mix.lua "http://127.0.0.1:$port" >/dev/null
sleep 1
rss_warm=$(status VmRSS); threads_warm=$(status Threads)

out=$(wrk -t2 -c64 -d"$duration" --latency -s scripts/load-mix.lua "http://127.0.0.1:$port")
sleep 1
rss_end=$(status VmRSS); threads_end=$(status Threads)
echo "$out"

socket_errors=$(echo "$out" | awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}')
non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
growth=$(awk -v a="$rss_warm" -v b="$rss_end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')

echo
echo "requests/s: $rps   p99: $p99"
echo "socket errors: ${socket_errors:-0}   non-2xx: ${non2xx:-0}"
echo "RSS after warm-up: ${rss_warm} kB   at the end: ${rss_end} kB   (${growth}%)"
echo "threads after warm-up: $threads_warm   at the end: $threads_end"

ok=1
[[ "${socket_errors:-0}" -eq 0 ]] || ok=0
[[ "${non2xx:-0}" -eq 0 ]] || ok=0
awk -v g="$growth" 'BEGIN {exit !(g <= 20 && g >= -20)}' || ok=0
[[ "$threads_warm" -eq "$threads_end" ]] || ok=0
if [[ $ok -eq 1 ]]; then echo "PASS"; else echo "FAIL"; exit 1; fi
