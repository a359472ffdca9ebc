package dev.vial.lambda.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Responses;
import dev.vial.lambda.LambdaHandler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A Runtime API that refuses an answer (as Lambda does one over its payload limit) costs that invocation only. */
@Timeout(60)
class RuntimeLoopRefusalTest {

  private static final String EVENT = "{\"version\":\"2.0\",\"rawPath\":\"/\",\"rawQueryString\":\"\",\"headers\":{},"
      + "\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/\",\"sourceIp\":\"1.2.3.4\"},"
      + "\"domainName\":\"x.execute-api.us-east-1.amazonaws.com\",\"stage\":\"$default\"},\"isBase64Encoded\":false}";

  @Test
  void aRefusedAnswerIsLoggedAndTheLoopServesTheNextEvent() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread api = new Thread(() -> script(server, requests));
      api.setDaemon(true);
      api.start();
      App app = new App();
      app.get("/", req -> Responses.ok("hello"));
      Thread loop = new Thread(() -> {
        try {
          RuntimeLoop.start(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getLocalPort()),
              () -> new LambdaHandler(app)).run();
        } catch (IOException apiGone) {
          // the scripted API closes after its last answer
        }
      });
      loop.setDaemon(true);
      loop.start();

      api.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(requests).containsSubsequence(
        "GET /2018-06-01/runtime/invocation/next HTTP/1.1",
        "POST /2018-06-01/runtime/invocation/id-1/response HTTP/1.1",
        "GET /2018-06-01/runtime/invocation/next HTTP/1.1",
        "POST /2018-06-01/runtime/invocation/id-2/response HTTP/1.1");
  }

  /** Two events; the first answer is refused with 413, the second accepted. */
  private static void script(ServerSocket server, List<String> requests) {
    try (Socket socket = server.accept()) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      for (int i = 1; i <= 2; i++) {
        readRequest(in, requests);
        byte[] event = EVENT.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: id-" + i + "\r\nContent-Length: " + event.length
            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(event);
        out.flush();
        readRequest(in, requests);
        String body = i == 1 ? "{\"errorType\":\"RequestEntityTooLarge\"}" : "{\"status\":\"OK\"}";
        out.write(("HTTP/1.1 " + (i == 1 ? "413 Request Entity Too Large" : "202 Accepted") + "\r\nContent-Length: "
            + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      }
    } catch (IOException e) {
      requests.add("server failed: " + e);
    }
  }

  private static void readRequest(InputStream in, List<String> requests) throws IOException {
    List<String> head = new ArrayList<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      head.add(line);
    }
    requests.add(head.get(0));
    int length = 0;
    for (String field : head) {
      if (field.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(field.substring(15).trim());
      }
    }
    in.readNBytes(length);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("closed");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
