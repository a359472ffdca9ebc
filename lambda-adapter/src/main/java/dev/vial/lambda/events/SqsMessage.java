package dev.vial.lambda.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One SQS message of a batch, as Lambda's SQS event source delivers it. Immutable.
 *
 * <p>A message whose body is an SNS or S3 notification stays a message: {@link #snsNotification()} and
 * {@link #s3Notification()} read the inner notification when you know it is one; Vial never guesses.
 */
public final class SqsMessage {

  /**
   * One message attribute, {@code {"stringValue":..,"binaryValue":..,"dataType":..}}.
   *
   * @param dataType {@code String}, {@code Number}, {@code Binary} or a custom {@code String.xyz}
   * @param stringValue the value of a String or Number attribute, else {@code null}
   * @param binaryValue the base64 text of a Binary attribute, as sent, else {@code null}
   */
  public record Attribute(String dataType, String stringValue, String binaryValue) {

    /** The decoded bytes of a Binary attribute; {@code IllegalArgumentException} when it is not base64. */
    public byte[] binaryBytes() {
      if (binaryValue == null) {
        throw new IllegalStateException("The attribute is not Binary (dataType " + dataType + ")");
      }
      return Base64.getDecoder().decode(binaryValue);
    }
  }

  private final String messageId;
  private final String receiptHandle;
  private final String body;
  private final Map<String, String> attributes;
  private final Map<String, Attribute> messageAttributes;
  private final String eventSourceArn;
  private final String awsRegion;
  private final JsonBinder json;

  SqsMessage(String messageId, String receiptHandle, String body, Map<String, String> attributes,
      Map<String, Attribute> messageAttributes, String eventSourceArn, String awsRegion, JsonBinder json) {
    this.messageId = messageId;
    this.receiptHandle = receiptHandle;
    this.body = body == null ? "" : body;
    this.attributes = Map.copyOf(attributes);
    this.messageAttributes = Map.copyOf(messageAttributes);
    this.eventSourceArn = eventSourceArn;
    this.awsRegion = awsRegion;
    this.json = json;
  }

  /** The message id, the identifier a partial batch failure reports. */
  public String messageId() {
    return messageId;
  }

  /** The receipt handle. */
  public String receiptHandle() {
    return receiptHandle;
  }

  /** The body as text ({@code ""} when the message has none). */
  public String body() {
    return body;
  }

  /** The body as UTF-8 bytes. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** The body bound to {@code type} with the app's Jackson mapper (an {@code HttpException} 400 on a mismatch). */
  public <T> T json(Class<T> type) {
    return json.read(body, type);
  }

  /** Like {@link #json(Class)}, for generic types. */
  public <T> T json(TypeReference<T> type) {
    return json.read(body, type);
  }

  /** The system attributes ({@code ApproximateReceiveCount}, {@code SentTimestamp}, {@code MessageGroupId}, ...). */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The message attributes by name. */
  public Map<String, Attribute> messageAttributes() {
    return messageAttributes;
  }

  /** The queue's ARN. */
  public String eventSourceArn() {
    return eventSourceArn;
  }

  /** The queue's region. */
  public String awsRegion() {
    return awsRegion;
  }

  /** The queue name: the last part of {@link #eventSourceArn()}. */
  public String queueName() {
    return JsonValues.lastPart(eventSourceArn, ':');
  }

  /** The FIFO message group, or {@code null} for a standard queue. */
  public String messageGroupId() {
    return attributes.get("MessageGroupId");
  }

  /** Whether the message came from a FIFO queue (it carries a {@code MessageGroupId}). */
  public boolean isFifo() {
    return messageGroupId() != null;
  }

  /**
   * The body read as an SNS notification (an SNS subscription without raw message delivery);
   * {@link ServiceEventException} when it is not one.
   */
  public SnsMessage snsNotification() {
    return Notifications.sns(body, json);
  }

  /** The body read as an S3 event notification's records; {@link ServiceEventException} when it is not one. */
  public List<S3Record> s3Notification() {
    return Notifications.s3(body);
  }

  @Override
  public String toString() {
    return "SqsMessage[" + messageId + " from " + queueName() + ", " + body.length() + " chars]";
  }
}
