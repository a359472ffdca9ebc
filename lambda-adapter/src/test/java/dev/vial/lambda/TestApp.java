package dev.vial.lambda;

import static dev.vial.Responses.bytes;
import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;

import dev.vial.App;
import dev.vial.Cookie;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.MDC;

/** The app the adapter tests run: it echoes what it received and produces the responses the rules talk about. */
public final class TestApp {

  private TestApp() {}

  /** A fresh app (an app's routes freeze on its first request). */
  public static App create() {
    App app = new App();
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      app.route(method, "/echo", TestApp::echo);
      app.route(method, "/echo/{rest:path}", TestApp::echo);
    }
    app.get("/boom", req -> {
      throw new IllegalStateException("secret internal detail");
    });
    app.get("/cookies", req -> {
      Response response = ok("cookies");
      int count = Integer.parseInt(req.query("n"));
      for (int i = 0; i < count; i++) {
        response = response.withCookie(Cookie.of("c" + i, "v" + i).path("/"));
      }
      return response;
    });
    app.get("/multi", req -> ok("multi").withAddedHeader("X-Multi", "a").withAddedHeader("X-Multi", "b"));
    app.get("/png", req -> bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}, "image/png"));
    app.get("/gzip", req -> bytes("not really gzip".getBytes(StandardCharsets.UTF_8), "text/plain")
        .withHeader("Content-Encoding", "gzip"));
    app.get("/latin1", req -> bytes(new byte[] {'c', 'a', 'f', (byte) 0xe9}, "text/plain"));
    app.get("/unicode", req -> ok("café ☕ 𝄞"));
    app.get("/big", req -> ok("a".repeat(Integer.parseInt(req.query("size")))));
    app.get("/context", TestApp::context);
    return app;
  }

  private static Response echo(Request req) {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("method", req.method());
    echo.put("path", req.path());
    echo.put("rawPath", req.rawPath());
    echo.put("mountPath", req.mountPath());
    echo.put("rest", req.pathParam("rest"));
    echo.put("query", req.queryParams());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : req.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), req.headers().all(name));
    }
    echo.put("headers", headers);
    echo.put("cookies", req.cookies());
    echo.put("body", req.bodyText());
    echo.put("bodyBase64", Base64.getEncoder().encodeToString(req.body()));
    echo.put("remoteAddress", req.remoteAddress());
    echo.put("mdcRequestId", MDC.get("AWSRequestId"));
    return json(echo);
  }

  private static Response context(Request req) {
    return LambdaRequestContext.of(req).map(ctx -> {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("awsRequestId", ctx.awsRequestId());
      out.put("functionName", ctx.lambdaContext().getFunctionName());
      out.put("source", ctx.source().name());
      out.put("sourceIp", ctx.sourceIp().orElse(null));
      out.put("remoteAddress", req.remoteAddress());
      out.put("stage", ctx.stage().orElse(null));
      out.put("stageVariables", ctx.stageVariables());
      out.put("authorizer", ctx.authorizer());
      out.put("rawEventPresent", ctx.rawEventBytes().isPresent());
      out.put("rawRequestId", ctx.rawEvent().map(tree -> tree.path("requestContext").path("requestId").asText(null)).orElse(null));
      return json(out);
    }).orElseGet(() -> Responses.text(500, "no Lambda context"));
  }
}
