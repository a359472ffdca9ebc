package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevAccessLineTest {

  private static final PrintStream NOWHERE = new PrintStream(new ByteArrayOutputStream());

  @Test
  void onATerminalTheStatusIsColouredByClass() {
    DevAccessLine line = DevAccessLine.forConsole(true, Map.of(), NOWHERE);

    assertThat(line.format("14:02:07", "GET", "/users/42", "full=1", 200, 3))
        .isEqualTo("\u001b[2m14:02:07\u001b[0m \u001b[1mGET\u001b[0m /users/42?full=1 \u001b[32m200\u001b[0m "
            + "\u001b[2m3ms\u001b[0m");
    assertThat(line.format("t", "GET", "/a", null, 302, 0)).contains("\u001b[36m302");
    assertThat(line.format("t", "GET", "/a", null, 404, 0)).contains("\u001b[33m404");
    assertThat(line.format("t", "GET", "/a", null, 500, 0)).contains("\u001b[31m500");
  }

  @Test
  void noColorTurnsTheColoursOff() {
    DevAccessLine line = DevAccessLine.forConsole(true, Map.of("NO_COLOR", "1"), NOWHERE);

    assertThat(line.format("14:02:07", "POST", "/echo", null, 201, 12)).isEqualTo("14:02:07 POST /echo 201 12ms");
  }

  @Test
  void withoutATerminalThereIsNoDevLine() {
    assertThat(DevAccessLine.forConsole(false, Map.of(), NOWHERE)).isNull();
  }

  @Test
  void controlCharactersFromTheClientCannotReachTheTerminal() {
    DevAccessLine line = DevAccessLine.forConsole(true, Map.of("NO_COLOR", "yes"), NOWHERE);

    assertThat(line.format("t", "GET", "/a\u001b[2Jb", "q=\u0007", 200, 1)).isEqualTo("t GET /a?[2Jb?q=? 200 1ms");
  }

  @Test
  void printsOneLinePerCall() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DevAccessLine line = DevAccessLine.forConsole(true, Map.of("NO_COLOR", "1"), new PrintStream(out, true));

    line.print("t", "GET", "/", null, 200, 1);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("t GET / 200 1ms" + System.lineSeparator());
  }
}
