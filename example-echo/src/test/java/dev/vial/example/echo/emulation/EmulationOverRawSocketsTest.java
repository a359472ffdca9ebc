package dev.vial.example.echo.emulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.example.echo.EchoLambda;
import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.lambda.gateway.GatewayEmulation;
import dev.vial.lambda.gateway.GatewayKind;
import dev.vial.server.LocalServer;
import dev.vial.server.RunningServer;
import dev.vial.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulation seen from a raw socket, where no client library merges, reorders or re-cases anything:
 * the request head is exactly what a client could send.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulationOverRawSocketsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A status code, the head and the body. */
  record Answer(int status, String head, String body) {}

  private static Answer exchange(RunningServer server, String requestHead, byte[] body) throws IOException {
    URI url = URI.create(server.url());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      // Read the head, then exactly Content-Length bytes: the server may keep the connection open.
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          throw new IOException("connection closed inside the head: " + head);
        }
        head.append((char) c);
      }
      String headText = head.substring(0, head.length() - 4);
      int length = 0;
      for (String line : headText.split("\r\n")) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      String bodyText = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      return new Answer(Integer.parseInt(headText.substring(9, 12)), headText, bodyText);
    }
  }

  private static RunningServer serve(RequestStreamHandler handler, EmulationOptions options) {
    return LocalServer.start(GatewayEmulation.app(handler, options),
        ServerOptions.defaults().withPort(0).withMaxBodyBytes(EmulationOptions.GATEWAY_MAX_BODY_BYTES));
  }

  @Test
  void anHttpApiStageLeadsTheUrlAndAnythingElseIsTheGatewaysNotFound() throws Exception {
    try (RunningServer server = serve(new EchoLambda(), EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"))) {
      Answer outside = exchange(server, "GET /users/42 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", new byte[0]);
      Answer inside = exchange(server, "GET /dev/users/42 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", new byte[0]);

      assertThat(outside.status()).isEqualTo(404);
      assertThat(outside.body()).isEqualTo("{\"message\":\"Not Found\"}");
      assertThat(inside.status()).isEqualTo(200);
      assertThat(inside.body()).isEqualTo("{\"id\":42}");
    }
  }

  @Test
  void repeatedHeadersAreCommaJoinedByHttpApisAndKeptApartByRestApis() throws Exception {
    String head = "GET %s/echo HTTP/1.1\r\nHost: x\r\nX-Dup: one\r\nX-Dup: two\r\nCookie: a=1; b=2\r\n"
        + "Connection: close\r\n\r\n";
    try (RunningServer httpApi = serve(new EchoLambda(), EmulationOptions.of(GatewayKind.HTTP_API));
        RunningServer rest = serve(new EchoLambda(), EmulationOptions.of(GatewayKind.REST))) {
      JsonNode viaHttpApi = MAPPER.readTree(exchange(httpApi, String.format(head, ""), new byte[0]).body());
      JsonNode viaRest = MAPPER.readTree(exchange(rest, String.format(head, "/Prod"), new byte[0]).body());

      assertThat(viaHttpApi.path("headers").path("x-dup").toString()).isEqualTo("[\"one,two\"]");
      assertThat(viaRest.path("headers").path("x-dup").toString()).isEqualTo("[\"one\",\"two\"]");
      assertThat(viaHttpApi.path("cookies").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
      assertThat(viaRest.path("cookies").toString()).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
      assertThat(viaHttpApi.path("headers").path("host").get(0).asText()).endsWith(".amazonaws.com");
    }
  }

  @Test
  void aBodyOverTenMebibytesIsRefused413WithoutBeingRead() throws Exception {
    try (RunningServer server = serve(new EchoLambda(), EmulationOptions.of(GatewayKind.HTTP_API))) {
      Answer answer = exchange(server, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
          + "Content-Length: " + (EmulationOptions.GATEWAY_MAX_BODY_BYTES + 1) + "\r\n\r\n", new byte[0]);

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).isEqualTo("HTTP content length exceeded 10485760 bytes.");
    }
  }

  @Test
  void aFunctionThatAnswersSomethingElseThanAProxyResponseIs502() throws Exception {
    RequestStreamHandler broken = (in, out, context) -> out.write("{\"status\":200}".getBytes(StandardCharsets.UTF_8));
    try (RunningServer server = serve(broken, EmulationOptions.of(GatewayKind.REST))) {
      Answer answer = exchange(server, "GET /Prod/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", new byte[0]);

      assertThat(answer.status()).isEqualTo(502);
      assertThat(answer.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    }
  }

  @Test
  void aRedirectOnANamedStageKeepsTheStageInItsLocation() throws Exception {
    try (RunningServer server = serve(new EchoLambda(), EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"))) {
      Answer answer = exchange(server, "GET /dev/redirect HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
          new byte[0]);

      assertThat(answer.status()).isEqualTo(302);
      assertThat(answer.head() + "\r\n").containsIgnoringCase("\r\nLocation: /dev/\r\n");
    }
  }
}
