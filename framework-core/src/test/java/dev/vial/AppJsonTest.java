package dev.vial;

import static dev.vial.Exchange.get;
import static dev.vial.Exchange.request;
import static dev.vial.Exchange.send;
import static dev.vial.Exchange.withBody;
import static dev.vial.Responses.json;
import static dev.vial.Responses.ok;
import static dev.vial.Responses.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AppJsonTest {

  record Item(String name, int quantity) {}

  record Order(String id, List<Item> items) {}

  /** Counts how often the app asks for a mapper. */
  static final class CountingMapperFactory implements Supplier<ObjectMapper> {
    final AtomicInteger created = new AtomicInteger();

    @Override
    public ObjectMapper get() {
      created.incrementAndGet();
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
  }

  private static Response post(App app, String path, String body) {
    return send(app, withBody(request("POST", path), "application/json", body));
  }

  private static App echoingOrders() {
    return new App()
        .post("/orders", req -> json(req.json(Order.class)))
        .post("/items", req -> ok("items " + req.json(new TypeReference<List<Item>>() {}).size()))
        .error(400, (e, req) -> text(400, e.getMessage()));
  }

  @Test
  void bindsRecordsAndRendersJson() {
    Response response = post(new App().post("/orders", req -> json(req.json(Order.class))), "/orders",
        "{\"id\":\"o-1\",\"items\":[{\"name\":\"pen\",\"quantity\":2}]}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("application/json");
    assertThat(response.bodyText()).isEqualTo("{\"id\":\"o-1\",\"items\":[{\"name\":\"pen\",\"quantity\":2}]}");
  }

  @Test
  void bindsGenericTypes() {
    assertThat(post(echoingOrders(), "/items", "[{\"name\":\"a\",\"quantity\":1},{\"name\":\"b\",\"quantity\":2}]")
        .bodyText()).isEqualTo("items 2");
  }

  @Test
  void answersBadRequestNamingLineAndColumnForMalformedJson() {
    Response response = post(echoingOrders(), "/orders", "{\n  \"id\": \"o-1\",\n  \"items\": [,]\n}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).startsWith("Malformed JSON body: Unexpected character (',' ")
        .endsWith("(line 3, column 13)");
  }

  @Test
  void answersBadRequestForTruncatedJson() {
    Response response = post(echoingOrders(), "/orders", "{\"id\": \"o-1\"");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).startsWith("Malformed JSON body:").contains("(line 1, column ");
  }

  @Test
  void answersBadRequestNamingTheFieldForMismatchedJson() {
    Response response = post(echoingOrders(), "/orders", "{\"id\":\"o-1\",\"items\":[{\"name\":\"pen\",\"quantity\":\"two\"}]}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText())
        .startsWith("JSON body does not match Order at 'items[0].quantity': Cannot deserialize value of type `int`")
        .contains("(line 1, column ");
  }

  @Test
  void answersBadRequestForUnknownFieldsWithoutNamingJavaClasses() {
    Response response = post(echoingOrders(), "/orders", "{\"id\":\"o-1\",\"colour\":\"red\"}");

    assertThat(response.bodyText())
        .startsWith("JSON body does not match Order: unknown field 'colour' (line 1, column ")
        .doesNotContain("dev.vial");
  }

  @Test
  void answersBadRequestForWrongShapedJsonWithoutNamingJavaPackages() {
    Response response = post(echoingOrders(), "/orders", "[1,2]");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("`Order`").doesNotContain("dev.vial", "AppJsonTest$");
  }

  @Test
  void answersBadRequestForEmptyNullOrWrongShapedBodies() {
    App app = echoingOrders();

    assertThat(post(app, "/orders", "").bodyText()).isEqualTo("Request body is empty; a JSON body is required");
    assertThat(post(app, "/orders", "null").bodyText()).isEqualTo("JSON body is null; a Order is required");
    assertThat(post(app, "/orders", "[1,2]").bodyText()).startsWith("JSON body does not match Order: ");
  }

  @Test
  void defaultBadJsonAnswerIsTheJsonErrorBody() {
    Response response = post(new App().post("/orders", req -> json(req.json(Order.class))), "/orders", "{");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).startsWith("{\"error\":\"Malformed JSON body: ").endsWith("\"status\":400}");
  }

  @Test
  void rendersCreatedAndCustomStatusJson() {
    App app = new App()
        .post("/orders", req -> Responses.created("/orders/1", Map.of("id", 1)))
        .get("/accepted", req -> json(202, List.of()));

    Response created = post(app, "/orders", "{}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isEqualTo("/orders/1");
    assertThat(created.bodyText()).isEqualTo("{\"id\":1}");
    assertThat(get(app, "/accepted").bodyText()).isEqualTo("[]");
  }

  @Test
  void neverCreatesAMapperForAnAppThatDoesNotUseJson() {
    CountingMapperFactory factory = new CountingMapperFactory();
    App app = new App().jsonMapper(factory)
        .get("/text", req -> ok("plain"))
        .get("/boom", req -> {
          throw new IllegalStateException("x");
        })
        .post("/form", req -> ok(req.form("a")));

    get(app, "/text");
    get(app, "/boom");
    get(app, "/nope");
    Exchange.call(app, "DELETE", "/text");
    get(app, "/text/%zz");
    send(app, withBody(request("POST", "/form"), "application/x-www-form-urlencoded", "a=1"));
    app.reject(request("POST", "/form").build(), new HttpException(413));

    assertThat(factory.created).hasValue(0);
  }

  @Test
  void createsTheConfiguredMapperOnceOnFirstUse() {
    CountingMapperFactory factory = new CountingMapperFactory();
    App app = new App().jsonMapper(factory)
        .get("/j", req -> json(Map.of("a", 1)))
        .post("/orders", req -> ok(req.json(Order.class).id()));

    assertThat(get(app, "/j").bodyText()).isEqualTo("{\n  \"a\" : 1\n}");
    get(app, "/j");
    post(app, "/orders", "{\"id\":\"x\"}");

    assertThat(factory.created).hasValue(1);
  }

  @Test
  void answers500WhenTheMapperFactoryFails() {
    App nullMapper = new App().jsonMapper(() -> null).get("/j", req -> json(1));
    App throwingMapper = new App().jsonMapper(() -> {
      throw new IllegalStateException("no mapper");
    }).get("/j", req -> json(1));

    assertThat(get(nullMapper, "/j").status()).isEqualTo(500);
    assertThat(get(throwingMapper, "/j").status()).isEqualTo(500);
  }

  @Test
  void rejectsANullMapperFactory() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new App().jsonMapper(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
