package dev.vial.lambda.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import dev.vial.lambda.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.function.Consumer;

/** Service events shaped as AWS sends them, and a runner that passes them through {@link LambdaHandler}. */
final class Events {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String REQUEST_ID = "c0ffee00-1234-4d7b-9a53-4b7c3e1d2a10";

  private Events() {}

  /** The handler's raw answer to {@code event}, as the runtime would call it. */
  static String invoke(ServiceEvents events, Object event) {
    LambdaHandler handler = new LambdaHandler(new App(), events);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      byte[] bytes = event instanceof byte[] raw ? raw : JSON.writeValueAsBytes(event);
      handler.handleRequest(new ByteArrayInputStream(bytes), out, context());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The answer parsed. */
  static JsonNode answer(ServiceEvents events, Object event) {
    try {
      return JSON.readTree(invoke(events, event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode sqs(String queue, String... bodies) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      ObjectNode r = records.addObject();
      r.put("messageId", "m" + (i + 1));
      r.put("receiptHandle", "handle-" + (i + 1));
      r.put("body", bodies[i]);
      r.putObject("attributes").put("ApproximateReceiveCount", "1").put("SentTimestamp", "1700000000000");
      r.putObject("messageAttributes");
      r.put("md5OfBody", "0");
      r.put("eventSource", "aws:sqs");
      r.put("eventSourceARN", "arn:aws:sqs:eu-west-1:123456789012:" + queue);
      r.put("awsRegion", "eu-west-1");
    }
    return event;
  }

  static ObjectNode fifo(String queue, String... bodies) {
    ObjectNode event = sqs(queue, bodies);
    for (JsonNode r : event.get("Records")) {
      ((ObjectNode) r.get("attributes")).put("MessageGroupId", "g1").put("MessageDeduplicationId", "d");
    }
    return event;
  }

  static ObjectNode sns(String topic, String subject, String message) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode r = event.putArray("Records").addObject();
    r.put("EventSource", "aws:sns");
    r.put("EventVersion", "1.0");
    r.put("EventSubscriptionArn", "arn:aws:sns:eu-west-1:123456789012:" + topic + ":sub");
    ObjectNode sns = r.putObject("Sns");
    sns.put("Type", "Notification");
    sns.put("MessageId", "sns-1");
    sns.put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:" + topic);
    if (subject != null) {
      sns.put("Subject", subject);
    } else {
      sns.putNull("Subject");
    }
    sns.put("Message", message);
    sns.put("Timestamp", "2026-11-30T00:00:00.000Z");
    sns.putObject("MessageAttributes").putObject("kind").put("Type", "String").put("Value", "alert");
    return event;
  }

  static ObjectNode s3(String bucket, String... rawKeys) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (String key : rawKeys) {
      ObjectNode r = records.addObject();
      r.put("eventVersion", "2.1");
      r.put("eventSource", "aws:s3");
      r.put("awsRegion", "eu-west-1");
      r.put("eventTime", "2026-11-30T00:00:00.000Z");
      r.put("eventName", "ObjectCreated:Put");
      ObjectNode s3 = r.putObject("s3");
      s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
      s3.putObject("object").put("key", key).put("size", 42).put("eTag", "e").put("sequencer", "0A");
    }
    return event;
  }

  static ObjectNode eventBridge(String source, String detailType, String resource) {
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", "eb-1");
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", "123456789012");
    event.put("time", "2026-11-30T03:00:00Z");
    event.put("region", "eu-west-1");
    ArrayNode resources = event.putArray("resources");
    if (resource != null) {
      resources.add(resource);
    }
    event.putObject("detail").put("amount", 12.50).put("currency", "EUR");
    return event;
  }

  static ObjectNode rule(String name) {
    ObjectNode event = eventBridge("aws.events", "Scheduled Event", "arn:aws:events:eu-west-1:123456789012:rule/" + name);
    event.putObject("detail");
    return event;
  }

  static ObjectNode scheduler(String name) {
    ObjectNode event = eventBridge("aws.scheduler", "Scheduled Event",
        "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/" + name);
    event.put("detail", "{}");
    return event;
  }

  static ObjectNode kinesis(String stream, String... data) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < data.length; i++) {
      ObjectNode r = records.addObject();
      ObjectNode k = r.putObject("kinesis");
      k.put("kinesisSchemaVersion", "1.0");
      k.put("partitionKey", "p");
      k.put("sequenceNumber", "4954511524349098501828006771497314458218006259324420000" + (i + 1));
      k.put("data", Base64.getEncoder().encodeToString(data[i].getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      k.put("approximateArrivalTimestamp", 1700000000.123);
      r.put("eventSource", "aws:kinesis");
      r.put("eventID", "shardId-000000000000:" + (i + 1));
      r.put("eventSourceARN", "arn:aws:kinesis:eu-west-1:123456789012:stream/" + stream);
      r.put("awsRegion", "eu-west-1");
    }
    return event;
  }

  /** A DynamoDB stream batch; {@code images} fill each record's {@code NewImage}. */
  @SafeVarargs
  static ObjectNode dynamodb(String table, Consumer<ObjectNode>... images) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < images.length; i++) {
      ObjectNode r = records.addObject();
      r.put("eventID", "ev" + (i + 1));
      r.put("eventName", "INSERT");
      r.put("eventSource", "aws:dynamodb");
      r.put("awsRegion", "eu-west-1");
      r.put("eventSourceARN", "arn:aws:dynamodb:eu-west-1:123456789012:table/" + table + "/stream/2026-11-30T00:00:00.000");
      ObjectNode d = r.putObject("dynamodb");
      d.putObject("Keys").putObject("id").put("S", "k" + (i + 1));
      images[i].accept(d.putObject("NewImage"));
      d.put("SequenceNumber", "1000000000000000000" + (i + 1));
      d.put("SizeBytes", 26);
      d.put("StreamViewType", "NEW_IMAGE");
    }
    return event;
  }

  static Context context() {
    return new TestContext(REQUEST_ID);
  }
}
