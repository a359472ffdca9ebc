package dev.vial.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Vial on the module path: a named module that requires {@code dev.vial.core} and {@code dev.vial.server}
 * (the published jars, by their Automatic-Module-Name) compiles and serves a request. Automatic modules
 * declare no requirements, so the app's module-info names the ones Vial needs (slf4j, Jackson, the JDK's
 * HTTP server), as the README says.
 */
class ModulePathIT {

  private static final String MODULE_INFO = """
      module demo {
        requires dev.vial.core;
        requires dev.vial.server;
        requires org.slf4j;
        requires com.fasterxml.jackson.databind;
        requires jdk.httpserver;
        requires java.net.http;
      }
      """;

  private static final String MAIN = """
      package demo;

      import dev.vial.App;
      import dev.vial.Responses;
      import dev.vial.server.LocalServer;
      import dev.vial.server.RunningServer;
      import dev.vial.server.ServerOptions;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public final class Main {
        public static void main(String[] args) throws Exception {
          App app = new App().get("/", req -> Responses.ok("hello from " + App.class.getModule().getName()));
          try (RunningServer server = LocalServer.start(app, ServerOptions.defaults().withPort(0))) {
            HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(res.statusCode() + " " + res.body());
          }
        }
      }
      """;

  @Test
  void aNamedModuleRequiresVialByItsModuleNamesAndServes() throws Exception {
    Path work = Path.of(ItProperties.require("it.directory")).resolveSibling("module-path-it");
    Path sources = work.resolve("src/demo");
    Files.createDirectories(sources.resolve("demo"));
    Files.writeString(sources.resolve("module-info.java"), MODULE_INFO, StandardCharsets.UTF_8);
    Files.writeString(sources.resolve("demo/Main.java"), MAIN, StandardCharsets.UTF_8);
    String modulePath = modulePath();

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-d", work.resolve("classes").toString(),
        "--module-path", modulePath, "--module-source-path", work.resolve("src").toString(), "-m", "demo");
    assertThat(compiled).as("javac's exit status").isZero();

    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", work.resolve("classes") + File.pathSeparator + modulePath, "-m", "demo/demo.Main")
        .redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(output).contains("200 hello from dev.vial.core");
    assertThat(java.exitValue()).as(output).isZero();
  }

  /** Vial's published jars, and Jackson's and slf4j's from this test's own class path. */
  private static String modulePath() throws IOException {
    String version = ItProperties.require("vial.version");
    Path repository = Path.of(ItProperties.require("it.repository")).resolve("dev/vial");
    List<String> jars = new ArrayList<>();
    for (String library : List.of("vial-core", "vial-server")) {
      jars.add(repository.resolve(library).resolve(version).resolve(library + "-" + version + ".jar").toString());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("jackson-") || name.startsWith("slf4j-api-")) {
        jars.add(entry);
      }
    }
    assertThat(jars).hasSizeGreaterThanOrEqualTo(6);
    return jars.stream().collect(Collectors.joining(File.pathSeparator));
  }
}
