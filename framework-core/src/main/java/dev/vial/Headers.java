package dev.vial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered, case-insensitive multi-map of HTTP header fields.
 *
 * <p>Lookups ignore case ({@code Content-Type} and {@code content-type} are the same field); names keep
 * the case they were added with. Header lists are short, so fields live in two parallel arrays and a
 * lookup is a linear scan: cheaper than hashing for the handful of headers a request carries.
 */
public final class Headers {

  private static final String[] NONE = new String[0];
  private static final Headers EMPTY = new Headers(NONE, NONE, 0);

  private final String[] names;
  private final String[] values;
  private final int size;

  private Headers(String[] names, String[] values, int size) {
    this.names = names;
    this.values = values;
    this.size = size;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Headers from alternating names and values: {@code Headers.of("Accept", "text/plain", "X-A", "1")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Headers.of needs name/value pairs, got an odd number of arguments");
    }
    Builder builder = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  /** A builder for front doors that add fields one at a time. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name}, or {@code null} when the field is absent. */
  public String first(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Every value of {@code name} in order; empty when absent. */
  public List<String> all(String name) {
    List<String> found = null;
    for (int i = 0; i < size; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(values[i]);
      }
    }
    return found == null ? List.of() : Collections.unmodifiableList(found);
  }

  /** Whether {@code name} is present. */
  public boolean contains(String name) {
    return first(name) != null;
  }

  /** Distinct field names in first-seen order, with the case of their first occurrence. */
  public Set<String> names() {
    Set<String> lowerSeen = new LinkedHashSet<>();
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < size; i++) {
      if (lowerSeen.add(names[i].toLowerCase(Locale.ROOT))) {
        result.add(names[i]);
      }
    }
    return Collections.unmodifiableSet(result);
  }

  /** The number of fields (a name with two values counts twice). */
  public int size() {
    return size;
  }

  /**
   * The name of field {@code index} ({@code 0 <= index < size()}), in the order fields were added. With
   * {@link #value(int)} and {@link #repeatsEarlierName(int)}, front doors copy headers without building maps.
   */
  public String name(int index) {
    checkIndex(index);
    return names[index];
  }

  /** The value of field {@code index}. */
  public String value(int index) {
    checkIndex(index);
    return values[index];
  }

  /** Whether a field before {@code index} has the same name (ignoring case): the second and later values of a name. */
  public boolean repeatsEarlierName(int index) {
    checkIndex(index);
    for (int j = 0; j < index; j++) {
      if (names[j].equalsIgnoreCase(names[index])) {
        return true;
      }
    }
    return false;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Header index " + index + " out of range for " + size + " fields");
    }
  }

  /** Whether there are no fields. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Calls {@code action} with each name and value, in order. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < size; i++) {
      action.accept(names[i], values[i]);
    }
  }

  /** A case-insensitive, sorted map of name → values (names as first seen). */
  public Map<String, List<String>> toMap() {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < size; i++) {
      List<String> list = map.get(names[i]);
      if (list == null) {
        list = new ArrayList<>(1);
        map.put(names[i], list);
      }
      list.add(values[i]);
    }
    for (Map.Entry<String, List<String>> entry : map.entrySet()) {
      entry.setValue(List.copyOf(entry.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  /** A copy with one more field (existing values of the same name are kept). */
  public Headers plus(String name, String value) {
    String[] newNames = Arrays.copyOf(names, size + 1);
    String[] newValues = Arrays.copyOf(values, size + 1);
    newNames[size] = name;
    newValues[size] = value;
    return new Headers(newNames, newValues, size + 1);
  }

  /** A copy where {@code name} has exactly the one value given. */
  public Headers with(String name, String value) {
    return without(name).plus(name, value);
  }

  /** A copy without any field called {@code name}. */
  public Headers without(String name) {
    if (!contains(name)) {
      return this;
    }
    Builder builder = builder();
    for (int i = 0; i < size; i++) {
      if (!names[i].equalsIgnoreCase(name)) {
        builder.add(names[i], values[i]);
      }
    }
    return builder.build();
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Headers that) || that.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!names[i].equalsIgnoreCase(that.names[i]) || !values[i].equals(that.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (int i = 0; i < size; i++) {
      hash = 31 * hash + names[i].toLowerCase(Locale.ROOT).hashCode();
      hash = 31 * hash + values[i].hashCode();
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < size; i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(names[i]).append(": ").append(values[i]);
    }
    return text.append('}').toString();
  }

  /** Collects fields in order; {@link #build()} may be called once. */
  public static final class Builder {
    private String[] names = new String[16];
    private String[] values = new String[16];
    private int size;

    private Builder() {}

    /** Adds one field; {@code null} names or values are rejected. */
    public Builder add(String name, String value) {
      if (name == null || value == null) {
        throw new IllegalArgumentException("Header name and value must not be null (name: " + name + ")");
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
      return this;
    }

    /** Adds every value of {@code name}. */
    public Builder addAll(String name, List<String> values) {
      for (String value : values) {
        add(name, value);
      }
      return this;
    }

    /** The immutable headers collected so far. */
    public Headers build() {
      return size == 0 ? EMPTY : new Headers(names, values, size);
    }
  }
}
