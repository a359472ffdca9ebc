package dev.vial.example.echo;

import static dev.vial.Responses.bytes;

import dev.vial.Blueprint;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.http.MediaTypes;
import dev.vial.openapi.RouteDoc;

/** Binary bodies: {@code size} bytes in a known pattern, so a client can check every byte arrived intact. */
final class BinaryRoutes {

  /** Large enough to exercise streaming and Lambda's 6 MB payload limit (base64 grows it by a third). */
  static final int MAX_SIZE = 5_000_000;

  private BinaryRoutes() {}

  /** {@code GET /binary?size=N}. */
  static Blueprint blueprint() {
    return new Blueprint("/binary")
        .get("/", RouteDoc.of("Bytes in a known pattern").tags("binary")
            .requiredQuery("size", int.class, "How many bytes, 0 to " + MAX_SIZE)
            .response(200, MediaTypes.OCTET_STREAM, byte[].class, "size bytes, byte i being i mod 256")
            .response(400, "size is missing or out of range")
            .handles(BinaryRoutes::pattern));
  }

  private static Response pattern(Request req) {
    int size = size(req.query("size"));
    byte[] body = new byte[size];
    for (int i = 0; i < size; i++) {
      body[i] = (byte) i;
    }
    return bytes(body, MediaTypes.OCTET_STREAM);
  }

  private static int size(String text) {
    int size;
    try {
      size = Integer.parseInt(text == null ? "" : text);
    } catch (NumberFormatException e) {
      size = -1;
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new HttpException(400, "Query parameter 'size' must be a whole number from 0 to " + MAX_SIZE
          + ", got " + (text == null ? "none" : "'" + text + "'"));
    }
    return size;
  }
}
