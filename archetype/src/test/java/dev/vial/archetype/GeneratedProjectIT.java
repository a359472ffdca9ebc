package dev.vial.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "Start your own app" section, done as a new user does it, offline against this build's
 * artifacts: its archetype command generates a project into {@code target/it}; the generated pom holds the
 * section's pom excerpts and the project the files of its layout; the section's next command builds and
 * starts the jar, which answers {@code GET /}; the project's own README commands build it and pass its tests.
 */
class GeneratedProjectIT {

  private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

  private static Readme section;
  private static NestedMaven maven;
  private static Path workDirectory;
  private static Path project;

  @BeforeAll
  static void generateAProjectWithTheReadmesArchetypeCommand() throws Exception {
    section = Readme.read(Path.of(ItProperties.require("vial.readme"))).section("Start your own app");
    List<String> command = words(section.shellCommands().get(0));
    String version = ItProperties.require("vial.version");
    assertThat(command).as("the README's archetype command")
        .startsWith("mvn", "archetype:generate")
        .contains("-DarchetypeGroupId=dev.vial", "-DarchetypeArtifactId=vial-archetype")
        .as("the README's archetype command names this build's version")
        .contains("-DarchetypeVersion=" + version);

    workDirectory = Path.of(ItProperties.require("it.directory"));
    deleteRecursively(workDirectory);
    maven = NestedMaven.create(workDirectory);
    List<String> args = new ArrayList<>(command.subList(1, command.size()));
    // "archetype:" is a plugin prefix, which Maven resolves through metadata that only a real remote
    // repository has (this build's local repository keeps it under another name): name the plugin in full.
    args.set(0, "org.apache.maven.plugins:maven-archetype-plugin:"
        + ItProperties.require("archetype.plugin.version") + ":generate");
    maven.run("generate", workDirectory, args);
    project = workDirectory.resolve(property(command, "artifactId"));
    assertThat(project.resolve("pom.xml")).isRegularFile();
  }

  @Test
  void theGeneratedPomHoldsEveryExcerptOfTheReadme() throws IOException {
    String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
    List<String> excerpts = section.codeBlocks("xml");

    assertThat(excerpts).isNotEmpty();
    for (String excerpt : excerpts) {
      assertThat(PomExcerpt.firstMissingPart(excerpt, pom))
          .as("a part of the README's pom excerpt that the generated pom.xml lacks:%n%s", excerpt)
          .isNull();
    }
  }

  @Test
  void theProjectHasEveryFileOfTheReadmesLayout() {
    List<String> paths = LayoutTree.paths(section.codeBlocks("text").get(0));

    assertThat(paths).contains("hello/pom.xml", "hello/src/main/java/com/example/hello/Main.java");
    for (String path : paths) {
      assertThat(workDirectory.resolve(path)).as("the README's layout names %s", path).exists();
    }
  }

  @Test
  void theReadmesSecondCommandBuildsTheJarThatAnswersGetRoot() throws Exception {
    String command = section.shellCommands().get(1);
    List<String> projectCommands = Readme.read(project.resolve("README.md")).shellCommands();
    assertThat(command).as("the README's second command is the generated README's first, from its folder")
        .isEqualTo("cd " + project.getFileName() + " && " + projectCommands.get(0));

    Process server = runUntilTheServerStarts(command, workDirectory);
    try {
      String url = urlPrintedBy(server);
      HttpResponse<String> home = get(url + "/");
      HttpResponse<String> todos = get(url + "/todos");

      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).isEqualTo("Hello from Vial!");
      assertThat(todos.body()).isEqualTo("[]");
    } finally {
      stop(server);
    }
  }

  @Test
  void theProjectPassesItsOwnTestsWithItsReadmesTestCommand() throws Exception {
    String command = Readme.read(project.resolve("README.md")).shellCommands().get(1);
    assertThat(command).isEqualTo("mvn verify");

    maven.run("verify", project, words(command).subList(1, 2));

    try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
      assertThat(reports.map(report -> report.getFileName().toString()))
          .contains("TEST-com.example.hello.AppTest.xml", "TEST-com.example.hello.LambdaTest.xml");
    }
  }

  /** Runs {@code cd}, {@code mvn} and a final {@code java -jar} step joined by {@code &&}; returns the server. */
  private static Process runUntilTheServerStarts(String command, Path directory) throws Exception {
    Path current = directory;
    for (String step : command.split(" && ")) {
      List<String> words = words(step);
      switch (words.get(0)) {
        case "cd" -> current = current.resolve(words.get(1));
        case "mvn" -> maven.run("package", current, words.subList(1, words.size()));
        case "java" -> {
          List<String> java = new ArrayList<>(words);
          java.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
          java.addAll(List.of("--port", "0"));   // a free port instead of 8080
          return new ProcessBuilder(java).directory(current.toFile()).redirectErrorStream(true).start();
        }
        default -> fail("Unexpected step in the README's command: " + step);
      }
    }
    throw new AssertionError("The README's command starts no java -jar: " + command);
  }

  private static String urlPrintedBy(Process server) throws Exception {
    CompletableFuture<String> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          System.out.println("[generated jar] " + line);
          Matcher matcher = URL.matcher(line);
          if (matcher.find()) {
            url.complete(matcher.group(1));
          }
        }
        url.completeExceptionally(new AssertionError("The generated jar exited without printing its URL"));
      } catch (IOException e) {
        url.completeExceptionally(e);
      }
    }, "generated-jar-output");
    reader.setDaemon(true);
    reader.start();
    return url.get(60, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(20, TimeUnit.SECONDS)) {
      server.destroyForcibly();
    }
  }

  private static List<String> words(String command) {
    assertThat(command).as("a command without quotes (read as plain words)").doesNotContain("\"", "'");
    return List.of(command.strip().split("\\s+"));
  }

  private static String property(List<String> command, String name) {
    String prefix = "-D" + name + "=";
    return command.stream().filter(word -> word.startsWith(prefix)).findFirst()
        .map(word -> word.substring(prefix.length()))
        .orElseThrow(() -> new AssertionError("The README's archetype command sets no " + name));
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
