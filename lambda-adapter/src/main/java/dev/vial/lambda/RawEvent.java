package dev.vial.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The invocation payload as it arrived, parsed into a Jackson tree only when an app asks for it.
 * The mapper lives in a lazily initialised holder class, so a function that never asks never pays
 * the few hundred milliseconds databind costs to start.
 */
final class RawEvent {

  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }

  private final byte[] bytes;
  private volatile JsonNode tree;

  RawEvent(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The payload bytes, copied. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The payload as a tree; parsed on first call (a race parses twice to equal trees). */
  JsonNode tree() {
    JsonNode parsed = tree;
    if (parsed == null) {
      try {
        parsed = Mapper.INSTANCE.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException("The raw event is not valid JSON", e);
      }
      tree = parsed;
    }
    return parsed;
  }
}
