package dev.vial;

import static dev.vial.Responses.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.multipart.Multipart;
import dev.vial.multipart.MultipartLimits;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppMultipartTest {

  private static final String TYPE = "multipart/form-data; boundary=b";
  private static final String FORM = "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHi\r\n"
      + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
      + "content\r\n--b--\r\n";

  private static Response post(App app, String contentType, String body) {
    return Exchange.send(app, Exchange.withBody(Exchange.request("POST", "/up"), contentType, body));
  }

  @Test
  void formSeesTheNonFileFieldsOfAMultipartBody() {
    App app = new App().post("/up", req -> json(Map.of("title", req.form("title"), "file", String.valueOf(req.form("file")),
        "fields", req.formParams().keySet())));

    Response response = post(app, TYPE, FORM);

    assertThat(response.bodyText()).contains("\"title\":\"Hi\"", "\"file\":\"null\"", "\"fields\":[\"title\"]");
  }

  @Test
  void parsesTheBodyOncePerRequest() {
    App app = new App().post("/up", req -> {
      Multipart first = req.multipart();
      return json(Map.of("same", first == req.multipart(), "size", req.multipart().file("file").size()));
    });

    assertThat(post(app, TYPE, FORM).bodyText()).contains("\"same\":true", "\"size\":7");
  }

  @Test
  void malformedBodiesAreA400NamingTheProblem() {
    App app = new App().post("/up", req -> json(req.multipart().fields()));

    Response response = post(app, TYPE, "--b\r\nContent-Disposition: form-data; name=a\r\n\r\nno end");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("Malformed multipart body: it ends inside part 1");
    assertThat(post(app, "text/plain", "x").bodyText()).contains("got Content-Type 'text/plain'");
  }

  @Test
  void limitsSetOnTheAppAnswer413NamingTheLimit() {
    App app = new App()
        .multipartLimits(MultipartLimits.defaults().withMaxParts(1))
        .post("/up", req -> json(req.multipart().fields()));

    Response response = post(app, TYPE, FORM);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Multipart body has more than 1 parts (the limit)\",\"status\":413}");
  }
}
