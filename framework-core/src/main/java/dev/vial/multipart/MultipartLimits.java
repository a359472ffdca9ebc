package dev.vial.multipart;

import dev.vial.BeforeFilter;

/**
 * Limits for parsing {@code multipart/form-data} bodies. The body as a whole is bounded by the front
 * door's body limit (the local server's {@code maxBodyBytes}, Lambda's payload limit); these bound
 * the work inside it. A body over a limit is answered 413 with a message naming the limit.
 *
 * <pre>{@code
 * app.multipartLimits(MultipartLimits.defaults().withMaxParts(50));
 * }</pre>
 *
 * @param maxParts the most parts a body may have (default 1,000)
 * @param maxPartHeaderBytes the most bytes the header block of one part may take, blank line
 *     excluded (default 8 KiB)
 */
public record MultipartLimits(int maxParts, int maxPartHeaderBytes) {

  /** The request attribute under which {@code app.multipartLimits(..)} hands the limits to requests. */
  public static final String ATTRIBUTE = "dev.vial.multipart.MultipartLimits";

  private static final MultipartLimits DEFAULTS = new MultipartLimits(1000, 8 * 1024);

  /** Checks that both limits are positive. */
  public MultipartLimits {
    if (maxParts < 1) {
      throw new IllegalArgumentException("maxParts must be at least 1, got " + maxParts);
    }
    if (maxPartHeaderBytes < 1) {
      throw new IllegalArgumentException("maxPartHeaderBytes must be at least 1, got " + maxPartHeaderBytes);
    }
  }

  /** 1,000 parts, 8 KiB of headers per part. */
  public static MultipartLimits defaults() {
    return DEFAULTS;
  }

  /** A before filter that hands {@code limits} to each request (what {@code app.multipartLimits(..)} installs). */
  public static BeforeFilter filter(MultipartLimits limits) {
    if (limits == null) {
      throw new IllegalArgumentException("Multipart limits must not be null");
    }
    return req -> {
      req.attribute(ATTRIBUTE, limits);
      return null;
    };
  }

  /** A copy with another part count limit. */
  public MultipartLimits withMaxParts(int maxParts) {
    return new MultipartLimits(maxParts, maxPartHeaderBytes);
  }

  /** A copy with another per-part header size limit. */
  public MultipartLimits withMaxPartHeaderBytes(int maxPartHeaderBytes) {
    return new MultipartLimits(maxParts, maxPartHeaderBytes);
  }
}
