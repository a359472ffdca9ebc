package dev.vial.example.echo.ric;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code EchoLambda} under the real RIC, straight from the build's class path: the RIC's class loader
 * finds nothing in the (empty) task root and loads the handler from the JVM's class path. Runs in the
 * {@code test} phase, before there is a jar; {@code EchoLambdaFatJarIT} checks the deployed jar.
 */
class EchoLambdaUnderRicTest extends EchoLambdaUnderRicContract {

  @Override
  RicProcess startRuntime(Path scratch, String runtimeApi) throws IOException {
    Path emptyTaskRoot = Files.createDirectory(scratch.resolve("task"));
    // Surefire sets java.class.path to the test class path: the RIC, its dependencies and EchoLambda.
    return RicProcess.start(System.getProperty("java.class.path"), emptyTaskRoot, scratch, HANDLER, runtimeApi);
  }
}
