package dev.vial.lambda;

import static dev.vial.lambda.BodyPolicyTest.get;
import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.invokeRaw;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vial.App;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.stream.SseEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Buffered front doors collect a streamed body into the one envelope, within the same limits. */
class StreamedBodyTest {

  private final CapturingLogger log = new CapturingLogger("test");
  private final LambdaHandler handler = new LambdaHandler(app(), LambdaOptions.defaults(), new CapturingLogger("access"), log);

  private static App app() {
    App app = new App();
    app.get("/lines", req -> Responses.stream("text/plain; charset=utf-8", out -> {
      for (int i = 1; i <= 3; i++) {
        out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }));
    app.get("/events", req -> Responses.sse(events -> events.send(SseEvent.data("a\nb").withId("1"))));
    app.get("/big", req -> {
      int size = Integer.parseInt(req.query("size"));
      return Responses.stream("application/octet-stream", out -> {
        byte[] block = new byte[64 * 1024];
        for (int left = size; left > 0; left -= block.length) {
          out.write(block, 0, Math.min(left, block.length));
        }
      });
    });
    app.get("/late-failure", req -> Responses.stream(out -> {
      out.write('x');
      out.flush();
      throw new IllegalStateException("broke");
    }));
    return app;
  }

  private JsonNode invoke(String file, String pathAndQuery) throws IOException {
    int q = pathAndQuery.indexOf('?');
    var event = get(file, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q));
    if (q >= 0) {
      String[] pair = pathAndQuery.substring(q + 1).split("=");
      if (event.has("rawPath")) {
        event.put("rawQueryString", pathAndQuery.substring(q + 1));
      } else if (event.has("multiValueQueryStringParameters") && !event.get("multiValueQueryStringParameters").isNull()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("multiValueQueryStringParameters")).putArray(pair[0]).add(pair[1]);
      } else {
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("queryStringParameters")).put(pair[0], pair[1]);
      }
    }
    return Invocations.JSON.readTree(invokeRaw(handler, EventDetectionTest.bytes(event)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rest-v1-get.json", "http-api-v2-get.json", "alb-single.json"})
  void collectsAStreamedBodyIntoTheEnvelope(String file) throws IOException {
    JsonNode envelope = invoke(file, "/lines");

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(200);
    assertThat(envelope.get("body").asText()).isEqualTo("line 1\nline 2\nline 3\n");
    assertThat(envelope.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void collectsServerSentEvents() throws IOException {
    JsonNode envelope = invoke("http-api-v2-get.json", "/events");

    assertThat(envelope.get("body").asText()).isEqualTo("id: 1\ndata: a\ndata: b\n\n");
    assertThat(envelope.get("headers").get("Content-Type").asText()).isEqualTo("text/event-stream; charset=utf-8");
  }

  @Test
  void answersAStreamOverTheLambdaLimitWith500NamingTheLimit() throws IOException {
    JsonNode envelope = invoke("http-api-v2-get.json", "/big?size=" + (EventDispatcher.LAMBDA_RESPONSE_LIMIT + 1));

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(body(envelope).get("error").asText()).contains("exceeds the limit of 6291556 bytes");
  }

  @Test
  void appliesTheAlbLimitToStreams() throws IOException {
    JsonNode over = invoke("alb-single.json", "/big?size=" + (EventDispatcher.ALB_RESPONSE_LIMIT + 1));
    assertThat(over.get("statusCode").asInt()).isEqualTo(500);
    assertThat(body(over).get("error").asText()).contains("1048576");

    JsonNode under = invoke("alb-single.json", "/big?size=1000");
    assertThat(under.get("statusCode").asInt()).isEqualTo(200);
  }

  @Test
  void aStreamThatFailsIsTheAppsErrorAnswerSinceNothingWasSentYet() throws IOException {
    JsonNode envelope = invoke("rest-v1-get.json", "/late-failure");

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(500);
    assertThat(body(envelope).get("error").asText()).isEqualTo("Internal Server Error");
  }

  @Test
  void httpResponseHandsTheStreamToVialsRuntimeUnrun() {
    byte[] event = EventDetectionTest.bytes(get("http-api-v2-get.json", "/lines"));

    Response response = handler.httpResponse(event, new TestContext("req-1"));

    assertThat(response.isStreaming()).isTrue();
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void httpResponseIsNullForEventsThatAreNotHttp() {
    assertThat(handler.httpResponse("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8), new TestContext("req-1"))).isNull();
    assertThat(handler.httpResponse("not json".getBytes(StandardCharsets.UTF_8), new TestContext("req-1"))).isNull();
  }
}
