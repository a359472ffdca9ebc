package dev.vial.example.echo.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The echo app's static folder holds what the conformance checks rely on. */
class StaticAssetsTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = StaticAssetsTest.class.getClassLoader().getResourceAsStream("static/" + name)) {
      assertThat(in).as("static/" + name).isNotNull();
      return in.readAllBytes();
    }
  }

  static byte[] gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  @Test
  void appJsGzIsTheGzipOfAppJs() throws IOException {
    assertThat(gunzip(resource("app.js.gz")))
        .as("app.js.gz is stale: regenerate it with gzip -9 -n -k -f example-echo/src/main/resources/static/app.js")
        .isEqualTo(resource("app.js"));
  }

  @Test
  void theIndexLoadsTheStyleSheetTheScriptAndTheImage() throws IOException {
    String index = new String(resource("index.html"), StandardCharsets.UTF_8);

    assertThat(index).contains("href=\"style.css\"", "src=\"app.js\"", "src=\"vial.png\"", "id=\"result\"");
    assertThat(new String(resource("app.js"), StandardCharsets.UTF_8)).contains("users/42", "result");
  }

  @Test
  void bigTxtIsAtLeast64KiBOfText() throws IOException {
    byte[] big = resource("big.txt");

    assertThat(big.length).isGreaterThanOrEqualTo(64 * 1024);
    assertThat(new String(big, StandardCharsets.US_ASCII)).matches("(?s)[\\x20-\\x7e\\n]+");
  }

  @Test
  void vialPngIsAPng() throws IOException {
    assertThat(resource("vial.png")).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G', (byte) 13, (byte) 10, (byte) 26, (byte) 10);
  }
}
