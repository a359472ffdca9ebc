package dev.vial.example.echo;

import static dev.vial.Responses.json;

import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.multipart.Multipart;
import dev.vial.multipart.Part;
import dev.vial.openapi.RouteDoc;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Multipart uploads: what the app saw of each field and file, in body order. */
final class UploadRoutes {

  private UploadRoutes() {}

  /** {@code POST /upload}. */
  static Blueprint blueprint() {
    return new Blueprint("/upload")
        .post("/", RouteDoc.of("Describes a multipart/form-data upload").tags("upload")
            .response(200, Map.class, "The fields and files, in body order, each file with its size and SHA-256")
            .response(400, "The body is not valid multipart/form-data")
            .response(413, "Too many parts, or a part's headers are too large")
            .handles(UploadRoutes::describe));
  }

  /**
   * {@code {"fields":{name:value,...},"files":[{"field","filename","contentType","size","sha256"}]}}: the
   * first value of each non-file field, and every file with its decoded file name and the SHA-256 of its bytes.
   */
  private static Response describe(Request req) {
    Multipart form = req.multipart();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> field : form.fields().entrySet()) {
      fields.put(field.getKey(), field.getValue().get(0));
    }
    List<Map<String, Object>> files = new ArrayList<>();
    for (Part file : form.files()) {
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("field", file.name());
      described.put("filename", file.filename());
      described.put("contentType", file.contentType());
      described.put("size", file.size());
      described.put("sha256", sha256(file.bytes()));
      files.add(described);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("fields", fields);
    answer.put("files", files);
    return json(answer);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
