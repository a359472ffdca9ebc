package dev.vial.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

  enum Color { RED, @JsonProperty("dark-blue") DARK_BLUE }

  record Point(int x, @JsonProperty("y_value") long y, Optional<String> label, @JsonIgnore String secret) {}

  record Node(String name, List<Node> children) {}

  record Box<T>(T content, List<T> more) {}

  private final JsonSchemas schemas = new JsonSchemas();

  private String schema(java.lang.reflect.Type type) {
    return schemas.schemaFor(type).toString();
  }

  @Test
  void mapsScalars() {
    assertThat(schema(int.class)).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
    assertThat(schema(Integer.class)).isEqualTo("{\"type\":\"integer\",\"format\":\"int32\"}");
    assertThat(schema(long.class)).isEqualTo("{\"type\":\"integer\",\"format\":\"int64\"}");
    assertThat(schema(Double.class)).isEqualTo("{\"type\":\"number\",\"format\":\"double\"}");
    assertThat(schema(boolean.class)).isEqualTo("{\"type\":\"boolean\"}");
    assertThat(schema(String.class)).isEqualTo("{\"type\":\"string\"}");
    assertThat(schema(UUID.class)).isEqualTo("{\"type\":\"string\",\"format\":\"uuid\"}");
    assertThat(schema(Instant.class)).isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
    assertThat(schema(LocalDate.class)).isEqualTo("{\"type\":\"string\",\"format\":\"date\"}");
    assertThat(schema(byte[].class)).isEqualTo("{\"type\":\"string\",\"format\":\"byte\"}");
  }

  @Test
  void mapsEnumsToTheirJsonNames() {
    assertThat(schema(Color.class)).isEqualTo("{\"type\":\"string\",\"enum\":[\"RED\",\"dark-blue\"]}");
  }

  @Test
  void mapsCollectionsArraysMapsAndOptional() {
    assertThat(schema(new TypeReference<List<String>>() {}.getType()))
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(schema(new TypeReference<Set<Integer>>() {}.getType()))
        .isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"integer\",\"format\":\"int32\"},\"uniqueItems\":true}");
    assertThat(schema(String[].class)).isEqualTo("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(schema(new TypeReference<Map<String, Double>>() {}.getType()))
        .isEqualTo("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"number\",\"format\":\"double\"}}");
    assertThat(schema(new TypeReference<Optional<UUID>>() {}.getType()))
        .isEqualTo("{\"type\":\"string\",\"format\":\"uuid\"}");
    assertThat(schema(Map.class)).isEqualTo("{\"type\":\"object\"}");
    assertThat(schema(JsonNode.class)).isEqualTo("{}");
  }

  @Test
  void refersToRecordsInComponentsWithRequiredNonOptionalComponentsAndJacksonNames() {
    assertThat(schema(Point.class)).isEqualTo("{\"$ref\":\"#/components/schemas/Point\"}");
    assertThat(schemas.components().get("Point").toString()).isEqualTo("{\"type\":\"object\",\"properties\":{"
        + "\"x\":{\"type\":\"integer\",\"format\":\"int32\"},\"y_value\":{\"type\":\"integer\",\"format\":\"int64\"},"
        + "\"label\":{\"type\":\"string\"}},\"required\":[\"x\",\"y_value\"]}");
  }

  @Test
  void describesRecursiveRecordsOnce() {
    schema(Node.class);

    assertThat(schemas.components().get("Node").at("/properties/children/items/$ref").asText())
        .isEqualTo("#/components/schemas/Node");
  }

  @Test
  void namesGenericRecordsAfterTheirTypeArguments() {
    assertThat(schema(new TypeReference<Box<Point>>() {}.getType()))
        .isEqualTo("{\"$ref\":\"#/components/schemas/BoxOfPoint\"}");
    assertThat(schema(new TypeReference<Box<String>>() {}.getType()))
        .isEqualTo("{\"$ref\":\"#/components/schemas/BoxOfString\"}");
    assertThat(schemas.components().get("BoxOfPoint").at("/properties/more/items/$ref").asText())
        .isEqualTo("#/components/schemas/Point");
    assertThat(schemas.components().get("BoxOfString").at("/properties/content/type").asText()).isEqualTo("string");
  }

  @Test
  void refusesClassesItCannotDescribe() {
    assertThatThrownBy(() -> schema(Thread.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot describe");
  }
}
