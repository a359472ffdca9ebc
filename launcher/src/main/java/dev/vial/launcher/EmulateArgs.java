package dev.vial.launcher;

import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.lambda.gateway.GatewayKind;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the gateway emulation options of the default serve path: {@code --emulate KIND}, {@code --stage
 * NAME}, {@code --base-path /v1} and {@code --binary-media-types a/b,c/*} (also as {@code --name=value}).
 * Other arguments are left to the local server.
 */
final class EmulateArgs {

  private static final List<String> NAMES = List.of("--emulate", "--stage", "--base-path", "--binary-media-types");

  private EmulateArgs() {}

  /**
   * The emulation {@code args} ask for, or {@code null} when they have no {@code --emulate}.
   *
   * @throws IllegalArgumentException with a message fit for the console
   */
  static EmulationOptions parse(String[] args) {
    String kind = null;
    String stage = null;
    String basePath = null;
    String binaryMediaTypes = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (!NAMES.contains(name)) {
        continue;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Option " + name + " needs a value, e.g. " + example(name));
      }
      switch (name) {
        case "--emulate" -> kind = value;
        case "--stage" -> stage = value;
        case "--base-path" -> basePath = value;
        default -> binaryMediaTypes = value;
      }
    }
    if (kind == null) {
      if (stage != null || basePath != null || binaryMediaTypes != null) {
        throw new IllegalArgumentException("--stage, --base-path and --binary-media-types need --emulate KIND, "
            + "e.g. --emulate http-api --stage dev");
      }
      return null;
    }
    EmulationOptions options = EmulationOptions.of(GatewayKind.named(kind));
    if (stage != null) {
      options = options.withStage(stage);
    }
    if (basePath != null) {
      options = options.withBasePath(basePath);
    }
    if (binaryMediaTypes != null) {
      if (options.kind() != GatewayKind.REST) {
        throw new IllegalArgumentException("--binary-media-types applies to --emulate rest only; "
            + options.kind().description() + " decides by content type");
      }
      options = options.withBinaryMediaTypes(Arrays.stream(binaryMediaTypes.split(","))
          .map(String::trim).filter(type -> !type.isEmpty()).toList());
    }
    return options;
  }

  private static String example(String name) {
    return switch (name) {
      case "--emulate" -> "--emulate http-api";
      case "--stage" -> "--stage dev";
      case "--base-path" -> "--base-path /v1";
      default -> "--binary-media-types image/png,application/octet-stream";
    };
  }
}
