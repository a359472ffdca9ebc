package dev.vial.server;

import static dev.vial.Responses.bytes;
import static dev.vial.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile HTTP over raw sockets: each is refused with a 4xx/5xx and a closed connection
 * (or, where the JDK's parser refuses it first, a closed connection), and the server keeps serving.
 */
@Timeout(20)
class HostileRequestTest {

  private static final int MAX_HEADER = 8 * 1024;
  private static RunningServer server;

  @BeforeAll
  static void start() {
    App app = new App();
    app.get("/hello", req -> ok("hello"));
    app.get("/header", req -> ok("[" + req.header("X") + "]"));
    app.get("/split", req -> ok("x").withHeader("X-Evil", "a\r\nSet-Cookie: pwned=1"));
    app.post("/echo", req -> bytes(req.body(), "application/octet-stream"));
    server = LocalServer.start(app, ServerOptions.defaults().withPort(0).withMaxBodyBytes(1024)
        .withMaxHeaderBytes(MAX_HEADER).withReadTimeout(Duration.ofSeconds(2)).withShutdownGrace(Duration.ZERO));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void serverKeepsServingOthers() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      assertThat(connection.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("hello");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "GARBAGE\r\n\r\n",
      "GET /hello\r\n\r\n",
      "GET /hello HTTP/1.1\r\nNoColon\r\n\r\n",
      "GET /hello HTTP/1.1\r\nHost : t\r\n\r\n",
  })
  void answersAMalformedRequestLineOrHeaderWith400AndCloses(String request) throws IOException {
    assertRefused(request, 400);
  }

  @Test
  void answersATrailingWordAfterTheVersionWith505AndCloses() throws IOException {
    assertRefused("GET /hello HTTP/1.1 extra\r\nHost: t\r\n\r\n", 505);
  }

  @Test
  void closesAConnectionWithBareLfLineEndingsWithoutAnswering() throws IOException {
    // The JDK's parser wants CRLF and drops the connection; the request never reaches the app.
    assertClosedWithoutAnswer("GET /hello HTTP/1.1\nHost: t\n\n");
  }

  @Test
  void joinsAnObsoleteFoldedHeaderLineWithASpace() throws IOException {
    // RFC 9112 section 5.2 allows replacing obs-fold with spaces; the JDK does that.
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      assertThat(connection.send("GET /header HTTP/1.1\r\nHost: t\r\nX: a\r\n folded\r\n\r\n").read().bodyText())
          .isEqualTo("[a folded]");
    }
  }

  @Test
  void answersTooManyHeadersWith431AndCloses() throws IOException {
    // 150 fields of 40 bytes: under the JDK's own limits, over Vial's 8 KiB (each field counts 32 extra bytes).
    assertRefused(headers(150, 40), 431);
  }

  @Test
  void closesTheConnectionForFarTooManyHeaders() throws IOException {
    // The JDK's parser stops at sun.net.httpserver.maxReqHeaders (200 by default) and drops the connection.
    assertClosedWithoutAnswer(headers(300, 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Content-Length: abc\r\n",
      "Content-Length: -5\r\n",
      "Content-Length: +5\r\n",
      "Content-Length: 5, 5\r\n",
      "Content-Length: 0x5\r\n",
      "Content-Length: 99999999999999999999\r\n",
      "Content-Length: 5\r\nContent-Length: 6\r\n",
      "Content-Length: 5\r\nContent-Length: 5\r\n",
      "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
      "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
      "Host: a\r\nHost: b\r\n",
  })
  void answersAmbiguousFramingWith400AndClosesBeforeReadingTheBody(String fields) throws IOException {
    assertRefused("POST /echo HTTP/1.1\r\n" + fields + "\r\n5\r\nhello\r\n0\r\n\r\n", 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip, chunked", "chunked, identity", "identity"})
  void answersATransferEncodingOtherThanChunkedWith501AndCloses(String encoding) throws IOException {
    assertRefused("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: " + encoding + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501);
  }

  @Test
  void closesTheConnectionOnAMalformedChunk() throws IOException {
    assertClosedWithoutAnswer("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
  }

  @Test
  void refusesAResponseHeaderThatWouldSplitTheResponse() throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send("GET /split HTTP/1.1\r\nHost: t\r\n\r\n").read();

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.count("set-cookie")).isZero();
      assertThat(answer.count("x-evil")).isZero();
      assertThat(answer.bodyText()).isEqualTo("{\"error\":\"Internal Server Error\",\"status\":500}");
    }
  }

  private static void assertRefused(String request, int status) throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      RawConnection.RawResponse answer = connection.send(request).read();

      assertThat(answer.status()).isEqualTo(status);
      // Some of these the JDK's parser answers itself, with a short HTML body of its own.
      assertThat(answer.bodyText()).doesNotContain("hello", "\tat ");
      assertThat(connection.closedByServer()).isTrue();
    }
  }

  private static void assertClosedWithoutAnswer(String request) throws IOException {
    try (RawConnection connection = new RawConnection(server.port(), 3000)) {
      connection.send(request);

      assertThat(connection.closedByServer()).isTrue();
    }
  }

  private static String headers(int count, int valueLength) {
    StringBuilder request = new StringBuilder("GET /hello HTTP/1.1\r\nHost: t\r\n");
    for (int i = 0; i < count; i++) {
      request.append("X-").append(i).append(": ").append("v".repeat(valueLength)).append("\r\n");
    }
    return request.append("\r\n").toString();
  }
}
