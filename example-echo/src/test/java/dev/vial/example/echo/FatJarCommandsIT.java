package dev.vial.example.echo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vial.openapi.OpenApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The deployment commands as a user runs them, from the built jar: {@code template} prints exactly the
 * checked-in {@code template.yaml}, {@code openapi} the document the app serves.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FatJarCommandsIT {

  private static String run(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("echo.jar", "target/example-echo.jar"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out;
  }

  @Test
  void templatePrintsTheCheckedInTemplate() throws Exception {
    assertThat(run("template", "--streaming-url", Main.class.getName())).isEqualTo(Files.readString(Path.of("template.yaml"), StandardCharsets.UTF_8));
  }

  @Test
  void openapiPrintsTheServedDocument() throws Exception {
    assertThat(new ObjectMapper().readTree(run("openapi")))
        .isEqualTo(new ObjectMapper().readTree(OpenApi.toJson(OpenApi.document(EchoApp.create()))));
  }
}
