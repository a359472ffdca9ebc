package dev.vial;

import dev.vial.http.MediaTypes;
import dev.vial.http.StatusCodes;
import dev.vial.stream.Sse;
import dev.vial.stream.SseHandler;
import java.nio.charset.StandardCharsets;

/**
 * Static factories for common responses, meant for static import:
 *
 * <pre>{@code
 * import static dev.vial.Responses.*;
 *
 * app.get("/", req -> ok("hello"));
 * app.get("/users/{id:int}", req -> json(Map.of("id", req.pathParamInt("id"))));
 * app.post("/users", req -> created("/users/7", Map.of("id", 7)));
 * }</pre>
 */
public final class Responses {

  private Responses() {}

  /** 200 with a UTF-8 text body, {@code text/plain; charset=utf-8}. */
  public static Response ok(String text) {
    return text(200, text);
  }

  /** {@code status} with a UTF-8 text body, {@code text/plain; charset=utf-8}. */
  public static Response text(int status, String text) {
    requireNonNull(text, "text");
    return Response.of(status).withBody(text.getBytes(StandardCharsets.UTF_8), MediaTypes.TEXT_PLAIN);
  }

  /** 200 with a UTF-8 HTML body, {@code text/html; charset=utf-8}. */
  public static Response html(String html) {
    requireNonNull(html, "html");
    return Response.of(200).withBody(html.getBytes(StandardCharsets.UTF_8), MediaTypes.TEXT_HTML);
  }

  /** 200 with {@code value} rendered as JSON by the app's Jackson mapper ({@code application/json}). */
  public static Response json(Object value) {
    return json(200, value);
  }

  /** {@code status} with {@code value} rendered as JSON by the app's Jackson mapper. */
  public static Response json(int status, Object value) {
    return Response.ofJson(status, value);
  }

  /** 200 with raw bytes of the given content type, e.g. {@code bytes(png, "image/png")}. */
  public static Response bytes(byte[] body, String contentType) {
    requireNonNull(body, "body");
    requireNonNull(contentType, "contentType");
    return Response.of(200).withBody(body, contentType);
  }

  /** An empty response with {@code status}. */
  public static Response status(int status) {
    return Response.of(status);
  }

  /** 201 with {@code Location} and {@code body} rendered as JSON ({@code null} body: no body). */
  public static Response created(String location, Object body) {
    Response created = body == null ? Response.of(201) : json(201, body);
    return created.withHeader("Location", location);
  }

  /** 204 No Content. */
  public static Response noContent() {
    return Response.of(204);
  }

  /** 302 Found to {@code location}. */
  public static Response redirect(String location) {
    return redirect(302, location);
  }

  /** A redirect with {@code status} (301, 302, 303, 307 or 308) to {@code location}. */
  public static Response redirect(int status, String location) {
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
      throw new IllegalArgumentException("Redirect status must be 301, 302, 303, 307 or 308, got " + status);
    }
    requireNonNull(location, "location");
    return Response.of(status).withHeader("Location", location);
  }

  /**
   * 200 whose body is written while it is sent ({@link StreamingBody}), {@code application/octet-stream};
   * change the type with {@link #stream(String, StreamingBody)}.
   */
  public static Response stream(StreamingBody body) {
    return stream(MediaTypes.OCTET_STREAM, body);
  }

  /** 200 of {@code contentType} whose body is written while it is sent, e.g. {@code stream("text/plain; charset=utf-8", out -> ..)}. */
  public static Response stream(String contentType, StreamingBody body) {
    requireNonNull(contentType, "contentType");
    requireNonNull(body, "body");
    return Response.of(200).withStreamingBody(body, contentType);
  }

  /** 200 Server-Sent Events ({@code text/event-stream}); see {@link Sse#response(SseHandler)}. */
  public static Response sse(SseHandler handler) {
    return Sse.response(handler);
  }

  /** 404 with the default JSON error body. */
  public static Response notFound() {
    return error(404, StatusCodes.reasonPhrase(404));
  }

  /** 400 with the default JSON error body carrying {@code message}. */
  public static Response badRequest(String message) {
    return error(400, message);
  }

  /**
   * {@code status} with the default JSON error body, {@code {"error": message, "status": status}}.
   * Written without Jackson, so error answers never load the JSON machinery.
   */
  public static Response error(int status, String message) {
    String body = "{\"error\":" + quote(message) + ",\"status\":" + status + "}";
    return Response.of(status).withBody(body.getBytes(StandardCharsets.UTF_8), MediaTypes.JSON);
  }

  /**
   * Stops handling with an error, like Flask's {@code abort(404)}: throws an {@link HttpException}
   * that the app turns into {@code status} (or hands to its {@code error(status, ...)} handler).
   * It never returns; the {@code Response} return type only lets a handler write
   * {@code req -> abort(403, "read-only")} or {@code return abort(404, "no such user")}.
   */
  public static Response abort(int status, String message) {
    throw new HttpException(status, message);
  }

  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void requireNonNull(Object value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
  }
}
