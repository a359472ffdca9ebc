package dev.vial;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlainJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  record Point(int x, int y) {}

  static Stream<Object> plainValues() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("id", 42);
    nested.put("name", "héllo \"wörld\" ✓ 你好\n\u0001");
    nested.put("nothing", null);
    nested.put("list", Arrays.asList(1L, -2.5d, 3.25f, (short) 4, (byte) 5, true, null));
    nested.put("big", List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"),
        new BigDecimal("1E+3")));
    nested.put("special", List.of(Double.NaN, Double.POSITIVE_INFINITY, 1e300, 0.1, -0.0));
    nested.put("set", new LinkedHashSet<>(List.of("b", "a")));
    nested.put("deep", Map.of("a", Map.of("b", List.of(List.of()))));
    return Stream.of(nested, Map.of(), List.of(), "text", 7, Long.MIN_VALUE, true, new ArrayList<>(List.of("x")));
  }

  @ParameterizedTest
  @MethodSource("plainValues")
  void writesPlainValuesExactlyAsTheDefaultObjectMapperDoes(Object value) throws Exception {
    byte[] plain = new PlainJson().write(value);

    assertThat(plain).isNotNull();
    assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo(MAPPER.writeValueAsString(value));
  }

  static Stream<Object> otherValues() {
    Map<Object, Object> integerKeys = new LinkedHashMap<>();
    integerKeys.put(1, "one");
    return Stream.of(new Point(1, 2), List.of(new Point(1, 2)), Map.of("p", new Point(1, 2)), integerKeys,
        new int[] {1, 2}, 'c', new Object(), java.util.Optional.of("x"));
  }

  @ParameterizedTest
  @MethodSource("otherValues")
  void leavesEverythingElseToTheMapper(Object value) {
    assertThat(new PlainJson().write(value)).isNull();
  }

  @ParameterizedTest
  @MethodSource("plainValues")
  void appRendersPlainValuesTheSameWithAndWithoutTheFastPath(Object value) {
    App fast = new App().get("/", req -> Responses.json(value));
    App mapped = new App().jsonMapper(ObjectMapper::new).get("/", req -> Responses.json(value));

    Response fastResponse = fast.handle(Request.builder("GET", "/").build());
    Response mappedResponse = mapped.handle(Request.builder("GET", "/").build());

    assertThat(fastResponse.bodyText()).isEqualTo(mappedResponse.bodyText());
    assertThat(fastResponse.headers()).isEqualTo(mappedResponse.headers());
  }
}
