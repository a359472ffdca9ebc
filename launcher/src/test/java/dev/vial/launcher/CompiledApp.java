package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A tiny app compiled at test time into its own classes directory, as an IDE or {@code mvn compile}
 * would leave it: {@code demo.Main} calls {@link Launcher#run} with a factory answering {@code GET /}.
 */
final class CompiledApp {

  static final String MAIN = "demo.Main";

  private final Path sources;
  private final Path classes;

  CompiledApp(Path root) throws IOException {
    this.sources = Files.createDirectories(root.resolve("src/demo"));
    this.classes = Files.createDirectories(root.resolve("classes"));
  }

  Path classes() {
    return classes;
  }

  /** Compiles a {@code demo.Main} whose app answers {@code GET /} with {@code factoryBody}'s app. */
  CompiledApp compile(String factoryBody) throws IOException {
    Path main = sources.resolve("Main.java");
    Files.writeString(main, """
        package demo;

        import dev.vial.App;
        import dev.vial.Responses;
        import dev.vial.launcher.Launcher;

        public final class Main {
          public static void main(String[] args) {
            Launcher.run(args, Main::app, () -> null);
          }

          static App app() {
            %s
          }
        }
        """.formatted(factoryBody));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", main.toString());
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    return this;
  }

  /** Compiles an app whose {@code GET /} answers {@code text}. */
  CompiledApp answering(String text) throws IOException {
    return compile("return new App().get(\"/\", req -> Responses.ok(\"" + text + "\"));");
  }

  static List<Path> dirs(CompiledApp app) {
    return List.of(app.classes);
  }

}
