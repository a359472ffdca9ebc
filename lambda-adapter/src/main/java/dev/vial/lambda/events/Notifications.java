package dev.vial.lambda.events;

import com.fasterxml.jackson.core.JsonFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Notifications carried inside an SQS message body: an SNS envelope or an S3 event, read on request only. */
final class Notifications {

  private static final JsonFactory JSON = new JsonFactory();

  private Notifications() {}

  static SnsMessage sns(String body, JsonBinder json) {
    Map<String, Object> envelope = RecordReaders.parseObject(JSON, body.getBytes(StandardCharsets.UTF_8),
        "The SQS message body");
    if (!"Notification".equals(JsonValues.text(envelope, "Type")) || JsonValues.text(envelope, "TopicArn") == null) {
      throw new ServiceEventException("The SQS message body is not an SNS notification (no Type \"Notification\" "
          + "with a TopicArn; is raw message delivery on?)");
    }
    return RecordReaders.snsEnvelope(envelope, json);
  }

  static List<S3Record> s3(String body) {
    Map<String, Object> event = RecordReaders.parseObject(JSON, body.getBytes(StandardCharsets.UTF_8),
        "The SQS message body");
    List<Object> records = JsonValues.array(event, "Records");
    if (records.isEmpty()) {
      throw new ServiceEventException("The SQS message body is not an S3 event notification (no Records; "
          + "an s3:TestEvent, perhaps: " + JsonValues.text(event, "Event") + ")");
    }
    List<S3Record> s3 = new ArrayList<>();
    for (Object record : records) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = record instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      if (!"aws:s3".equals(JsonValues.text(map, "eventSource"))) {
        throw new ServiceEventException("The SQS message body holds a record that is not from aws:s3");
      }
      s3.add(RecordReaders.s3(map));
    }
    return List.copyOf(s3);
  }
}
