package dev.vial.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Derives OpenAPI 3.0 schemas (a JSON Schema dialect) from Java types, by reflection, only while a
 * document is built. Records become {@code $ref}s into {@code components/schemas}, named after the
 * class ({@code User}; a generic record as {@code PageOfUser}); their non-{@code Optional} components
 * are {@code required}, and Jackson's {@code @JsonProperty} names and {@code @JsonIgnore} are honoured.
 * One instance per document: it collects the components the document needs.
 */
final class JsonSchemas {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Scalars by class: {@code {type, format}}. */
  private static final Map<Class<?>, String[]> SCALARS = scalars();

  private final Map<String, ObjectNode> components = new TreeMap<>();
  /** Record type (a Class, or a ParameterizedType of a generic record) → its component name. */
  private final Map<Type, String> names = new HashMap<>();

  /** The schema for {@code type}; records are added to {@link #components()} on the way. */
  ObjectNode schemaFor(Type type) {
    return schema(type, Map.of());
  }

  /** The record schemas met so far, by name. */
  ObjectNode components() {
    ObjectNode all = NODES.objectNode();
    components.forEach(all::set);
    return all;
  }

  /** Whether a value of {@code type} may be missing: {@code Optional} and its primitive cousins. */
  static boolean isOptional(Type type) {
    Class<?> raw = rawClass(type);
    return raw == Optional.class || raw == java.util.OptionalInt.class || raw == java.util.OptionalLong.class
        || raw == java.util.OptionalDouble.class;
  }

