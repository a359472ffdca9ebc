#!/usr/bin/env bash
# Measures Vial's example-echo against the peers of ../shared/bench in one run (see README "Performance").
#   benchmarks/run-peers.sh                      # everything, RUNS=10 (about 10-15 minutes on 2 cores)
#   RUNS=5 WARM_WARMUP=20000 WARM_EVENTS=50000 benchmarks/run-peers.sh   # a quicker look
#   PARTS=throughput benchmarks/run-peers.sh     # only the local server's throughput (about 5 minutes)
# Copies ../shared/bench to a temporary folder (it is read-only where it is shared), builds the peers
# and Vial's fat jar, then runs lambda-cold (REST v1 GET /users/42: vial, raw-lambda, aws-container;
# HTTP API v2 GET /users/42: vial), startup (vial, jdk-httpserver, javalin; bash poller) and throughput
# (vial, jdk-httpserver, javalin, spark, netty); Lambda and throughput also run vial-nolog (access log at WARN). Tables land in $RESULTS (default: a results/ folder
# next to the copied harness, printed at the end).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${BENCH_SRC:-$ROOT/../shared/bench}
WORK=${BENCH_DIR:-$(mktemp -d /tmp/vial-bench.XXXXXX)}
export RUNS=${RUNS:-10}
PARTS=${PARTS:-"lambda startup throughput"}

if [ ! -d "$WORK/scripts" ]; then
  cp -r "$SHARED/." "$WORK/" && chmod -R u+w "$WORK"
fi
# A second Vial target, vial-nolog: the same jar with the access logger at WARN, so the table shows
# what the one INFO access line per request (slf4j-simple, stderr) costs. Added once to the copy.
if ! grep -q 'vial-nolog' "$WORK/scripts/targets.sh"; then
  cat >> "$WORK/scripts/targets.sh" <<'TARGETS'
if [[ -n $VIAL_JAR ]]; then
  SERVER_TARGETS+=("vial-nolog|$JAVA17|$VIAL_JAR|-Dorg.slf4j.simpleLogger.log.dev.vial.server.access=warn||/hello=/,/echo=/json")
  LAMBDA_TARGETS+=("vial-nolog|$JAVA17|$VIAL_JAR|dev.vial.example.echo.EchoLambda|-Dorg.slf4j.simpleLogger.log.dev.vial.lambda.access=warn|events/post-echo.json=events/post-json.json|v1,v2,alb")
fi
TARGETS
fi
"$WORK/scripts/build.sh"
(cd "$ROOT" && mvn -B -q package -DskipTests -pl example-echo -am)
export VIAL_JAR="$ROOT/example-echo/target/example-echo.jar"
RESULTS=${RESULTS:-$WORK/results}
mkdir -p "$RESULTS"
export RESULTS_DIR="$RESULTS"

echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%FT%TZ)"
ls -l "$VIAL_JAR"
if [[ " $PARTS " == *" lambda "* ]]; then
  ONLY="vial vial-nolog raw-lambda aws-container" EVENTS=events/get-users-42.json "$WORK/scripts/lambda-cold.sh"
  cp "$RESULTS/lambda-cold.txt" "$RESULTS/lambda-cold-v1.txt"
  ONLY="vial vial-nolog" EVENTS=events/v2-get-users-42.json "$WORK/scripts/lambda-cold.sh"
  cp "$RESULTS/lambda-cold.txt" "$RESULTS/lambda-cold-v2.txt"
fi
if [[ " $PARTS " == *" startup "* ]]; then
  ONLY="vial jdk-httpserver javalin" POLLER=bash "$WORK/scripts/startup.sh"
fi
if [[ " $PARTS " == *" throughput "* ]]; then
  ONLY=${THROUGHPUT_ONLY:-"vial vial-nolog jdk-httpserver javalin spark netty"} "$WORK/scripts/throughput.sh"
fi
echo "== tables: $RESULTS (lambda-cold-v1.txt lambda-cold-v2.txt startup.txt throughput.txt)"
