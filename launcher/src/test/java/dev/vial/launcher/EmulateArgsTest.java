package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.lambda.gateway.EmulationOptions;
import dev.vial.lambda.gateway.GatewayKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulateArgsTest {

  @Test
  void withoutEmulateTheAppIsServedAsItIs() {
    assertThat(EmulateArgs.parse(new String[] {"--port", "0"})).isNull();
  }

  @Test
  void readsTheKindStageAndBasePathBesideTheServerOptions() {
    EmulationOptions options = EmulateArgs.parse(new String[] {"--port", "0", "--emulate", "http-api", "--stage=dev"});
    EmulationOptions mapped = EmulateArgs.parse(new String[] {"--emulate=rest", "--base-path", "/v1",
        "--binary-media-types", "image/png, application/pdf"});

    assertThat(options.kind()).isEqualTo(GatewayKind.HTTP_API);
    assertThat(options.stage()).isEqualTo("dev");
    assertThat(mapped.kind()).isEqualTo(GatewayKind.REST);
    assertThat(mapped.basePath()).isEqualTo("/v1");
    assertThat(mapped.binaryMediaTypes()).isEqualTo(List.of("image/png", "application/pdf"));
  }

  @Test
  void everyKindHasItsCommandLineName() {
    for (String name : List.of("rest", "http-api", "http-api-v1", "alb", "alb-multi", "function-url")) {
      assertThat(EmulateArgs.parse(new String[] {"--emulate", name}).kind().cliName()).isEqualTo(name);
    }
  }

  @Test
  void badArgumentsAreExplained() {
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--emulate", "apigw"}))
        .hasMessageContaining("use one of rest, http-api");
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--emulate"}))
        .hasMessageContaining("--emulate needs a value");
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--stage", "dev"}))
        .hasMessageContaining("need --emulate KIND");
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--emulate", "alb", "--stage", "dev"}))
        .hasMessageContaining("no stages");
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--emulate", "http-api", "--binary-media-types", "a/b"}))
        .hasMessageContaining("rest only");
    assertThatThrownBy(() -> EmulateArgs.parse(new String[] {"--emulate", "http-api", "--base-path", "v1"}))
        .hasMessageContaining("must start with '/'");
  }

  @Test
  void theBannerSaysWhatIsEmulatedAndWhereTheApiStarts() {
    String banner = Emulation.banner("http://127.0.0.1:8080",
        EmulationOptions.of(GatewayKind.HTTP_API).withStage("dev"));

    assertThat(banner).isEqualTo("Emulating API Gateway HTTP API (payload 2.0), stage dev: "
        + "http://127.0.0.1:8080/dev/ (through the app's Lambda handler, in this JVM)");
  }
}
