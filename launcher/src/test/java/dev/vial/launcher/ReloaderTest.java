package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vial.App;
import dev.vial.Request;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloaderTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path root;

  private static String answer(Reloader reloader) {
    return reloader.app().handle(Request.builder("GET", "/").build()).bodyText();
  }

  private static Reloader reloader(CompiledApp app) {
    return new Reloader(CompiledApp.MAIN, CompiledApp.dirs(app), new String[] {"--dev"},
        ReloaderTest.class.getClassLoader(), built -> built, Duration.ofMillis(50));
  }

  @Test
  void aRecompiledAppAnswersTheNextRequestsFromTheNewCodeInANewLoader() throws Exception {
    CompiledApp app = new CompiledApp(root).answering("v1");
    try (Reloader reloader = reloader(app)) {
      assertThat(answer(reloader)).isEqualTo("v1");
      ClassLoader first = reloader.loader();
      assertThat(first).isInstanceOf(ChildFirstLoader.class);

      app.answering("v2");

      assertThat(eventually(() -> answer(reloader).equals("v2"))).as("new code answers").isTrue();
      assertThat(reloader.loader()).isNotSameAs(first);
      assertThat(reloader.lastFailure()).isNull();
    }
  }

  @Test
  void oldLoadersAreReleased() throws Exception {
    CompiledApp app = new CompiledApp(root).answering("v1");
    try (Reloader reloader = reloader(app)) {
      assertThat(answer(reloader)).isEqualTo("v1");
      WeakReference<ClassLoader> first = new WeakReference<>(reloader.loader());
      for (int i = 2; i <= 3; i++) {
        String expected = "v" + i;
        app.answering(expected);
        assertThat(eventually(() -> answer(reloader).equals(expected))).isTrue();
      }

      assertThat(eventually(() -> {
        System.gc();
        return first.get() == null;
      })).as("the first build's loader was collected").isTrue();
      assertThat(answer(reloader)).isEqualTo("v3");
    }
  }

  @Test
  void aFailingRebuildKeepsServingThePreviousAppAndKeepsTheError() throws Exception {
    CompiledApp app = new CompiledApp(root).answering("v1");
    try (Reloader reloader = reloader(app)) {
      assertThat(answer(reloader)).isEqualTo("v1");

      app.compile("throw new IllegalStateException(\"factory broke\");");

      assertThat(eventually(() -> reloader.lastFailure() != null)).isTrue();
      assertThat(reloader.lastFailure()).hasMessage("factory broke");
      assertThat(answer(reloader)).isEqualTo("v1");

      app.answering("v2");
      assertThat(eventually(() -> answer(reloader).equals("v2"))).isTrue();
      assertThat(reloader.lastFailure()).isNull();
    }
  }

  @Test
  void theAppsOwnClassesComeFromTheWatchedDirectoryEvenWhenTheParentHasThem() throws Exception {
    CompiledApp app = new CompiledApp(root).answering("v1");
    try (Reloader reloader = reloader(app)) {
      App served = reloader.app();
      // Vial's own types are the parent's: the server and the reloaded app share one App class.
      assertThat(served.getClass()).isSameAs(App.class);
      assertThat(reloader.loader().loadClass(CompiledApp.MAIN).getClassLoader()).isSameAs(reloader.loader());
      assertThat(reloader.loader().loadClass(ReloaderTest.class.getName()))
          .isSameAs(ReloaderTest.class);
    }
  }

  static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
