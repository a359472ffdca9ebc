package dev.vial.lambda.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/** One Kinesis Data Streams record, its data base64-decoded. Immutable. */
public final class KinesisRecord {

  private final String eventId;
  private final String partitionKey;
  private final String sequenceNumber;
  private final byte[] data;
  private final BigDecimal approximateArrivalTimestamp;
  private final String eventSourceArn;
  private final String awsRegion;
  private final JsonBinder json;

  KinesisRecord(String eventId, String partitionKey, String sequenceNumber, byte[] data,
      BigDecimal approximateArrivalTimestamp, String eventSourceArn, String awsRegion, JsonBinder json) {
    this.eventId = eventId;
    this.partitionKey = partitionKey;
    this.sequenceNumber = sequenceNumber;
    this.data = data;
    this.approximateArrivalTimestamp = approximateArrivalTimestamp;
    this.eventSourceArn = eventSourceArn;
    this.awsRegion = awsRegion;
    this.json = json;
  }

  /** The record id ({@code shardId-...:sequence}). */
  public String eventId() {
    return eventId;
  }

  /** The partition key. */
  public String partitionKey() {
    return partitionKey;
  }

  /** The sequence number, the identifier a partial batch failure reports. */
  public String sequenceNumber() {
    return sequenceNumber;
  }

  /** The decoded data, copied. */
  public byte[] data() {
    return data.clone();
  }

  /** The decoded data as UTF-8 text. */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The data bound to {@code type} with the app's Jackson mapper (an {@code HttpException} 400 on a mismatch). */
  public <T> T json(Class<T> type) {
    return json.read(text(), type);
  }

  /** Like {@link #json(Class)}, for generic types. */
  public <T> T json(TypeReference<T> type) {
    return json.read(text(), type);
  }

  /** When the record reached the stream, epoch seconds with fraction, or {@code null}. */
  public BigDecimal approximateArrivalTimestamp() {
    return approximateArrivalTimestamp;
  }

  /** The stream's ARN. */
  public String eventSourceArn() {
    return eventSourceArn;
  }

  /** The stream's region. */
  public String awsRegion() {
    return awsRegion;
  }

  /** The stream name: {@code NAME} in {@code ...:stream/NAME}. */
  public String streamName() {
    return JsonValues.lastPart(eventSourceArn, '/');
  }

  @Override
  public String toString() {
    return "KinesisRecord[" + sequenceNumber + " on " + streamName() + ", " + data.length + " bytes]";
  }
}