  private ObjectNode schema(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      Type bound = bindings.get(variable);
      return bound == null ? NODES.objectNode() : schema(bound, Map.of());
    }
    if (type instanceof WildcardType wildcard) {
      return schema(wildcard.getUpperBounds()[0], bindings);
    }
    if (type instanceof GenericArrayType array) {
      return arrayOf(schema(array.getGenericComponentType(), bindings), false);
    }
    if (type instanceof ParameterizedType parameterized) {
      return parameterized(parameterized, bindings);
    }
    if (type instanceof Class<?> c) {
      return plain(c);
    }
    throw new IllegalArgumentException("Cannot describe type " + type + " as a JSON Schema");
  }

  private ObjectNode parameterized(ParameterizedType type, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw = (Class<?>) type.getRawType();
    Type[] args = type.getActualTypeArguments();
    Type[] resolved = new Type[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = resolve(args[i], bindings);
    }
    if (raw == Optional.class) {
      return schema(resolved[0], Map.of());
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return arrayOf(schema(resolved[0], Map.of()), Set.class.isAssignableFrom(raw));
    }
    if (Map.class.isAssignableFrom(raw)) {
      ObjectNode map = typed("object", null);
      map.set("additionalProperties", schema(resolved[1], Map.of()));
      return map;
    }
    if (raw.isRecord()) {
      return recordRef(raw, new ParameterizedTypeKey(raw, List.of(resolved)), resolved);
    }
    return plain(raw);
  }

  private ObjectNode plain(Class<?> c) {
    String[] scalar = SCALARS.get(c);
    if (scalar != null) {
      return typed(scalar[0], scalar[1]);
    }
    if (c == byte[].class) {
      return typed("string", "byte");
    }
    if (c.isArray()) {
      return arrayOf(plain(c.getComponentType()), false);
    }
    if (c.isEnum()) {
      ObjectNode schema = typed("string", null);
      ArrayNode values = schema.putArray("enum");
      for (Object constant : c.getEnumConstants()) {
        values.add(enumName((Enum<?>) constant));
      }
      return schema;
    }
    if (c == Optional.class || c == Object.class || c == JsonNode.class) {
      return NODES.objectNode();
    }
    if (c == java.util.OptionalInt.class || c == java.util.OptionalLong.class) {
      return typed("integer", c == java.util.OptionalInt.class ? "int32" : "int64");
    }
    if (c == java.util.OptionalDouble.class) {
      return typed("number", "double");
    }
    if (ObjectNode.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return typed("object", null);
    }
    if (ArrayNode.class.isAssignableFrom(c) || Collection.class.isAssignableFrom(c)) {
      return arrayOf(NODES.objectNode(), Set.class.isAssignableFrom(c));
    }
    if (TextNode.class.isAssignableFrom(c) || CharSequence.class.isAssignableFrom(c)) {
      return typed("string", null);
    }
    if (c.isRecord()) {
      return recordRef(c, c, new Type[0]);
    }
    throw new IllegalArgumentException("Cannot describe " + c.getName() + " as a JSON Schema: document "
        + "records, enums, scalars, collections, maps or Optional (declare a record for this shape)");
  }

  private ObjectNode recordRef(Class<?> record, Type key, Type[] typeArguments) {
    String name = names.get(key);
    if (name == null) {
      name = uniqueName(record, typeArguments);
      names.put(key, name);
      components.put(name, NODES.objectNode());
      components.put(name, recordSchema(record, bindings(record, typeArguments)));
    }
    ObjectNode ref = NODES.objectNode();
    ref.put("$ref", "#/components/schemas/" + name);
    return ref;
  }

  private ObjectNode recordSchema(Class<?> record, Map<TypeVariable<?>, Type> bindings) {
    ObjectNode schema = typed("object", null);
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = NODES.arrayNode();
    for (RecordComponent component : record.getRecordComponents()) {
      if (annotation(record, component, JsonIgnore.class) != null) {
        continue;
      }
      JsonProperty renamed = annotation(record, component, JsonProperty.class);
      String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
      Type type = component.getGenericType();
      properties.set(name, schema(type, bindings));
      if (!isOptional(type)) {
        required.add(name);
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return schema;
  }

  /** Jackson reads a component's annotations from its accessor, its field or its constructor parameter. */
  private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> record, RecordComponent component,
      Class<A> type) {
    A found = component.getAccessor().getAnnotation(type);
    if (found == null) {
      found = annotationOn(field(record, component.getName()), type);
    }
    return found;
  }

  private static <A extends java.lang.annotation.Annotation> A annotationOn(AnnotatedElement element, Class<A> type) {
    return element == null ? null : element.getAnnotation(type);
  }

  private static Field field(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static String enumName(Enum<?> constant) {
    try {
      JsonProperty renamed = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
      return renamed != null && !renamed.value().isEmpty() ? renamed.value() : constant.name();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private String uniqueName(Class<?> record, Type[] typeArguments) {
    StringBuilder base = new StringBuilder(record.getSimpleName());
    for (int i = 0; i < typeArguments.length; i++) {
      base.append(i == 0 ? "Of" : "And").append(displayName(typeArguments[i]));
    }
    String name = base.toString();
    for (int n = 2; components.containsKey(name); n++) {
      name = base + "" + n;
    }
    return name;
  }

  private static String displayName(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      StringBuilder name = new StringBuilder(((Class<?>) parameterized.getRawType()).getSimpleName());
      for (Type arg : parameterized.getActualTypeArguments()) {
        name.append(displayName(arg));
      }
      return name.toString();
    }
    if (type instanceof Class<?> c) {
      return c.isArray() ? displayName(c.getComponentType()) + "Array" : c.getSimpleName();
    }
    return "Any";
  }

  private static Map<TypeVariable<?>, Type> bindings(Class<?> record, Type[] typeArguments) {
    TypeVariable<?>[] variables = record.getTypeParameters();
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    for (int i = 0; i < variables.length && i < typeArguments.length; i++) {
      bindings.put(variables[i], typeArguments[i]);
    }
    return bindings;
  }

  /** Replaces type variables inside {@code type} by their bindings, so the result stands on its own. */
  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings) {
    if (type instanceof TypeVariable<?> variable) {
      return bindings.getOrDefault(variable, Object.class);
    }
    if (type instanceof WildcardType wildcard) {
      return resolve(wildcard.getUpperBounds()[0], bindings);
    }
    if (type instanceof ParameterizedType parameterized && !bindings.isEmpty()) {
      Type[] args = parameterized.getActualTypeArguments();
      Type[] resolved = new Type[args.length];
      for (int i = 0; i < args.length; i++) {
        resolved[i] = resolve(args[i], bindings);
      }
      return new ParameterizedTypeKey((Class<?>) parameterized.getRawType(), List.of(resolved));
    }
    return type;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  private static ObjectNode arrayOf(ObjectNode items, boolean unique) {
    ObjectNode array = typed("array", null);
    array.set("items", items);
    if (unique) {
      array.put("uniqueItems", true);
    }
    return array;
  }

  private static ObjectNode typed(String type, String format) {
    ObjectNode schema = NODES.objectNode();
    schema.put("type", type);
    if (format != null) {
      schema.put("format", format);
    }
    return schema;
  }

  private static Map<Class<?>, String[]> scalars() {
    Map<Class<?>, String[]> scalars = new HashMap<>();
    for (Class<?> c : List.of(boolean.class, Boolean.class)) {
      scalars.put(c, new String[] {"boolean", null});
    }
    for (Class<?> c : List.of(int.class, Integer.class, short.class, Short.class, byte.class, Byte.class)) {
      scalars.put(c, new String[] {"integer", "int32"});
    }
    for (Class<?> c : List.of(long.class, Long.class)) {
      scalars.put(c, new String[] {"integer", "int64"});
    }
    scalars.put(float.class, new String[] {"number", "float"});
    scalars.put(Float.class, new String[] {"number", "float"});
    scalars.put(double.class, new String[] {"number", "double"});
    scalars.put(Double.class, new String[] {"number", "double"});
    scalars.put(BigDecimal.class, new String[] {"number", null});
    scalars.put(BigInteger.class, new String[] {"integer", null});
    scalars.put(char.class, new String[] {"string", null});
    scalars.put(Character.class, new String[] {"string", null});
    scalars.put(String.class, new String[] {"string", null});
    scalars.put(UUID.class, new String[] {"string", "uuid"});
    scalars.put(URI.class, new String[] {"string", "uri"});
    scalars.put(URL.class, new String[] {"string", "uri"});
    scalars.put(Instant.class, new String[] {"string", "date-time"});
    scalars.put(OffsetDateTime.class, new String[] {"string", "date-time"});
    scalars.put(ZonedDateTime.class, new String[] {"string", "date-time"});
    scalars.put(LocalDate.class, new String[] {"string", "date"});
    return Map.copyOf(scalars);
  }

  /** A resolved {@code Raw<Args>}: the key of a generic record's component, equal by value. */
  private record ParameterizedTypeKey(Class<?> raw, List<Type> args) implements ParameterizedType {
    @Override
    public Type[] getActualTypeArguments() {
      return args.toArray(new Type[0]);
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }
  }
}
