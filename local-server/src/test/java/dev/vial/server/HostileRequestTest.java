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
 * Malformed and hostile HTTP over raw sockets: each is refused with a 4xx/5xx whose JSON body says
 * why, the connection is closed, and the server keeps serving.
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

  @ParameterizedTest
  @ValueSource(strings = {
      "GET /hello HTTP/1.1\nHost: t\n\n",
      "GET /hello HTTP/1.1\r\nHost: t\n\r\n",
      "GET /hello HTTP/1.1\r\nHost: t\r\nX: a\rb\r\n\r\n",
      "GET /hello HTTP/1.1\r\nHost: t\r\nX: a\u0000b\r\n\r\n",
  })
  void answersBareLineFeedsAndControlCharactersWith400AndCloses(String request) throws IOException {
    // Lenient parsers disagree on these; a strict one cannot be smuggled past (RFC 9112 section 2.2).
    assertRefused(request, 400);
  }

  @Test
  void answersAnObsoleteFoldedHeaderLineWith400() throws IOException {
    // RFC 9112 section 5.2: reject obs-fold or replace it; rejecting leaves no room for disagreement.
    assertRefused("GET /header HTTP/1.1\r\nHost: t\r\nX: a\r\n folded\r\n\r\n", 400);
  }

  @Test
  void answersAnHttp11RequestWithoutHostWith400() throws IOException {
    assertRefused("GET /hello HTTP/1.1\r\n\r\n", 400);
  }

  @Test
  void answersAHeadOverTheSizeLimitWith431AndCloses() throws IOException {
    assertRefused(headers(200, 40), 431); // about 9.8 KB, over this server's 8 KiB
  }

  @Test
  void answersMoreThanTwoHundredFieldsWith431AndCloses() throws IOException {
    assertRefused(headers(300, 1), 431); // small enough, but too many
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

  @ParameterizedTest
  @ValueSource(strings = {"zz\r\nhello\r\n0\r\n\r\n", "5\r\nhello!\r\n0\r\n\r\n", "5\nhello\r\n0\r\n\r\n",
      "123456789\r\nhello\r\n0\r\n\r\n", "-5\r\nhello\r\n0\r\n\r\n"})
  void answersAMalformedChunkWith400AndCloses(String body) throws IOException {
    assertRefused("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + body, 400);
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
      assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
      assertThat(answer.bodyText()).contains("\"status\":" + status).doesNotContain("hello", "\tat ");
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
