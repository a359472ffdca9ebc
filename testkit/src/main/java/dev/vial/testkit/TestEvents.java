package dev.vial.testkit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Service events shaped as AWS sends them (ARNs, attribute shapes, encodings), and a one-line way to run
 * them through a Lambda handler:
 *
 * <pre>{@code
 * TestInvocation answer = TestEvents.invoke(new ShopLambda(), TestEvents.sqs("orders", "{\"sku\":\"A1\"}", "fail"));
 * assertThat(answer.batchItemFailures()).containsExactly(TestEvents.sqsMessageId(2));
 * }</pre>
 *
 * Every builder returns the event as JSON text, so a test can print it, store it as a file for
 * {@code java -jar app.jar invoke FILE}, or change it. Identifiers are predictable: message {@code n}
 * (from 1) has {@link #sqsMessageId(int)}, {@link #kinesisSequenceNumber(int)},
 * {@link #dynamodbSequenceNumber(int)}. Region {@code us-east-1}, account {@code 123456789012}.
 */
public final class TestEvents {

  private TestEvents() {}

  /** An SQS batch from queue {@code queue}, one message per body. */
  public static String sqs(String queue, String... bodies) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      records.add(ServiceEventBuilders.sqsRecord(queue, i + 1, bodies[i], null));
    }
    return ServiceEventBuilders.write(event);
  }

  /** An SQS FIFO batch (each message carries {@code MessageGroupId} {@code groupId}); FIFO queue names end in {@code .fifo}. */
  public static String sqsFifo(String queue, String groupId, String... bodies) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      records.add(ServiceEventBuilders.sqsRecord(queue, i + 1, bodies[i], groupId));
    }
    return ServiceEventBuilders.write(event);
  }

  /** The {@code messageId} of the {@code n}-th message (from 1) of {@link #sqs} and {@link #sqsFifo}. */
  public static String sqsMessageId(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /** An SNS notification of topic {@code topic}; {@code subject} may be {@code null}. */
  public static String sns(String topic, String subject, String message) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    event.putArray("Records").add(ServiceEventBuilders.snsRecord(topic, subject, message));
    return ServiceEventBuilders.write(event);
  }

  /** An S3 {@code ObjectCreated:Put} of {@code key} (given decoded; written form-URL-encoded as S3 does), 1024 bytes. */
  public static String s3(String bucket, String key) {
    return s3("ObjectCreated:Put", bucket, key, 1024L);
  }

  /** An S3 notification: e.g. {@code ObjectRemoved:Delete} with {@code size} {@code null}, as S3 sends deletions. */
  public static String s3(String eventName, String bucket, String key, Long size) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    event.putArray("Records").add(ServiceEventBuilders.s3Record(eventName, bucket, key, size));
    return ServiceEventBuilders.write(event);
  }

  /** An EventBridge rule's {@code Scheduled Event} for the rule named {@code rule}. */
  public static String schedule(String rule) {
    ObjectNode event = ServiceEventBuilders.eventBridge("aws.events", "Scheduled Event",
        "arn:aws:events:" + ServiceEventBuilders.REGION + ":" + ServiceEventBuilders.ACCOUNT + ":rule/" + rule);
    event.putObject("detail");
    return ServiceEventBuilders.write(event);
  }

  /** An EventBridge Scheduler invocation of schedule {@code schedule} (group {@code default}; {@code detail} is the string {@code "{}"}). */
  public static String scheduler(String schedule) {
    ObjectNode event = ServiceEventBuilders.eventBridge("aws.scheduler", "Scheduled Event",
        "arn:aws:scheduler:" + ServiceEventBuilders.REGION + ":" + ServiceEventBuilders.ACCOUNT + ":schedule/default/"
            + schedule);
    event.put("detail", "{}");
    return ServiceEventBuilders.write(event);
  }

  /** A custom EventBridge event; {@code detailJson} is the {@code detail} object as JSON text. */
  public static String eventBridge(String source, String detailType, String detailJson) {
    ObjectNode event = ServiceEventBuilders.eventBridge(source, detailType, null);
    try {
      event.set("detail", ServiceEventBuilders.JSON.readTree(detailJson));
    } catch (IOException e) {
      throw new IllegalArgumentException("detailJson is not JSON: " + detailJson, e);
    }
    return ServiceEventBuilders.write(event);
  }

  /** A Kinesis batch from stream {@code stream}, one record per text (base64-encoded as Kinesis sends it). */
  public static String kinesis(String stream, String... data) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < data.length; i++) {
      records.add(ServiceEventBuilders.kinesisRecord(stream, i + 1, data[i]));
    }
    return ServiceEventBuilders.write(event);
  }

  /** The {@code sequenceNumber} of the {@code n}-th record (from 1) of {@link #kinesis}. */
  public static String kinesisSequenceNumber(int n) {
    return String.format("495451152434909850182800677149731445821800625932442%05d", n);
  }

  /**
   * A DynamoDB Streams batch of {@code INSERT}s into {@code table}, one record per new image. Images are
   * plain Java values (String, Number, Boolean, byte[], null, Map, List, Set), written as attribute values;
   * each record's {@code Keys} is the image's {@code id} attribute when it has one, else its first.
   */
  @SafeVarargs
  public static String dynamodb(String table, Map<String, ?>... newImages) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (int i = 0; i < newImages.length; i++) {
      Map<String, ?> image = newImages[i];
      String keyName = image.containsKey("id") || image.isEmpty() ? "id" : image.keySet().iterator().next();
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put(keyName, image.containsKey(keyName) ? image.get(keyName) : Integer.toString(i + 1));
      records.add(ServiceEventBuilders.dynamodbRecord(table, i + 1, "INSERT", keys, image, null));
    }
    return ServiceEventBuilders.write(event);
  }

  /** One DynamoDB Streams record of any kind ({@code INSERT}, {@code MODIFY}, {@code REMOVE}); images may be {@code null}. */
  public static String dynamodbRecord(String table, String eventName, Map<String, ?> keys, Map<String, ?> newImage,
      Map<String, ?> oldImage) {
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    event.putArray("Records").add(ServiceEventBuilders.dynamodbRecord(table, 1, eventName, keys, newImage, oldImage));
    return ServiceEventBuilders.write(event);
  }

  /** The {@code SequenceNumber} of the {@code n}-th record (from 1) of {@link #dynamodb}. */
  public static String dynamodbSequenceNumber(int n) {
    return String.format("1405400000000002%09d", n);
  }

  /** A CloudWatch Logs subscription delivery of {@code logGroup}: the log lines gzipped and base64-encoded in {@code awslogs.data}. */
  public static String cloudWatchLogs(String logGroup, String... messages) {
    ObjectNode data = ServiceEventBuilders.JSON.createObjectNode();
    data.put("messageType", "DATA_MESSAGE");
    data.put("owner", ServiceEventBuilders.ACCOUNT);
    data.put("logGroup", logGroup);
    data.put("logStream", "2026/01/01/[$LATEST]0123456789abcdef");
    data.putArray("subscriptionFilters").add("vial-test");
    ArrayNode events = data.putArray("logEvents");
    for (int i = 0; i < messages.length; i++) {
      events.addObject().put("id", String.format("3619530581963279155940553574386924%04d", i))
          .put("timestamp", 1767225600000L + i).put("message", messages[i]);
    }
    ObjectNode event = ServiceEventBuilders.JSON.createObjectNode();
    event.putObject("awslogs").put("data",
        ServiceEventBuilders.gzipBase64(ServiceEventBuilders.write(data).getBytes(StandardCharsets.UTF_8)));
    return ServiceEventBuilders.write(event);
  }

  /**
   * Runs {@code event} through {@code handler} as the Lambda runtime would and returns its answer. A failed
   * invocation throws what the handler threw (e.g. {@code ServiceEventException} for an unmatched event).
   */
  public static TestInvocation invoke(RequestStreamHandler handler, String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestLambdaContext());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestInvocation(out.toString(StandardCharsets.UTF_8));
  }
}
