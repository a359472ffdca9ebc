package dev.vial.lambda.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/** One EventBridge (CloudWatch Events) event: a custom event or an AWS service's. Immutable. */
public final class EventBridgeEvent {

  private final String id;
  private final String source;
  private final String detailType;
  private final String account;
  private final String time;
  private final String region;
  private final List<String> resources;
  private final String detailJson;
  private final JsonBinder json;

  EventBridgeEvent(String id, String source, String detailType, String account, String time, String region,
      List<String> resources, String detailJson, JsonBinder json) {
    this.id = id;
    this.source = source;
    this.detailType = detailType;
    this.account = account;
    this.time = time;
    this.region = region;
    this.resources = List.copyOf(resources);
    this.detailJson = detailJson;
    this.json = json;
  }

  /** The event id. */
  public String id() {
    return id;
  }

  /** The {@code source}, e.g. {@code shop.payments}. */
  public String source() {
    return source;
  }

  /** The {@code detail-type}, e.g. {@code PaymentCreated}. */
  public String detailType() {
    return detailType;
  }

  /** The AWS account. */
  public String account() {
    return account;
  }

  /** When it happened (ISO-8601). */
  public String time() {
    return time;
  }

  /** The region. */
  public String region() {
    return region;
  }

  /** The ARNs the event concerns (may be empty). */
  public List<String> resources() {
    return resources;
  }

  /** The {@code detail} as JSON text ({@code {}} when absent; a string detail is taken as the JSON it holds). */
  public String detailJson() {
    return detailJson;
  }

  /** The {@code detail} bound to {@code type} with the app's Jackson mapper. */
  public <T> T detail(Class<T> type) {
    return json.read(detailJson, type);
  }

  /** Like {@link #detail(Class)}, for generic types. */
  public <T> T detail(TypeReference<T> type) {
    return json.read(detailJson, type);
  }

  @Override
  public String toString() {
    return "EventBridgeEvent[" + source + " / " + detailType + ", id " + id + "]";
  }
}
