package dev.vial.lambda.events;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One DynamoDB Streams record. Attribute values are plain Java values: {@code S} a {@code String},
 * {@code N} a {@code BigDecimal}, {@code B} a {@code byte[]}, {@code BOOL} a {@code Boolean},
 * {@code NULL} {@code null}, {@code L} a {@code List}, {@code M} a {@code Map}, {@code SS}/{@code NS}/{@code BS}
 * a {@code List} of strings, decimals or byte arrays. Maps keep the stream's order and may hold {@code null}.
 *
 * @param eventId the record id
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param eventSourceArn the stream's ARN
 * @param awsRegion the table's region
 * @param sequenceNumber the record's sequence number, the identifier a partial batch failure reports
 * @param keys the item's key attributes
 * @param newImage the item after the change (empty when the stream view has none)
 * @param oldImage the item before the change (empty when the stream view has none)
 * @param streamViewType e.g. {@code NEW_AND_OLD_IMAGES}
 * @param sizeBytes the record size, or {@code null}
 * @param approximateCreationDateTime epoch seconds, or {@code null}
 */
public record DynamoDbRecord(String eventId, String eventName, String eventSourceArn, String awsRegion,
    String sequenceNumber, Map<String, Object> keys, Map<String, Object> newImage, Map<String, Object> oldImage,
    String streamViewType, Long sizeBytes, BigDecimal approximateCreationDateTime) {

  /** The table name: {@code NAME} in {@code ...:table/NAME/stream/...}. */
  public String tableName() {
    return Arns.tableName(eventSourceArn);
  }
}
