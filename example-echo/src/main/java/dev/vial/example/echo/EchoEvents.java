package dev.vial.example.echo;

import dev.vial.lambda.events.EventBridgeEvent;
import dev.vial.lambda.events.S3Record;
import dev.vial.lambda.events.ScheduledEvent;
import dev.vial.lambda.events.ServiceEvents;
import dev.vial.lambda.events.SnsMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The echo app's service events, beside its routes: every source AWS can send, each answering in a way a
 * test can check. A record that asks to fail (an SQS body or Kinesis data of exactly {@code fail}, a
 * DynamoDB {@code NewImage} with {@code fail: true}) throws, so partial batch failures show.
 */
final class EchoEvents {

  private EchoEvents() {}

  static ServiceEvents table() {
    return new ServiceEvents()
        .sqs("echo-queue", msg -> failIf(msg.body().equals("fail"), "SQS message " + msg.messageId()))
        .kinesis("echo-stream", rec -> failIf(rec.text().equals("fail"), "Kinesis record " + rec.sequenceNumber()))
        .dynamodb("echo-table", rec -> failIf(Boolean.TRUE.equals(rec.newImage().get("fail")),
            "DynamoDB record " + rec.sequenceNumber()))
        .s3Batch("echo-bucket", EchoEvents::s3)
        .snsBatch("echo-topic", EchoEvents::sns)
        .schedule("echo-nightly", "rate(1 day)", EchoEvents::schedule)
        .scheduler("echo-hourly", "rate(1 hour)", EchoEvents::schedule)
        .eventBridge("echo.app", EchoEvents::eventBridge);
  }

  private static void failIf(boolean fail, String what) {
    if (fail) {
      throw new IllegalStateException(what + " asked to fail");
    }
  }

  private static Map<String, Object> s3(List<S3Record> records) {
    List<Map<String, Object>> answers = new ArrayList<>();
    for (S3Record record : records) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("event", record.eventName());
      answer.put("bucket", record.bucket());
      answer.put("key", record.key());
      answer.put("size", record.size());
      answers.add(answer);
    }
    return answer("s3", answers);
  }

  private static Map<String, Object> sns(List<SnsMessage> messages) {
    List<Map<String, Object>> answers = new ArrayList<>();
    for (SnsMessage message : messages) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("topic", message.topic());
      answer.put("subject", message.subject());
      answer.put("message", message.message());
      answers.add(answer);
    }
    return answer("sns", answers);
  }

  private static Map<String, Object> schedule(ScheduledEvent event) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("source", "schedule");
    answer.put("name", event.name());
    answer.put("time", event.time());
    return answer;
  }

  private static Map<String, Object> eventBridge(EventBridgeEvent event) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("source", "eventbridge");
    answer.put("detailType", event.detailType());
    answer.put("detail", event.detail(Object.class));
    return answer;
  }

  private static Map<String, Object> answer(String source, List<Map<String, Object>> records) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("source", source);
    answer.put("records", records);
    return answer;
  }
}
