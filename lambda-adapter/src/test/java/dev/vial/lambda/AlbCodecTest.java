package dev.vial.lambda;

import static dev.vial.lambda.Invocations.body;
import static dev.vial.lambda.Invocations.event;
import static dev.vial.lambda.Invocations.handler;
import static dev.vial.lambda.Invocations.invoke;
import static dev.vial.lambda.RestV1CodecTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlbCodecTest {

  @Test
  void decodesTheEncodedPathOncePerSegment() {
    JsonNode echo = body(invoke(handler(), event("alb-single.json")));

    assertThat(echo.get("rawPath").asText()).isEqualTo("/echo/caf%C3%A9/c++");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/café/c++");
  }

  @Test
  void decodesEncodedQueryValuesOnce_inSingleValueMode() {
    JsonNode query = body(invoke(handler(), event("alb-single.json"))).get("query");

    assertThat(query.get("q").get(0).asText()).isEqualTo("x+y z");
    assertThat(query.get("name").get(0).asText()).isEqualTo("café");
    assertThat(query.get("sp").get(0).asText()).isEqualTo("a b");
  }

  @Test
  void decodesEncodedQueryValuesOnce_inMultiValueMode() {
    JsonNode query = body(invoke(handler(), event("alb-multi.json"))).get("query");

    assertThat(query.get("tag")).extracting(JsonNode::asText).containsExactly("a", "b c");
    assertThat(query.get("q").get(0).asText()).isEqualTo("x+y");
  }

  @Test
  void readsMultiValueHeadersAndBase64Bodies() {
    JsonNode echo = body(invoke(handler(), event("alb-multi.json")));

    assertThat(echo.get("headers").get("x-dup")).extracting(JsonNode::asText).containsExactly("one", "two");
    assertThat(echo.get("body").asText()).isEqualTo("hello ALB");
  }

  @Test
  void takesTheClientAddressFromTheForwardedForEntryTheLoadBalancerAppended() {
    JsonNode echo = body(invoke(handler(), event("alb-single.json")));

    assertThat(echo.get("remoteAddress").asText()).isEqualTo("203.0.113.7");
  }

  @Test
  void ignoresForwardedForEntriesTheClientSentInEarlierMultiValueFields() {
    ObjectNode event = event("alb-multi.json");
    ((ObjectNode) event.get("multiValueHeaders")).putArray("x-forwarded-for").add("10.9.9.9").add("192.0.2.1, 203.0.113.9");

    JsonNode echo = body(invoke(handler(), event));

    assertThat(echo.get("remoteAddress").asText()).isEqualTo("203.0.113.9");
  }

  @Test
  void hasNoClientAddressWithoutForwardedForOrWithAnEmptyLastEntry() {
    assertThat(AlbCodec.peerAddress(List.of())).isNull();
    assertThat(AlbCodec.peerAddress(List.of("203.0.113.9, "))).isNull();
    assertThat(AlbCodec.peerAddress(List.of(" 203.0.113.9 "))).isEqualTo("203.0.113.9");
  }

  @Test
  void answersWithStatusDescriptionAndTheHeaderFieldTheRequestUsed() {
    JsonNode single = invoke(handler(), event("alb-single.json"));
    assertThat(fieldNames(single)).containsExactly("statusCode", "statusDescription", "headers", "body", "isBase64Encoded");
    assertThat(single.get("statusDescription").asText()).isEqualTo("200 OK");

    JsonNode multi = invoke(handler(), event("alb-multi.json"));
    assertThat(fieldNames(multi)).containsExactly("statusCode", "statusDescription", "multiValueHeaders", "body", "isBase64Encoded");
    assertThat(multi.get("multiValueHeaders").get("Content-Type").get(0).asText()).isEqualTo("application/json");
  }

  @Test
  void describesOtherStatusesWithTheirReasonPhrase() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "/nowhere");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("statusCode").asInt()).isEqualTo(404);
    assertThat(envelope.get("statusDescription").asText()).isEqualTo("404 Not Found");
  }

  @Test
  void sendsEachCookieAsItsOwnMultiValueSetCookie_inMultiValueMode() {
    ObjectNode event = event("alb-multi.json");
    event.put("httpMethod", "GET");
    event.put("path", "/cookies");
    ((ObjectNode) event.get("multiValueQueryStringParameters")).putArray("n").add("3");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("multiValueHeaders").get("Set-Cookie")).extracting(JsonNode::asText)
        .containsExactly("c0=v0; Path=/", "c1=v1; Path=/", "c2=v2; Path=/");
  }

  @Test
  void sendsEachCookieUnderAnotherCapitalisationOfSetCookie_inSingleValueMode() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "/cookies");
    ((ObjectNode) event.get("queryStringParameters")).put("n", "3");

    JsonNode headers = invoke(handler(), event).get("headers");

    List<String> cookieNames = new ArrayList<>();
    List<String> cookieValues = new ArrayList<>();
    headers.properties().forEach(field -> {
      if (field.getKey().equalsIgnoreCase("set-cookie")) {
        cookieNames.add(field.getKey());
        cookieValues.add(field.getValue().asText());
      }
    });
    assertThat(cookieNames).containsExactly("Set-Cookie", "set-Cookie", "SEt-Cookie");
    assertThat(cookieValues).containsExactly("c0=v0; Path=/", "c1=v1; Path=/", "c2=v2; Path=/");
  }

  @Test
  void hasFiveHundredTwelveDistinctSetCookieNamesAndDropsCookiesBeyondThem() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < AlbCodec.MAX_SINGLE_VALUE_COOKIES; i++) {
      String name = AlbCodec.setCookieName(i);
      assertThat(name.toLowerCase(Locale.ROOT)).isEqualTo("set-cookie");
      names.add(name);
    }
    assertThat(names).hasSize(512);

    CapturingLogger log = new CapturingLogger("test");
    LambdaHandler handler = new LambdaHandler(TestApp.create(), LambdaOptions.defaults(), new CapturingLogger("access"), log);
    ObjectNode event = event("alb-single.json");
    event.put("path", "/cookies");
    ((ObjectNode) event.get("queryStringParameters")).put("n", "514");

    JsonNode headers = invoke(handler, event).get("headers");

    List<String> cookieNames = new ArrayList<>();
    headers.fieldNames().forEachRemaining(name -> {
      if (name.equalsIgnoreCase("set-cookie")) {
        cookieNames.add(name);
      }
    });
    assertThat(cookieNames).hasSize(512);
    assertThat(log.lines).anySatisfy(line -> assertThat(line.message()).contains("dropped 2 more"));
  }

  @Test
  void joinsRepeatedHeadersWithCommas_inSingleValueMode() {
    ObjectNode event = event("alb-single.json");
    event.put("path", "/multi");

    JsonNode envelope = invoke(handler(), event);

    assertThat(envelope.get("headers").get("X-Multi").asText()).isEqualTo("a,b");
  }
}
