package dev.vial.openapi;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vial.Handler;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documentation of one route, declared next to it, without annotations. An immutable value: each
 * method returns a new one. {@link #handles(Handler)} joins it to the route's handler:
 *
 * <pre>{@code
 * app.get("/users/{id:int}", RouteDoc.of("One user")
 *     .description("Looks the user up by its numeric id.")
 *     .tags("users")
 *     .query("fields", String.class, "Comma-separated fields to include")
 *     .response(200, User.class, "The user")
 *     .response(404, "No such user")
 *     .handles(req -> json(users.find(req.pathParamInt("id")))));
 * }</pre>
 *
 * <p>Why a wrapper rather than more {@code get(..)} overloads: the documentation stays optional and in
 * one place, the routing DSL keeps one method per HTTP verb, and the app unwraps it when the route is
 * registered, so requests call the bare handler. Path parameters need no documentation: their types
 * come from the template ({@code {id:int}}). Types are Java types ({@code User.class}, or a
 * {@link TypeReference} for generic ones such as {@code List<User>}); their JSON Schemas are derived
 * only when the OpenAPI document is built, see {@link OpenApi}.
 */
public final class RouteDoc {

  /** A documented query parameter. {@code type} is a scalar, an enum, or a list of those (repeated). */
  public record QueryParam(String name, Type type, boolean required, String description) {}

  /** The request body: its media type and Java type ({@code null}: any content). */
  public record Body(String mediaType, Type type) {}

  /**
   * One documented response.
   *
   * @param status the status code
   * @param description what it means
   * @param mediaType its media type, {@code null} when it has no body
   * @param type the Java type of its body, {@code null} for none or any
   */
  public record ResponseDoc(int status, String description, String mediaType, Type type) {}

  private static final String JSON = "application/json";

  private final String summary;
  private final String description;
  private final List<String> tags;
  private final List<QueryParam> query;
  private final Body body;
  private final Map<Integer, ResponseDoc> responses;

  private RouteDoc(String summary, String description, List<String> tags, List<QueryParam> query, Body body,
      Map<Integer, ResponseDoc> responses) {
    this.summary = summary;
    this.description = description;
    this.tags = tags;
    this.query = query;
    this.body = body;
    this.responses = responses;
  }

  /** A documentation with a one-line {@code summary}. */
  public static RouteDoc of(String summary) {
    return new RouteDoc(requireText(summary, "summary"), null, List.of(), List.of(), null, Map.of());
  }

  /** Joins this documentation to the route's handler; register the result like any handler. */
  public DocumentedHandler handles(Handler handler) {
    return new DocumentedHandler(this, handler);
  }

  /** With a longer description (CommonMark). */
  public RouteDoc description(String description) {
    return new RouteDoc(summary, requireText(description, "description"), tags, query, body, responses);
  }

  /** With these tags added (they group operations in docs pages). */
  public RouteDoc tags(String... tags) {
    List<String> all = new ArrayList<>(this.tags);
    for (String tag : tags) {
      all.add(requireText(tag, "tag"));
    }
    return new RouteDoc(summary, description, List.copyOf(all), query, body, responses);
  }

  /** With an optional query parameter of {@code type} ({@code String.class}, {@code int.class}, an enum...). */
  public RouteDoc query(String name, Type type, String description) {
    return withQuery(new QueryParam(requireText(name, "query parameter name"), requireType(type), false, description));
  }

  /** With a required query parameter (a request without it is the handler's to refuse). */
  public RouteDoc requiredQuery(String name, Type type, String description) {
    return withQuery(new QueryParam(requireText(name, "query parameter name"), requireType(type), true, description));
  }

  /** With a required JSON request body of {@code type}. */
  public RouteDoc body(Type type) {
    return body(JSON, type);
  }

  /** With a required JSON request body of a generic type ({@code new TypeReference<List<Item>>() {}}). */
  public RouteDoc body(TypeReference<?> type) {
    return body(JSON, type.getType());
  }

  /** With a required request body of {@code mediaType}; {@code type} may be {@code null} for any content. */
  public RouteDoc body(String mediaType, Type type) {
    return new RouteDoc(summary, description, tags, query, new Body(requireText(mediaType, "media type"), type),
        responses);
  }

  /** With a JSON response of {@code type} for {@code status}. */
  public RouteDoc response(int status, Type type, String description) {
    return response(status, JSON, type, description);
  }

  /** With a JSON response of a generic type for {@code status}. */
  public RouteDoc response(int status, TypeReference<?> type, String description) {
    return response(status, JSON, type.getType(), description);
  }

  /** With a response without a body (or with one not worth describing) for {@code status}. */
  public RouteDoc response(int status, String description) {
    return response(status, null, null, description);
  }

  /**
   * With a response of {@code mediaType} for {@code status}; {@code type} may be {@code null} for any
   * content. A later call for the same status replaces the earlier one.
   */
  public RouteDoc response(int status, String mediaType, Type type, String description) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("Response status must be 100 to 599, got " + status);
    }
    Map<Integer, ResponseDoc> all = new TreeMap<>(responses);
    all.put(status, new ResponseDoc(status, requireText(description, "response description"), mediaType, type));
    return new RouteDoc(summary, this.description, tags, query, body, Collections.unmodifiableMap(all));
  }

  /** The one-line summary. */
  public String summary() {
    return summary;
  }

  /** The description, or {@code null}. */
  public String description() {
    return description;
  }

  /** The tags, in declaration order. */
  public List<String> tags() {
    return tags;
  }

  /** The query parameters, in declaration order. */
  public List<QueryParam> queryParams() {
    return query;
  }

  /** The request body, or {@code null} when none is documented. */
  public Body body() {
    return body;
  }

  /** The responses by status, ascending. */
  public Map<Integer, ResponseDoc> responses() {
    return responses;
  }

  private RouteDoc withQuery(QueryParam param) {
    for (QueryParam existing : query) {
      if (existing.name().equals(param.name())) {
        throw new IllegalArgumentException("Query parameter '" + param.name() + "' is documented twice");
      }
    }
    List<QueryParam> all = new ArrayList<>(query);
    all.add(param);
    return new RouteDoc(summary, description, tags, List.copyOf(all), body, responses);
  }

  private static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return text;
  }

  private static Type requireType(Type type) {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null");
    }
    return type;
  }
}
