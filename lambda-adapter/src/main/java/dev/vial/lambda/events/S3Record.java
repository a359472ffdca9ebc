package dev.vial.lambda.events;

/**
 * One S3 event notification record.
 *
 * @param eventName e.g. {@code ObjectCreated:Put}, {@code ObjectRemoved:Delete}
 * @param eventTime when it happened (ISO-8601)
 * @param awsRegion the bucket's region
 * @param bucket the bucket name
 * @param key the object key, decoded once from the form-URL encoding S3 sends ({@code +} is a space,
 *     {@code %2B} a plus)
 * @param rawKey the object key exactly as S3 sent it
 * @param size the object size in bytes, {@code null} when absent (deletions)
 * @param eTag the object's ETag, or {@code null}
 * @param versionId the object version, or {@code null}
 * @param sequencer orders events for one key, or {@code null}
 */
public record S3Record(String eventName, String eventTime, String awsRegion, String bucket, String key, String rawKey,
    Long size, String eTag, String versionId, String sequencer) {}
