#!/usr/bin/env bash
# Latency of normal clients before and during a slow-client attack on the echo app (README "Security").
#   scripts/slow-clients.sh                                   # Java on PATH (17: platform threads)
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java scripts/slow-clients.sh   # 21+: virtual threads
# Env: DRIBBLERS (200) connections sending their head one byte every 2 s, STALLERS (50) sending 10 of a
# declared 100 body bytes, CLIENTS (4) normal clients in a loop (new connection, GET /, read, close),
# PHASE_SECONDS (10) per phase (keep it under the 30 s read timeout), JAR (example-echo's fat jar; built if missing).
# Prints requests, errors and p50/p90/p99/max latency for the baseline phase and the attack phase.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-java}
JAR=${JAR:-$ROOT/example-echo/target/example-echo.jar}
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q package -DskipTests -pl example-echo -am)
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
LOG=$(mktemp /tmp/vial-slow-clients.XXXXXX.log)
# The access line is on, as shipped; it goes to a file like any service's log.
"$JAVA" -jar "$JAR" --port "$PORT" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.1
done
echo "== $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
echo "== server: $(grep -m1 -o 'listening on .*' "$LOG" || true)"
"$JAVA" "$ROOT/scripts/SlowClientLoad.java" "$PORT" / "${DRIBBLERS:-200}" "${STALLERS:-50}" "${CLIENTS:-4}" "${PHASE_SECONDS:-10}"
