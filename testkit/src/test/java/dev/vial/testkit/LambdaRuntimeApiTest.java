package dev.vial.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test Runtime API notices a runtime that breaks the documented streaming protocol. */
@Timeout(30)
class LambdaRuntimeApiTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Takes the next event by hand and returns its request id. */
  private static String next(Socket socket) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    String id = null;
    int length = 0;
    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
      if (line.startsWith("Lambda-Runtime-Aws-Request-Id: ")) {
        id = line.substring(31);
      } else if (line.startsWith("Content-Length: ")) {
        length = Integer.parseInt(line.substring(16));
      }
    }
    in.skip(length);
    return id;
  }

  private static Socket connect(LambdaRuntimeApi api) throws IOException {
    String[] hostPort = api.address().split(":");
    return new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
  }

  @Test
  void flagsAStreamWithoutChunkedEncodingOrTheHttpIntegrationType() throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start(); Socket socket = connect(api)) {
      LambdaRuntimeApi.Invocation call = api.send("{}".getBytes(StandardCharsets.UTF_8));
      String id = next(socket);
      socket.getOutputStream().write(("POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\n"
          + "Lambda-Runtime-Function-Response-Mode: streaming\r\nContent-Type: application/json\r\n"
          + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));

      LambdaRuntimeApi.Answer answer = call.await(WAIT);

      assertThat(answer.kind()).isEqualTo(LambdaRuntimeApi.Kind.STREAMED);
      assertThat(answer.violations()).hasSize(2)
          .anySatisfy(v -> assertThat(v).contains("Transfer-Encoding: chunked"))
          .anySatisfy(v -> assertThat(v).contains("application/vnd.awslambda.http-integration-response"));
    }
  }

  @Test
  void flagsUnannouncedOrUnpairedErrorTrailers() throws Exception {
    try (LambdaRuntimeApi api = LambdaRuntimeApi.start(); Socket socket = connect(api)) {
      LambdaRuntimeApi.Invocation call = api.send("{}".getBytes(StandardCharsets.UTF_8));
      String id = next(socket);
      socket.getOutputStream().write(("POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\n"
          + "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
          + "Content-Type: application/vnd.awslambda.http-integration-response\r\n\r\n"
          + "1\r\nx\r\n0\r\nLambda-Runtime-Function-Error-Type: Boom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

      LambdaRuntimeApi.Answer answer = call.await(WAIT);

      assertThat(answer.errorType()).isEqualTo("Boom");
      assertThat(answer.violations())
          .anySatisfy(v -> assertThat(v).contains("was not announced in the Trailer header"))
          .anySatisfy(v -> assertThat(v).contains("come in pairs"));
      assertThat(answer.chunks()).extracting(LambdaRuntimeApi.Chunk::text).containsExactly("x");
    }
  }
}
