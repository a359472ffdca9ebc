package dev.vial.compress;

import dev.vial.AfterFilter;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.conditional.ConditionalRequests;
import dev.vial.conditional.EntityTags;
import dev.vial.http.MediaTypes;
import java.util.List;

/**
 * Gzip response compression, negotiated per RFC 9110 §12.5.3; an {@link AfterFilter}, so it covers
 * exactly the group it is added to: {@code app.compression()} (every response of the app) or
 * {@code blueprint.compression()}, or {@code app.after(Compression.defaults().withMinSize(4096))}.
 *
 * <p>A response is compressed when all of these hold: the client accepts gzip with a non-zero weight
 * (itself or through {@code *}); the type is compressible ({@code text/*} but {@code text/event-stream},
 * JSON, JavaScript, XML, SVG, {@code +json}, {@code +xml}, wasm, fonts without their own compression);
 * the body has at least {@link #minSize()} bytes; the response is not a 206, a 304 or an answer to
 * {@code HEAD}; it has no {@code Content-Encoding} yet and no {@code Cache-Control: no-transform}; and
 * gzip makes it smaller. Every response of a compressible type gets {@code Vary: Accept-Encoding},
 * compressed or not. A compressed response gets {@code Content-Encoding: gzip}, its strong {@code ETag}
 * a {@code -gzip} suffix ({@link EntityTags#forGzip}) and no stale {@code Content-Length} (the front
 * door writes the compressed length). A client refusing every coding ({@code identity;q=0}) still gets
 * the identity body: never a 406 for this.
 */
public final class Compression implements AfterFilter {

  /** Bodies shorter than this stay as they are by default: 1 KiB (gzip's overhead outweighs the gain below). */
  public static final int DEFAULT_MIN_SIZE = 1024;
  /** The default Deflater level: 6, zlib's balance of speed and size. */
  public static final int DEFAULT_LEVEL = 6;

  private final int minSize;
  private final int level;

  private Compression(int minSize, int level) {
    this.minSize = minSize;
    this.level = level;
  }

  /** Gzip for bodies of at least {@value #DEFAULT_MIN_SIZE} bytes at level {@value #DEFAULT_LEVEL}. */
  public static Compression defaults() {
    return new Compression(DEFAULT_MIN_SIZE, DEFAULT_LEVEL);
  }

  /** A copy that compresses bodies of at least {@code bytes} bytes (0: every non-empty body). */
  public Compression withMinSize(int bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("Minimum size must not be negative, got " + bytes);
    }
    return new Compression(bytes, level);
  }

  /** A copy with this Deflater level, 1 (fastest) to 9 (smallest). */
  public Compression withLevel(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("Gzip level must be 1 to 9, got " + level);
    }
    return new Compression(minSize, level);
  }

  /** The smallest body compressed, in bytes. */
  public int minSize() {
    return minSize;
  }

  /** The Deflater level. */
  public int level() {
    return level;
  }

  /** The response compressed when the rules above allow it, else unchanged but for {@code Vary}. */
  @Override
  public Response after(Request request, Response response) {
    int status = response.status();
    if (status < 200 || status == 204 || status == 206 || status == 304
        || response.isStreaming() // written as produced: never buffered to be compressed
        || !isCompressible(response.contentType())
        || response.header("Content-Encoding") != null
        || hasNoTransform(response.headers().all("Cache-Control"))) {
      return response;
    }
    Response varied = response.withVary("Accept-Encoding");
    byte[] body = response.body();
    if (request.method().equals("HEAD") || body.length == 0 || body.length < minSize
        || AcceptEncoding.weight(request.headers().all("Accept-Encoding"), "gzip") == AcceptEncoding.NOT_ACCEPTABLE) {
      return varied;
    }
    String etag = response.header("ETag");
    Response tagged = etag == null ? varied : varied.withHeader("ETag", EntityTags.forGzip(etag));
    if (status == 200 && ConditionalRequests.isNotModified(request.headers(), tagged.header("ETag"),
        tagged.header("Last-Modified"))
        && !ConditionalRequests.preconditionFailed(request.headers(), tagged.header("ETag"),
            tagged.header("Last-Modified"))) {
      return ConditionalRequests.notModified(tagged); // a 304 needs no body, so no compression work
    }
    byte[] compressed = Gzip.compress(body, level);
    if (compressed.length >= body.length) {
      return varied;
    }
    return tagged.withBody(compressed, response.contentType())
        .withHeader("Content-Encoding", "gzip")
        .withoutHeader("Content-Length");
  }

  /** Whether gzip pays for bodies of this type: text and structured text, not images, video or archives. */
  public static boolean isCompressible(String contentType) {
    String type = MediaTypes.essence(contentType);
    if (type.startsWith("text/")) {
      return !type.equals("text/event-stream");
    }
    return type.equals("application/json")
        || type.equals("application/javascript")
        || type.equals("application/x-javascript")
        || type.equals("application/ecmascript")
        || type.equals("application/xml")
        || type.equals("application/wasm")
        || type.equals("application/graphql")
        || type.equals("application/x-www-form-urlencoded")
        || type.equals("image/svg+xml")
        || type.equals("image/x-icon")
        || type.equals("image/vnd.microsoft.icon")
        || type.equals("image/bmp")
        || type.equals("font/ttf")
        || type.equals("font/otf")
        || type.endsWith("+json")
        || type.endsWith("+xml");
  }

  private static boolean hasNoTransform(List<String> cacheControl) {
    for (String field : cacheControl) {
      int at = field.toLowerCase(java.util.Locale.ROOT).indexOf("no-transform");
      if (at >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "Compression[gzip, minSize=" + minSize + ", level=" + level + "]";
  }
}
