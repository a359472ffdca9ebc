package dev.vial.example.echo.ric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The template's streaming function is configured the way the runtime loop and its wrapper expect. */
class TemplateTest {

  @Test
  void theStreamingFunctionRunsVialsLoopInStreamingModeBehindAResponseStreamUrl() throws Exception {
    assertThat(VialRuntimeFatJarIT.templateVariables())
        .containsEntry("AWS_LAMBDA_EXEC_WRAPPER", "/opt/vial-wrapper")
        .containsEntry("VIAL_MAIN_CLASS", "dev.vial.example.echo.Main")
        .containsEntry("VIAL_LAMBDA_RESPONSE_MODE", "streaming");
    String template = Files.readString(Path.of("template.yaml"));
    assertThat(template).contains("InvokeMode: RESPONSE_STREAM").contains("ContentUri: lambda-runtime/");
    assertThat(Files.isExecutable(Path.of("lambda-runtime/vial-wrapper"))).isTrue();
    assertThat(Files.isExecutable(Path.of("lambda-runtime/bootstrap"))).isTrue();
  }
}
