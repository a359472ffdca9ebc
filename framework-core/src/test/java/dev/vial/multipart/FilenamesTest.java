package dev.vial.multipart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "report.pdf|report.pdf",
      "../../etc/passwd|passwd",
      "C:\\Users\\me\\a.txt|a.txt",
      "dir/sub\\..\\x.txt|x.txt",
      ".bashrc|bashrc",
      "...hidden..|hidden",
      "..|''",
      "' spaced name.txt '|spaced name.txt",
      "caf\u00e9 \u4f60\u597d.txt|caf\u00e9 \u4f60\u597d.txt",
  })
  void keepsOnlyASafeBaseName(String raw, String safe) {
    assertThat(Filenames.safeBaseName(raw)).isEqualTo(safe);
  }

  @org.junit.jupiter.api.Test
  void dropsNulControlAndBidiOverrideCharactersAndCapsTheLength() {
    assertThat(Filenames.safeBaseName("a\u0000b\r\n\u0007c\u007f\u0085.txt")).isEqualTo("abc.txt");
    assertThat(Filenames.safeBaseName("invoice\u202egpj.exe")).isEqualTo("invoicegpj.exe");
    assertThat(Filenames.safeBaseName("x".repeat(300))).hasSize(255);
    assertThat(Filenames.safeBaseName(null)).isNull();
  }
}
