package dev.vial.lambda.events;

import static dev.vial.lambda.events.JsonValues.array;
import static dev.vial.lambda.events.JsonValues.decimal;
import static dev.vial.lambda.events.JsonValues.object;
import static dev.vial.lambda.events.JsonValues.scalar;
import static dev.vial.lambda.events.JsonValues.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one record (or event) in plain values into its typed value. A record that cannot be read
 * throws {@code IllegalArgumentException} naming the field; in a batch that fails only that record.
 */
final class RecordReaders {

  /** A CloudWatch Logs delivery inflates to at most this many bytes (AWS batches up to 1 MB of log events). */
  static final int MAX_LOGS_INFLATED = 8 * 1024 * 1024;

  private RecordReaders() {}

  static SqsMessage sqs(Map<String, Object> r, JsonBinder json) {
    Map<String, SqsMessage.Attribute> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object(r, "messageAttributes").entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = entry.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      attributes.put(entry.getKey(), new SqsMessage.Attribute(text(a, "dataType"), text(a, "stringValue"),
          text(a, "binaryValue")));
    }
    return new SqsMessage(text(r, "messageId"), text(r, "receiptHandle"), text(r, "body"),
        JsonValues.strings(object(r, "attributes")), attributes, text(r, "eventSourceARN"), text(r, "awsRegion"), json);
  }

  /** An SNS record delivered to Lambda: the notification sits under {@code Sns}. */
  static SnsMessage snsRecord(Map<String, Object> r, JsonBinder json) {
    return snsEnvelope(object(r, "Sns"), json);
  }

  /** An SNS notification envelope, as in an SNS record's {@code Sns} or an SQS message body. */
  static SnsMessage snsEnvelope(Map<String, Object> sns, JsonBinder json) {
    Map<String, SnsMessage.Attribute> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object(sns, "MessageAttributes").entrySet()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> a = entry.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      attributes.put(entry.getKey(), new SnsMessage.Attribute(text(a, "Type"), scalar(a, "Value")));
    }
    return new SnsMessage(text(sns, "MessageId"), text(sns, "Type"), text(sns, "TopicArn"), text(sns, "Subject"),
        text(sns, "Message"), text(sns, "Timestamp"), attributes, json);
  }

  static S3Record s3(Map<String, Object> r) {
    Map<String, Object> s3 = object(r, "s3");
    Map<String, Object> object = object(s3, "object");
    String rawKey = text(object, "key");
    if (rawKey == null) {
      throw new IllegalArgumentException("S3 record has no s3.object.key");
    }
    String key;
    try {
      key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("S3 object key \"" + rawKey + "\" is not form-URL-encoded: " + e.getMessage(), e);
    }
    return new S3Record(text(r, "eventName"), text(r, "eventTime"), text(r, "awsRegion"),
        text(object(s3, "bucket"), "name"), key, rawKey, JsonValues.whole(object, "size"), text(object, "eTag"),
        text(object, "versionId"), text(object, "sequencer"));
  }

  static DynamoDbRecord dynamodb(Map<String, Object> r) {
    Map<String, Object> d = object(r, "dynamodb");
    return new DynamoDbRecord(text(r, "eventID"), text(r, "eventName"), text(r, "eventSourceARN"), text(r, "awsRegion"),
        text(d, "SequenceNumber"), DynamoDbValues.item(object(d, "Keys")), DynamoDbValues.item(object(d, "NewImage")),
        DynamoDbValues.item(object(d, "OldImage")), text(d, "StreamViewType"), JsonValues.whole(d, "SizeBytes"),
        decimal(d, "ApproximateCreationDateTime"));
  }

  static KinesisRecord kinesis(Map<String, Object> r, JsonBinder json) {
    Map<String, Object> k = object(r, "kinesis");
    String data = text(k, "data");
    byte[] bytes;
    try {
      bytes = data == null ? new byte[0] : Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Kinesis record data is not base64: " + e.getMessage(), e);
    }
    return new KinesisRecord(text(r, "eventID"), text(k, "partitionKey"), text(k, "sequenceNumber"), bytes,
        decimal(k, "approximateArrivalTimestamp"), text(r, "eventSourceARN"), text(r, "awsRegion"), json);
  }

  static EventBridgeEvent eventBridge(Map<String, Object> e, JsonFactory factory, JsonBinder json) {
    Object detail = e.get("detail");
    String detailJson = detail == null ? "{}" : detail instanceof String text ? text : JsonValues.write(factory, detail);
    return new EventBridgeEvent(text(e, "id"), text(e, "source"), text(e, "detail-type"), text(e, "account"),
        text(e, "time"), text(e, "region"), resources(e), detailJson, json);
  }

  static ScheduledEvent scheduled(Map<String, Object> e, String name, boolean scheduler) {
    List<String> resources = resources(e);
    return new ScheduledEvent(name, resources.isEmpty() ? null : resources.get(0), text(e, "time"), text(e, "id"),
        text(e, "account"), text(e, "region"), scheduler);
  }

  static List<String> resources(Map<String, Object> e) {
    List<String> resources = new ArrayList<>();
    for (Object resource : array(e, "resources")) {
      if (resource instanceof String arn) {
        resources.add(arn);
      }
    }
    return Collections.unmodifiableList(resources);
  }

  /** {@code awslogs.data}: base64 of gzip of the delivery's JSON, inflated with a cap. */
  static LogEvents logs(Map<String, Object> awslogs, JsonFactory factory) {
    String data = text(awslogs, "data");
    if (data == null) {
      throw new ServiceEventException("CloudWatch Logs event has no awslogs.data string");
    }
    byte[] gzip;
    try {
      gzip = Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new ServiceEventException("CloudWatch Logs awslogs.data is not base64: " + e.getMessage(), e);
    }
    Map<String, Object> delivery = parseObject(factory, BoundedGunzip.inflate(gzip, MAX_LOGS_INFLATED,
        "CloudWatch Logs awslogs.data"), "CloudWatch Logs awslogs.data");
    List<LogEvents.LogEvent> events = new ArrayList<>();
    for (Object item : array(delivery, "logEvents")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> event = item instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      Long timestamp = JsonValues.whole(event, "timestamp");
      events.add(new LogEvents.LogEvent(text(event, "id"), timestamp == null ? 0 : timestamp, text(event, "message")));
    }
    List<String> filters = new ArrayList<>();
    for (Object filter : array(delivery, "subscriptionFilters")) {
      if (filter instanceof String name) {
        filters.add(name);
      }
    }
    return new LogEvents(text(delivery, "messageType"), text(delivery, "owner"), text(delivery, "logGroup"),
        text(delivery, "logStream"), List.copyOf(filters), List.copyOf(events));
  }

  /** A JSON object document as plain values; a {@link ServiceEventException} naming {@code what} otherwise. */
  static Map<String, Object> parseObject(JsonFactory factory, byte[] json, String what) {
    try (JsonParser parser = factory.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ServiceEventException(what + " is not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) JsonValues.read(parser);
      if (parser.nextToken() != null) {
        throw new ServiceEventException(what + " has data after its JSON object");
      }
      return value;
    } catch (IOException e) {
      throw new ServiceEventException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Checks that {@code json} is exactly one JSON value; a {@link ServiceEventException} naming {@code what} otherwise. */
  static void requireJson(JsonFactory factory, byte[] json, String what) {
    try (JsonParser parser = factory.createParser(json)) {
      if (parser.nextToken() == null) {
        throw new ServiceEventException(what + " is empty, not JSON");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new ServiceEventException(what + " has data after its JSON value");
      }
    } catch (IOException e) {
      throw new ServiceEventException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}
