package dev.vial.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven in a child process the way a user would, but offline and against a repository of the
 * integration test's own: this build's artifacts (installed into {@code target/it-repo} by the invoker
 * plugin) plus, read-only through a {@code file:} repository, whatever this build already downloaded
 * into its own local repository (plugins, Jackson, JUnit, ...). Nothing is installed into {@code ~/.m2}.
 */
final class NestedMaven {

  private static final long TIMEOUT_MINUTES = 10;

  private final Path executable;
  private final Path settings;
  private final Path globalSettings;
  private final Path repository;
  private final Path logs;

  private NestedMaven(Path executable, Path settings, Path globalSettings, Path repository, Path logs) {
    this.executable = executable;
    this.settings = settings;
    this.globalSettings = globalSettings;
    this.repository = repository;
    this.logs = logs;
  }

  /** Writes the settings file into {@code workDirectory} and uses the Maven that runs this build. */
  static NestedMaven create(Path workDirectory) throws IOException {
    Path mavenHome = Path.of(ItProperties.require("maven.home"));
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    Path executable = mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    assertThat(executable).as("the Maven that runs this build").isExecutable();
    // Maven looks for a .mvn folder (maven.config, jvm.config, extensions) from the project up: an empty one
    // here keeps the nested builds from picking up whatever the Vial repository around them may hold
    Files.createDirectories(workDirectory.resolve(".mvn"));
    Path repository = Path.of(ItProperties.require("it.repository"));
    Path settings = workDirectory.resolve("settings.xml");
    Files.writeString(settings, settingsXml(repository, Path.of(ItProperties.require("build.repository"))),
        StandardCharsets.UTF_8);
    // empty global settings: a mirror in the installation's conf/settings.xml would redirect the file repository
    Path globalSettings = workDirectory.resolve("global-settings.xml");
    Files.writeString(globalSettings, "<settings/>\n", StandardCharsets.UTF_8);
    return new NestedMaven(executable, settings, globalSettings, repository, workDirectory);
  }

  /**
   * The nested build's local repository is this build's it-repo; its only remote repository (replacing
   * Maven Central, for dependencies and plugins) is this build's own local repository, read as files, with
   * snapshots off, so a Vial snapshot can only come from it-repo. Files in a local repository have no
   * checksum files of their own, hence no checksum check.
   */
  private static String settingsXml(Path itRepository, Path buildRepository) {
    String repository = """
              <id>central</id>
              <url>%s</url>
              <releases><checksumPolicy>ignore</checksumPolicy></releases>
              <snapshots><enabled>false</enabled></snapshots>
        """.formatted(buildRepository.toUri());
    return """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>this-build</id>
              <repositories>
                <repository>
        %s        </repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository>
        %s        </pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles>
            <activeProfile>this-build</activeProfile>
          </activeProfiles>
        </settings>
        """.formatted(itRepository, repository, repository);
  }

  /**
   * Runs {@code mvn args} in {@code directory}, offline (file repositories stay readable), in batch mode,
   * with only this test's settings and repository, and with the JDK that runs this test; the output goes to {@code <name>.log}. Fails the test, quoting the end
   * of the log, unless Maven exits with 0.
   */
  void run(String name, Path directory, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of("-B", "-o", "-Daether.offline.protocols=file", "-s", settings.toString(),
        "-gs", globalSettings.toString(), "-Dmaven.repo.local=" + repository));   // even if MAVEN_OPTS names another
    command.addAll(args);
    Path log = logs.resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process maven = builder.start();
    if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      fail("%s did not finish within %d minutes: %s%n%s", command, TIMEOUT_MINUTES, log, tail(log));
    }
    if (maven.exitValue() != 0) {
      fail("%s exited with %d in %s (log: %s):%n%s", command, maven.exitValue(), directory, log, tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
