package dev.vial.lambda.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Map;

/** One SNS notification, delivered to Lambda or read from an SQS message body. Immutable. */
public final class SnsMessage {

  /**
   * One message attribute, {@code {"Type":..,"Value":..}}.
   *
   * @param type {@code String}, {@code String.Array}, {@code Number} or {@code Binary}
   * @param value the value as sent (base64 text for Binary)
   */
  public record Attribute(String type, String value) {}

  private final String messageId;
  private final String type;
  private final String topicArn;
  private final String subject;
  private final String message;
  private final String timestamp;
  private final Map<String, Attribute> messageAttributes;
  private final JsonBinder json;

  SnsMessage(String messageId, String type, String topicArn, String subject, String message, String timestamp,
      Map<String, Attribute> messageAttributes, JsonBinder json) {
    this.messageId = messageId;
    this.type = type;
    this.topicArn = topicArn;
    this.subject = subject;
    this.message = message == null ? "" : message;
    this.timestamp = timestamp;
    this.messageAttributes = Map.copyOf(messageAttributes);
    this.json = json;
  }

  /** The SNS message id. */
  public String messageId() {
    return messageId;
  }

  /** {@code Notification} for a published message. */
  public String type() {
    return type;
  }

  /** The topic's ARN. */
  public String topicArn() {
    return topicArn;
  }

  /** The topic name: the last part of {@link #topicArn()}. */
  public String topic() {
    return JsonValues.lastPart(topicArn, ':');
  }

  /** The subject, or {@code null} when the publisher set none. */
  public String subject() {
    return subject;
  }

  /** The message text. */
  public String message() {
    return message;
  }

  /** The message bound to {@code type} with the app's Jackson mapper (an {@code HttpException} 400 on a mismatch). */
  public <T> T json(Class<T> type) {
    return json.read(message, type);
  }

  /** Like {@link #json(Class)}, for generic types. */
  public <T> T json(TypeReference<T> type) {
    return json.read(message, type);
  }

  /** When SNS published it (ISO-8601). */
  public String timestamp() {
    return timestamp;
  }

  /** The message attributes by name. */
  public Map<String, Attribute> messageAttributes() {
    return messageAttributes;
  }

  @Override
  public String toString() {
    return "SnsMessage[" + messageId + " on " + topic() + ", subject " + subject + "]";
  }
}
