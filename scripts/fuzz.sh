#!/usr/bin/env bash
# Fuzzes every Vial fuzz target for a while, one after the other, and prints how many inputs each ran.
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 10m        # 10 minutes per target
#   scripts/fuzz.sh 30s router # only the targets whose name contains "router"
#
# Needs the dependencies resolved once (mvn -q -DskipTests verify). Each target runs as
#   JAZZER_FUZZ=1 mvn -o -pl framework-core,local-server,lambda-adapter test -Dtest='Class#method' -Djazzer.max_duration=60s
# Without JAZZER_FUZZ the same tests only replay their committed seeds (that is what every build does).
# Inputs the fuzzer finds interesting go to <module>/.cifuzz-corpus/ (git-ignored); a crash is saved
# as src/test/resources/<package>/<Class>Inputs/<method>/crash-* and fails the run: commit it with the fix
# so it replays in every build.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-60s}"
filter="${2:-}"
targets=(
  "framework-core dev.vial.http.HttpParsingFuzzTest#pathSegmentDecodingYieldsTextOrAnIllegalArgument"
  "framework-core dev.vial.http.HttpParsingFuzzTest#formComponentDecodingNeverFails"
  "framework-core dev.vial.http.HttpParsingFuzzTest#formParsingYieldsAnUnmodifiableMultiMap"
  "framework-core dev.vial.http.HttpParsingFuzzTest#cookieParsingYieldsTrimmedNamedValues"
  "framework-core dev.vial.http.HttpParsingFuzzTest#mediaTypeEssenceIsLowerCaseWithoutParameters"
  "framework-core dev.vial.AppFuzzTest#routerAnswersAnyPathWithoutAServerError"
  "framework-core dev.vial.files.StaticFilesFuzzTest#rangeParsingYieldsARangeInsideTheFileOrNothing"
  "framework-core dev.vial.files.StaticFilesFuzzTest#aMountAnswersAnyPathWithAFileOrA404AndNeverLeavesTheRoot"
  "framework-core dev.vial.files.StaticFilesFuzzTest#acceptEncodingWeightsStayWithinZeroAndOne"
  "framework-core dev.vial.files.StaticFilesFuzzTest#entityTagMatchingNeverFailsAndStrongImpliesWeak"
  "framework-core dev.vial.AppFuzzTest#jsonBindingAnswersOkOrBadRequest"
  "framework-core dev.vial.cors.CorsFuzzTest#originMatchingAgreesWithItsDefinition"
  "framework-core dev.vial.cors.CorsFuzzTest#requestHeaderListsYieldLowerCaseTokensOrARefusal"
  "framework-core dev.vial.cors.CorsFuzzTest#preflightsAreAnswered204Or403AndNeverEchoUncheckedInput"
  "framework-core dev.vial.multipart.MultipartFuzzTest#parsingYieldsPartsWithinTheBodyOrA400Or413"
  "framework-core dev.vial.session.SessionFuzzTest#anyCookieValueIsASessionOrARejection"
  "lambda-adapter dev.vial.lambda.LambdaEventFuzzTest#arbitraryBytesYieldAResponseOrAClearRejection"
  "lambda-adapter dev.vial.lambda.LambdaEventFuzzTest#mutatedRealEventsYieldAResponseOrAClearRejection"
  "framework-core dev.vial.stream.SseFuzzTest#anyEventIsRefusedOrReadBackExactly"
  "lambda-adapter dev.vial.lambda.runtime.HttpResponseReaderFuzzTest#anyBytesYieldAResponseOrAnIOException"
  "local-server dev.vial.server.http1.Http1FuzzTest#anyBytesYieldHeadsOrARefusalWithAStatus"
  "local-server dev.vial.server.http1.Http1FuzzTest#anyChunkedBodyIsReadWithinTheLimitOrRefused"
  "lambda-adapter dev.vial.lambda.events.ServiceEventFuzzTest#arbitraryBytesYieldAnAnswerOrAClearFailure"
  "lambda-adapter dev.vial.lambda.events.ServiceEventFuzzTest#mutatedRealEventsYieldAnAnswerOrAClearFailure"
  "lambda-adapter dev.vial.lambda.gateway.GatewayFuzzTest#envelopesYieldAResponseOrAMalformedEnvelope"
  "lambda-adapter dev.vial.lambda.gateway.GatewayFuzzTest#anyRequestBecomesAnEventTheAdapterAnswers"
)

total=0
failed=0
for target in "${targets[@]}"; do
  module="${target%% *}"
  test="${target#* }"
  [[ -n "$filter" && "$test" != *"$filter"* ]] && continue
  log="$module/target/fuzz-${test##*#}.log"
  mkdir -p "$module/target"
  status=ok
  JAZZER_FUZZ=1 mvn -o -B -pl framework-core,local-server,lambda-adapter test -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="$duration" >"$log" 2>&1 || status=FAILED
  runs=$(grep -Eo '^Done [0-9]+ runs' "$log" | awk '{s += $2} END {print s + 0}')
  total=$((total + runs))
  [[ "$status" == ok ]] || failed=$((failed + 1))
  printf '%-90s %12d runs  %s  (%s)\n' "$test" "$runs" "$status" "$log"
done
printf 'total: %d runs, %d failed targets\n' "$total" "$failed"
[[ "$failed" -eq 0 ]]
