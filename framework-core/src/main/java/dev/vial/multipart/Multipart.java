package dev.vial.multipart;

import dev.vial.HttpException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code multipart/form-data} body (RFC 7578): its parts in body order. Get it with
 * {@code req.multipart()}.
 *
 * <pre>{@code
 * app.post("/upload", req -> {
 *   Multipart form = req.multipart();
 *   Part photo = form.file("photo");
 *   Files.write(dir.resolve(photo.safeFilename()), photo.bytes());
 *   return ok("stored " + photo.size() + " bytes for " + form.field("title"));
 * });
 * }</pre>
 */
public final class Multipart {

  private final List<Part> parts;

  Multipart(List<Part> parts) {
    this.parts = Collections.unmodifiableList(parts);
  }

  /**
   * Parses {@code body} as {@code multipart/form-data} with the boundary of {@code contentType}.
   * Linear in the body size whatever its content.
   *
   * @throws HttpException 400 naming the problem when the content type is not
   *     {@code multipart/form-data} with a boundary or the body is malformed; 413 naming the limit when
   *     it has too many parts or a part's headers are too large
   */
  public static Multipart parse(String contentType, byte[] body, MultipartLimits limits) {
    return MultipartParser.parse(contentType, body, limits == null ? MultipartLimits.defaults() : limits);
  }

  /** Every part, in body order. */
  public List<Part> parts() {
    return parts;
  }

  /** The parts named {@code name}, in body order; empty when none. */
  public List<Part> parts(String name) {
    List<Part> named = new ArrayList<>();
    for (Part part : parts) {
      if (part.name().equals(name)) {
        named.add(part);
      }
    }
    return named;
  }

  /** The first part named {@code name}, or {@code null}. */
  public Part part(String name) {
    for (Part part : parts) {
      if (part.name().equals(name)) {
        return part;
      }
    }
    return null;
  }

  /** The text of the first non-file part named {@code name}, or {@code null}. */
  public String field(String name) {
    for (Part part : parts) {
      if (!part.isFile() && part.name().equals(name)) {
        return part.text();
      }
    }
    return null;
  }

  /** The first file part named {@code name}, or {@code null}. */
  public Part file(String name) {
    for (Part part : parts) {
      if (part.isFile() && part.name().equals(name)) {
        return part;
      }
    }
    return null;
  }

  /** The non-file parts as text: name → values, names in order of first appearance. Unmodifiable. */
  public Map<String, List<String>> fields() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (Part part : parts) {
      if (!part.isFile()) {
        List<String> values = fields.get(part.name());
        if (values == null) {
          values = new ArrayList<>(1);
          fields.put(part.name(), values);
        }
        values.add(part.text());
      }
    }
    for (Map.Entry<String, List<String>> entry : fields.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(fields);
  }

  /** The parts with a file name, in body order. */
  public List<Part> files() {
    List<Part> files = new ArrayList<>();
    for (Part part : parts) {
      if (part.isFile()) {
        files.add(part);
      }
    }
    return Collections.unmodifiableList(files);
  }
}
