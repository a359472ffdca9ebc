package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.lambda.events.ServiceEventException;
import dev.vial.testkit.TestEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The echo app's service events, exactly as specified, through {@link EchoLambda} and the test kit. */
class EchoEventsTest {

  private static final EchoLambda LAMBDA = new EchoLambda();

  private static String answer(String event) {
    return TestEvents.invoke(LAMBDA, event).json();
  }

  @Test
  void sqsReportsTheMessagesWhoseBodyIsFail() {
    assertThat(TestEvents.invoke(LAMBDA, TestEvents.sqs("echo-queue", "a", "fail", "failing", "fail"))
        .batchItemFailures()).containsExactly(TestEvents.sqsMessageId(2), TestEvents.sqsMessageId(4));
    assertThat(answer(TestEvents.sqs("echo-queue", "ok"))).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void sqsFifoStopsAtTheFirstFailure() {
    assertThat(TestEvents.invoke(LAMBDA, TestEvents.sqsFifo("echo-queue", "g", "a", "fail", "c")).batchItemFailures())
        .containsExactly(TestEvents.sqsMessageId(2), TestEvents.sqsMessageId(3));
  }

  @Test
  void kinesisReportsTheRecordsWhoseDataIsFail() {
    assertThat(TestEvents.invoke(LAMBDA, TestEvents.kinesis("echo-stream", "fail", "ok")).batchItemFailures())
        .containsExactly(TestEvents.kinesisSequenceNumber(1));
  }

  @Test
  void dynamodbReportsTheRecordsWhoseNewImageHasFailTrue() {
    Map<String, Object> failing = new LinkedHashMap<>();
    failing.put("id", "2");
    failing.put("fail", true);

    assertThat(TestEvents.invoke(LAMBDA, TestEvents.dynamodb("echo-table", Map.of("id", "1", "fail", false), failing,
        Map.of("id", "3", "fail", "true"))).batchItemFailures())
        .containsExactly(TestEvents.dynamodbSequenceNumber(2));
  }

  @Test
  void s3AnswersEveryRecordWithItsDecodedKey() {
    assertThat(answer(TestEvents.s3("echo-bucket", "my file+1.txt"))).isEqualTo("{\"source\":\"s3\",\"records\":"
        + "[{\"event\":\"ObjectCreated:Put\",\"bucket\":\"echo-bucket\",\"key\":\"my file+1.txt\",\"size\":1024}]}");
    assertThat(answer(TestEvents.s3("ObjectRemoved:Delete", "echo-bucket", "a", null))).isEqualTo("{\"source\":\"s3\","
        + "\"records\":[{\"event\":\"ObjectRemoved:Delete\",\"bucket\":\"echo-bucket\",\"key\":\"a\",\"size\":null}]}");
  }

  @Test
  void snsAnswersTopicSubjectAndMessage() {
    assertThat(answer(TestEvents.sns("echo-topic", "Hi", "hello"))).isEqualTo("{\"source\":\"sns\",\"records\":"
        + "[{\"topic\":\"echo-topic\",\"subject\":\"Hi\",\"message\":\"hello\"}]}");
    assertThat(answer(TestEvents.sns("echo-topic", null, "m"))).isEqualTo("{\"source\":\"sns\",\"records\":"
        + "[{\"topic\":\"echo-topic\",\"subject\":null,\"message\":\"m\"}]}");
  }

  @Test
  void theRuleAndTheSchedulerScheduleAnswerTheirNameAndTime() {
    assertThat(answer(TestEvents.schedule("echo-nightly")))
        .isEqualTo("{\"source\":\"schedule\",\"name\":\"echo-nightly\",\"time\":\"2026-01-01T00:00:00Z\"}");
    assertThat(answer(TestEvents.scheduler("echo-hourly")))
        .isEqualTo("{\"source\":\"schedule\",\"name\":\"echo-hourly\",\"time\":\"2026-01-01T00:00:00Z\"}");
  }

  @Test
  void eventBridgeAnswersAnyDetailTypeOfEchoApp() {
    assertThat(answer(TestEvents.eventBridge("echo.app", "Anything", "{\"a\":[1,\"x\"],\"b\":{\"c\":null}}")))
        .isEqualTo("{\"source\":\"eventbridge\",\"detailType\":\"Anything\",\"detail\":{\"a\":[1,\"x\"],\"b\":{\"c\":null}}}");
  }

  @Test
  void anythingElseFailsTheInvocation() {
    assertThatThrownBy(() -> answer(TestEvents.sqs("other-queue", "a")))
        .isInstanceOf(ServiceEventException.class)
        .hasMessageStartingWith("No registration matches SQS other-queue, 1 record; registered: SQS queue echo-queue, "
            + "Kinesis stream echo-stream, DynamoDB table echo-table, S3 bucket echo-bucket, SNS topic echo-topic, "
            + "schedule rule echo-nightly, Scheduler schedule echo-hourly, EventBridge echo.app / *");
    assertThatThrownBy(() -> answer(TestEvents.schedule("echo-hourly"))).isInstanceOf(ServiceEventException.class);
    assertThatThrownBy(() -> answer(TestEvents.cloudWatchLogs("g", "x"))).isInstanceOf(ServiceEventException.class);
  }

  @Test
  void theTableDescribesWhatTheTemplateDeploys() {
    assertThat(EchoApp.events().triggers()).extracting(t -> t.describe()).containsExactly("SQS queue echo-queue",
        "Kinesis stream echo-stream", "DynamoDB table echo-table", "S3 bucket echo-bucket", "SNS topic echo-topic",
        "schedule rule echo-nightly", "Scheduler schedule echo-hourly", "EventBridge echo.app / *");
  }
}
