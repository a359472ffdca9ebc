package dev.vial.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** The JSON writing behind {@link TestEvents}: AWS's field names, ARNs, attribute shapes and encodings. */
final class ServiceEventBuilders {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";
  static final String TIME = "2026-01-01T00:00:00Z";

  private ServiceEventBuilders() {}

  static ObjectNode sqsRecord(String queue, int index, String body, String groupId) {
    ObjectNode r = JSON.createObjectNode();
    r.put("messageId", TestEvents.sqsMessageId(index));
    r.put("receiptHandle", "AQEB" + Base64.getEncoder().encodeToString(("receipt-" + index).getBytes(StandardCharsets.UTF_8)));
    r.put("body", body);
    ObjectNode attributes = r.putObject("attributes");
    attributes.put("ApproximateReceiveCount", "1");
    attributes.put("SentTimestamp", "1767225600000");
    attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
    attributes.put("ApproximateFirstReceiveTimestamp", "1767225600001");
    if (groupId != null) {
      attributes.put("SequenceNumber", String.format("188731772322227038%02d", index));
      attributes.put("MessageGroupId", groupId);
      attributes.put("MessageDeduplicationId", "dedup-" + index);
    }
    r.putObject("messageAttributes");
    r.put("md5OfBody", md5(body));
    r.put("eventSource", "aws:sqs");
    r.put("eventSourceARN", "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + queue);
    r.put("awsRegion", REGION);
    return r;
  }

  static ObjectNode snsRecord(String topic, String subject, String message) {
    String topicArn = "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + topic;
    ObjectNode r = JSON.createObjectNode();
    r.put("EventSource", "aws:sns");
    r.put("EventVersion", "1.0");
    r.put("EventSubscriptionArn", topicArn + ":2bcfbf39-05c3-41de-beaa-fcfcc21c8f55");
    ObjectNode sns = r.putObject("Sns");
    sns.put("Type", "Notification");
    sns.put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e");
    sns.put("TopicArn", topicArn);
    if (subject == null) {
      sns.putNull("Subject");
    } else {
      sns.put("Subject", subject);
    }
    sns.put("Message", message);
    sns.put("Timestamp", "2026-01-01T00:00:00.000Z");
    sns.put("SignatureVersion", "1");
    sns.put("Signature", "EXAMPLE");
    sns.put("SigningCertUrl", "https://sns." + REGION + ".amazonaws.com/SimpleNotificationService.pem");
    sns.put("UnsubscribeUrl", "https://sns." + REGION + ".amazonaws.com/?Action=Unsubscribe");
    sns.putObject("MessageAttributes");
    return r;
  }

  static ObjectNode s3Record(String eventName, String bucket, String key, Long size) {
    ObjectNode r = JSON.createObjectNode();
    r.put("eventVersion", "2.1");
    r.put("eventSource", "aws:s3");
    r.put("awsRegion", REGION);
    r.put("eventTime", "2026-01-01T00:00:00.000Z");
    r.put("eventName", eventName);
    r.putObject("userIdentity").put("principalId", "EXAMPLE");
    r.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    r.putObject("responseElements").put("x-amz-request-id", "EXAMPLE123456789").put("x-amz-id-2", "EXAMPLE123/abc");
    ObjectNode s3 = r.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", "vial-test");
    s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket)
        .putObject("ownerIdentity").put("principalId", "EXAMPLE");
    ObjectNode object = s3.putObject("object");
    // S3 form-URL-encodes the key (a space is '+', a '+' is %2B) but leaves '/' as it is
    object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
    if (size != null) {
      object.put("size", size);
      object.put("eTag", "0123456789abcdef0123456789abcdef");
    }
    object.put("sequencer", "0A1B2C3D4E5F678901");
    return r;
  }

