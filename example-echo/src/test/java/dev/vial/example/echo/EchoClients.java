package dev.vial.example.echo;

import dev.vial.testkit.TestClient;
import dev.vial.testkit.Transport;

/** Opens a {@link TestClient} to the echo app through one front door. */
final class EchoClients {

  private EchoClients() {}

  static TestClient open(Transport transport) {
    return switch (transport) {
      case IN_MEMORY -> TestClient.inMemory(EchoApp.create());
      case HTTP -> TestClient.inMemory(EchoApp.create());
      default -> TestClient.lambda(new EchoLambda(), transport);
    };
  }
}
