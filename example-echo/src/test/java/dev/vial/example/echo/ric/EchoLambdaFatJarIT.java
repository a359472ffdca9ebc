package dev.vial.example.echo.ric;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code EchoLambda} from the fat jar, deployed as Lambda deploys a jar: unzipped into the task root, which
 * is the RIC's working directory, with nothing but the RIC and its own dependencies on the JVM's class
 * path. The handler can only come from the task root, so this checks the jar's contents as well as the code.
 * Runs in Maven's {@code integration-test} phase, after {@code package} built the jar; the build passes
 * its path and the RIC's class path as system properties.
 */
class EchoLambdaFatJarIT extends EchoLambdaUnderRicContract {

  @Override
  RicProcess startRuntime(Path scratch, String runtimeApi) throws IOException {
    Path jar = Path.of(requiredProperty("echo.jar"));
    Path taskRoot = unzip(jar, Files.createDirectory(scratch.resolve("task")));
    return RicProcess.start(requiredProperty("ric.classpath"), taskRoot, scratch, HANDLER, runtimeApi);
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("System property '" + name + "' is not set: run this test with "
          + "'mvn verify', whose failsafe configuration in example-echo/pom.xml sets it");
    }
    return value;
  }

  /** Extracts {@code jar} into {@code dir}, refusing entries that would land outside it. */
  static Path unzip(Path jar, Path dir) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("Jar entry " + entry.getName() + " points outside the task root");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return dir;
  }
}
