package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.launcher.SamTemplate;
import dev.vial.launcher.TemplateOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code example-echo/template.yaml} is the generator's output for the echo app, never edited by hand. */
class TemplateTest {

  /** What {@code java -jar target/example-echo.jar template --streaming-url dev.vial.example.echo.Main > template.yaml} writes. */
  static String generated() {
    return SamTemplate.render(EchoApp.create(), new EchoLambda(),
        TemplateOptions.defaults("target/example-echo.jar").withStreamingUrl(Main.class.getName()));
  }

  @Test
  void checkedInTemplateIsTheGeneratorsOutput() throws Exception {
    String checkedIn = Files.readString(Path.of("template.yaml"), StandardCharsets.UTF_8);

    assertThat(checkedIn)
        .as("example-echo/template.yaml is stale: regenerate it with "
            + "`java -jar example-echo/target/example-echo.jar template --streaming-url dev.vial.example.echo.Main > example-echo/template.yaml`")
        .isEqualTo(generated());
  }
}
