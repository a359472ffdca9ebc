package dev.vial.archetype;

/** The paths and versions the archetype's pom hands to its integration tests as system properties. */
final class ItProperties {

  private ItProperties() {}

  /** The property {@code name}; a missing one means the test runs outside Maven's integration-test phase. */
  static String require(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property " + name + " is not set: run the integration tests "
          + "through Maven (mvn verify), whose archetype/pom.xml sets it");
    }
    return value;
  }
}
