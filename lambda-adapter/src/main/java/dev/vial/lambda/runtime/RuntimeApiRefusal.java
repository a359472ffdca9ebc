package dev.vial.lambda.runtime;

import java.io.IOException;

/** The Runtime API answered, but refused what the runtime posted (a 4xx or 5xx): the connection itself is fine. */
final class RuntimeApiRefusal extends IOException {

  private static final long serialVersionUID = 1L;

  RuntimeApiRefusal(String message) {
    super(message);
  }
}