  static ObjectNode eventBridge(String source, String detailType, String resource) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", "cdc73f9d-aea9-11e3-9d5a-835b769c0d9c");
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", ACCOUNT);
    event.put("time", TIME);
    event.put("region", REGION);
    ArrayNode resources = event.putArray("resources");
    if (resource != null) {
      resources.add(resource);
    }
    return event;
  }

  static ObjectNode kinesisRecord(String stream, int index, String data) {
    String sequence = TestEvents.kinesisSequenceNumber(index);
    ObjectNode r = JSON.createObjectNode();
    ObjectNode k = r.putObject("kinesis");
    k.put("kinesisSchemaVersion", "1.0");
    k.put("partitionKey", "partition-" + index);
    k.put("sequenceNumber", sequence);
    k.put("data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    k.put("approximateArrivalTimestamp", new BigDecimal("1767225600.123"));
    r.put("eventSource", "aws:kinesis");
    r.put("eventVersion", "1.0");
    r.put("eventID", "shardId-000000000000:" + sequence);
    r.put("eventName", "aws:kinesis:record");
    r.put("invokeIdentityArn", "arn:aws:iam::" + ACCOUNT + ":role/lambda-role");
    r.put("awsRegion", REGION);
    r.put("eventSourceARN", "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/" + stream);
    return r;
  }

  static ObjectNode dynamodbRecord(String table, int index, String eventName, Map<String, ?> keys,
      Map<String, ?> newImage, Map<String, ?> oldImage) {
    ObjectNode r = JSON.createObjectNode();
    r.put("eventID", String.format("c4ca4238a0b923820dcc509a6f75849%d", index % 10));
    r.put("eventName", eventName);
    r.put("eventVersion", "1.1");
    r.put("eventSource", "aws:dynamodb");
    r.put("awsRegion", REGION);
    ObjectNode d = r.putObject("dynamodb");
    d.put("ApproximateCreationDateTime", 1767225600);
    d.set("Keys", item(keys));
    if (newImage != null) {
      d.set("NewImage", item(newImage));
    }
    if (oldImage != null) {
      d.set("OldImage", item(oldImage));
    }
    d.put("SequenceNumber", TestEvents.dynamodbSequenceNumber(index));
    d.put("SizeBytes", 26);
    d.put("StreamViewType", newImage != null && oldImage != null ? "NEW_AND_OLD_IMAGES"
        : newImage != null ? "NEW_IMAGE" : oldImage != null ? "OLD_IMAGE" : "KEYS_ONLY");
    r.put("eventSourceARN", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + table
        + "/stream/2026-01-01T00:00:00.000");
    return r;
  }

  /** Plain Java values as DynamoDB attribute values: the inverse of what the adapter reads. */
  static ObjectNode item(Map<String, ?> values) {
    ObjectNode item = JSON.createObjectNode();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      item.set(entry.getKey(), attribute(entry.getValue()));
    }
    return item;
  }

  private static ObjectNode attribute(Object value) {
    ObjectNode attribute = JSON.createObjectNode();
    if (value == null) {
      attribute.put("NULL", true);
    } else if (value instanceof String text) {
      attribute.put("S", text);
    } else if (value instanceof Number number) {
      attribute.put("N", number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
    } else if (value instanceof Boolean bool) {
      attribute.put("BOOL", bool);
    } else if (value instanceof byte[] bytes) {
      attribute.put("B", Base64.getEncoder().encodeToString(bytes));
    } else if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> members = (Map<String, ?>) map;
      attribute.set("M", item(members));
    } else if (value instanceof java.util.Set<?> set) {
      Object first = set.isEmpty() ? "" : set.iterator().next();
      ArrayNode members = attribute.putArray(first instanceof Number ? "NS" : first instanceof byte[] ? "BS" : "SS");
      for (Object member : set) {
        members.add(member instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : member.toString());
      }
    } else if (value instanceof Collection<?> list) {
      ArrayNode members = attribute.putArray("L");
      for (Object member : list) {
        members.add(attribute(member));
      }
    } else {
      throw new IllegalArgumentException("No DynamoDB type for a " + value.getClass().getName()
          + " (use String, Number, Boolean, byte[], null, Map, List or Set)");
    }
    return attribute;
  }

  static String gzipBase64(byte[] data) {
    ByteArrayOutputStream gzip = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(gzip.toByteArray());
  }

  static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String md5(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
