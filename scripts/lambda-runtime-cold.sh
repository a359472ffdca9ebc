#!/usr/bin/env bash
# Cold start of Vial's own Lambda runtime loop against AWS's runtime interface client (RIC 2.10.1, the one in
# Lambda's managed Java runtimes), in the same run, interleaved: for each round, each runtime is started as a
# fresh JVM (the managed runtime's flags) on the unpacked echo jar by the shared harness' Runtime API emulator
# (runtime_api.py, copied to a scratch folder), which queues one event at launch and reports `totalMs`:
# runtime launch -> JVM start -> init -> /next -> response posted. Prints medians and the ratio vial/ric.
#
#   scripts/lambda-runtime-cold.sh             # RUNS=15, EVENT=example-echo/events/rest-v1-get-user.json
# Needs: the jar (mvn -DskipTests package), python3, unzip, Maven's local repository with the RIC (mvn verify
# of example-echo has downloaded it). HARNESS=../shared/harness/ric by default.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/example-echo/target/example-echo.jar}
RUNS=${RUNS:-15}
EVENT=${EVENT:-$ROOT/example-echo/events/rest-v1-get-user.json}
HARNESS=${HARNESS:-$ROOT/../shared/harness/ric}
JAVA=${JAVA:-java}
HANDLER=dev.vial.example.echo.EchoLambda::handleRequest
[[ -f $JAR ]] || { echo "missing $JAR: run mvn -DskipTests package first" >&2; exit 1; }

WORK=$(mktemp -d /tmp/vial-runtime-cold.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp "$HARNESS/runtime_api.py" "$WORK/"
mkdir "$WORK/task" && (cd "$WORK/task" && unzip -q "$JAR")
RIC_CP=$(cd "$ROOT" && mvn -o -q -B -pl example-echo -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.includeGroupIds=com.amazonaws,software.amazon.awssdk -Dmdep.outputFile="$WORK/ric.cp" >/dev/null && cat "$WORK/ric.cp")
RIC_JAR=$(tr ':' '\n' <<<"$RIC_CP" | grep aws-lambda-java-runtime-interface-client)
mkdir "$WORK/jni" && (cd "$WORK/jni" && unzip -q -o "$RIC_JAR" "jni/libaws-lambda-jni.linux-x86_64.so")
FLAGS=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -XX:MaxHeapSize=870m)

run() { # run NAME -> totalMs of one cold invocation
  local cmd
  if [[ $1 == ric ]]; then
    cmd=("$JAVA" "${FLAGS[@]}" -Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI="$WORK/jni/jni/libaws-lambda-jni.linux-x86_64.so"
      -cp "$RIC_CP" com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$HANDLER")
  else
    cmd=("$JAVA" "${FLAGS[@]}" -cp "$WORK/task:$WORK/task/lib/*" dev.vial.example.echo.Main lambda-runtime)
  fi
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  python3 "$WORK/runtime_api.py" --runtime-port "$port" --event "$EVENT" --init eager --task-root "$WORK/task" \
    --env "_HANDLER=$HANDLER" -- "${cmd[@]}" 2>>"$WORK/$1.log" \
    | python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); assert d["outcome"]=="success", d; print(d["totalMs"])'
}

declare -a ric vial
for ((i = 1; i <= RUNS; i++)); do
  if ((i % 2)); then ric+=("$(run ric)"); vial+=("$(run vial)"); else vial+=("$(run vial)"); ric+=("$(run ric)"); fi
done
python3 - "${ric[*]}" "${vial[*]}" "$(uptime)" <<'PY'
import statistics, sys
ric = [float(x) for x in sys.argv[1].split()]
vial = [float(x) for x in sys.argv[2].split()]
print("runs=%d  load: %s" % (len(ric), sys.argv[3].strip()))
print("AWS RIC    launch->response median %.0f ms  (min %.0f, max %.0f)" % (statistics.median(ric), min(ric), max(ric)))
print("Vial loop  launch->response median %.0f ms  (min %.0f, max %.0f)" % (statistics.median(vial), min(vial), max(vial)))
print("ratio vial/ric (medians): %.2f" % (statistics.median(vial) / statistics.median(ric)))
PY
