package dev.vial.example.echo.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.example.echo.EchoApp;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Traversal attempts written byte for byte on a socket, since HTTP clients normalise {@code ..} away
 * before sending: each reaches the server as written and gets a plain 404.
 */
class StaticFilesRawSocketTest {

  private static RunningServer server;

  @BeforeAll
  static void start() {
    server = LocalServer.start(EchoApp.create(), ServerOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The status line and body of a raw {@code GET target}. */
  static String[] rawGet(String target, String... extraHeaders) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
      for (String header : extraHeaders) {
        request.append(header).append("\r\n");
      }
      request.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int headEnd = response.indexOf("\r\n\r\n");
      return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(0, headEnd),
          response.substring(headEnd + 4)};
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/static/../pom.xml", "/static/..", "/static/../", "/static/./../dev/vial/App.class",
      "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/%2E%2E/static/index.html",
      "/static/.%2e/dev/vial/example/echo/EchoApp.class", "/static/..%2f..%2fetc%2fpasswd",
      "/static/..%5c..%5cetc%5cpasswd", "/static/%252e%252e/%252e%252e/etc/passwd", "/static/index.html%00",
      "/static/index.html%00.png", "/static/.env", "/static/.git/config", "/static/%2egit/HEAD",
      "/static/c:%5cwindows%5cwin.ini", "/static/C:/Windows/win.ini", "/static/CON", "/static/aux.js",
      "/static/com1.txt", "/static/index.html.", "/static/index.html%20", "/static/index.html::$DATA",
      "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/..;/pom.xml", "/static/%c0%ae%c0%ae/pom.xml"})
  void traversalAttemptsAreA404WithoutDetail(String target) throws IOException {
    String[] response = rawGet(target);

    assertThat(response[0]).as(target).isIn("HTTP/1.1 404 Not Found", "HTTP/1.1 400 Bad Request");
    if (response[0].contains("400")) {
      // only what is not a valid path at all (an overlong UTF-8 escape) is refused before routing
      assertThat(target).contains("%c0");
      assertThat(response[2]).doesNotContain("static").doesNotContain("Exception");
    } else {
      assertThat(response[2]).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/static/", "/static", "/static/./index.html", "/static/%69ndex.html"})
  void plainAndEquivalentNamesOfTheIndexAnswer(String target) throws IOException {
    String[] response = rawGet(target);

    if (target.contains("/./")) {
      assertThat(response[0]).isEqualTo("HTTP/1.1 404 Not Found"); // "." is never resolved, not even harmlessly
    } else {
      assertThat(response[0]).as(target).isEqualTo("HTTP/1.1 200 OK");
      assertThat(response[2]).contains("<title>Vial echo</title>");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=0-9", "bytes=-10"})
  void aRangeOverTheWireHasTheRightLength(String range) throws IOException {
    String[] response = rawGet("/static/big.txt", "Range: " + range, "Accept-Encoding: gzip");

    assertThat(response[0]).isEqualTo("HTTP/1.1 206 Partial Content");
    assertThat(response[1]).containsIgnoringCase("Content-Length: 10");
    assertThat(response[2]).hasSize(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"If-None-Match: *", "If-None-Match: \"x\", W/\"y\", *"})
  void aNotModifiedAnswerHasNoBodyOnTheWire(String condition) throws IOException {
    String[] response = rawGet("/static/big.txt", condition);

    assertThat(response[0]).isEqualTo("HTTP/1.1 304 Not Modified");
    assertThat(response[1]).containsIgnoringCase("ETag: \"").doesNotContainIgnoringCase("\r\nContent-Type:");
    assertThat(response[2]).isEmpty();
  }
}
