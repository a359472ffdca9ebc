package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vial.App;
import dev.vial.lambda.LambdaHandler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LambdaRuntimeCommandTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;
  private final AppSource source = new AppSource(App::new, () -> new LambdaHandler(new App()));

  @BeforeEach
  void captureStandardError() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStandardError() {
    System.setErr(originalErr);
  }

  @Test
  void isRegisteredAsLambdaRuntime() {
    assertThat(Launcher.commands()).containsKey("lambda-runtime");
    assertThat(Launcher.commands().get("lambda-runtime")).isInstanceOf(LambdaRuntimeCommand.class);
  }

  @Test
  void takesNoArguments() throws Exception {
    assertThat(new LambdaRuntimeCommand().run(new String[] {"--port", "1"}, source)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("takes no arguments", "VIAL_LAMBDA_RESPONSE_MODE");
  }

  @Test
  void explainsThatItRunsInsideLambda() throws Exception {
    assumeTrue(System.getenv("AWS_LAMBDA_RUNTIME_API") == null, "this JVM runs inside a Lambda environment");

    assertThat(new LambdaRuntimeCommand().run(new String[0], source)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("AWS_LAMBDA_RUNTIME_API is not set");
  }
}
