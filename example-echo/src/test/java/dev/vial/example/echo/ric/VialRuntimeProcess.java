package dev.vial.example.echo.ric;

import dev.vial.example.echo.EchoLambda;
import dev.vial.lambda.runtime.RuntimeLoop;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Vial's runtime loop for {@code EchoLambda}, in this JVM on a daemon thread, configured as Lambda would. */
final class VialRuntimeProcess implements AutoCloseable {

  private final Thread thread;
  private final AtomicReference<Throwable> ended = new AtomicReference<>();

  private VialRuntimeProcess(Map<String, String> env) {
    this.thread = new Thread(() -> {
      try {
        RuntimeLoop.start(env, EchoLambda::new).run();
      } catch (Throwable e) {
        ended.set(e);
      }
    }, "vial-runtime-loop");
    thread.setDaemon(true);
  }

  /** Starts the loop against {@code runtimeApi}; {@code responseMode} is {@code buffered} or {@code streaming}. */
  static VialRuntimeProcess start(String runtimeApi, String responseMode) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
    env.put("_HANDLER", EchoLambdaUnderRicContract.HANDLER);
    env.put("AWS_LAMBDA_FUNCTION_NAME", RicProcess.FUNCTION_NAME);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    env.put(RuntimeLoop.RESPONSE_MODE_VARIABLE, responseMode);
    VialRuntimeProcess process = new VialRuntimeProcess(env);
    process.thread.start();
    return process;
  }

  /** Why the loop ended, or {@code null} while it runs. */
  Throwable ended() {
    return ended.get();
  }

  /** The loop ends when its Runtime API closes; this only stops waiting for it. */
  @Override
  public void close() {
    thread.interrupt();
  }
}
