package dev.vial.multipart;

import dev.vial.Headers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One part of a {@code multipart/form-data} body: a form field, or a file when it has a file name.
 * Its content is a range of the request body, not a copy; {@link #bytes()} copies.
 */
public final class Part {

  private final String name;
  private final String filename;
  private final Headers headers;
  private final byte[] body;
  private final int offset;
  private final int length;

  Part(String name, String filename, Headers headers, byte[] body, int offset, int length) {
    this.name = name;
    this.filename = filename;
    this.headers = headers;
    this.body = body;
    this.offset = offset;
    this.length = length;
  }

  /** The field name ({@code name} of its {@code Content-Disposition}). */
  public String name() {
    return name;
  }

  /**
   * The file name as the client sent it, decoded ({@code filename*} per RFC 8187 wins over
   * {@code filename}; quotes and {@code \"} escapes removed), or {@code null} for a plain field. It may
   * hold a path, control characters or {@code ..}: use {@link #safeFilename()} to store it.
   */
  public String filename() {
    return filename;
  }

  /** The file name reduced to a safe base name ({@link Filenames#safeBaseName(String)}), or {@code null}. */
  public String safeFilename() {
    return Filenames.safeBaseName(filename);
  }

  /** Whether the part carries a file name (browsers send {@code filename=""} for an empty file input). */
  public boolean isFile() {
    return filename != null;
  }

  /** The part's {@code Content-Type} as sent, or {@code null} when it has none. */
  public String contentType() {
    return headers.first("Content-Type");
  }

  /** Every header of the part. */
  public Headers headers() {
    return headers;
  }

  /** The content length in bytes. */
  public int size() {
    return length;
  }

  /** A copy of the content. */
  public byte[] bytes() {
    return Arrays.copyOfRange(body, offset, offset + length);
  }

  /** The content as a stream over the request body, without a copy. */
  public InputStream inputStream() {
    return new ByteArrayInputStream(body, offset, length);
  }

  /**
   * The content as text, in the {@code charset} of its {@code Content-Type} when it names one Java
   * supports, else UTF-8; malformed bytes become U+FFFD.
   */
  public String text() {
    return new String(body, offset, length, charset());
  }

  private Charset charset() {
    String type = contentType();
    if (type != null) {
      try {
        String name = HeaderParameters.parse(type).param("charset");
        if (name != null && Charset.isSupported(name)) {
          return Charset.forName(name);
        }
      } catch (IllegalArgumentException unsupported) {
        // A malformed Content-Type or charset name: fall back to UTF-8, as for none.
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public String toString() {
    return "Part[" + name + (filename != null ? ", file " + filename : "") + ", " + length + " bytes]";
  }
}
