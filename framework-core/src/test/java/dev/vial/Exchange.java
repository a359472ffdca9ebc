package dev.vial;

import java.nio.charset.StandardCharsets;

/** Test support: builds requests the way a front door would and sends them through {@link App#handle}. */
final class Exchange {

  private Exchange() {}

  /** A request for {@code target}, a raw path with an optional {@code ?query}. */
  static Request.Builder request(String method, String target) {
    int question = target.indexOf('?');
    Request.Builder builder = Request.builder(method, question < 0 ? target : target.substring(0, question));
    return question < 0 ? builder : builder.rawQuery(target.substring(question + 1));
  }

  static Response call(App app, String method, String target) {
    return app.handle(request(method, target).build());
  }

  static Response get(App app, String target) {
    return call(app, "GET", target);
  }

  static Response send(App app, Request.Builder request) {
    return app.handle(request.build());
  }

  static Request.Builder withBody(Request.Builder request, String contentType, String body) {
    return request.headers(Headers.of("Content-Type", contentType)).body(body.getBytes(StandardCharsets.UTF_8));
  }
}
