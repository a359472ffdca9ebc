package dev.vial.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusCodesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "200 | OK",
      "201 | Created",
      "204 | No Content",
      "302 | Found",
      "400 | Bad Request",
      "404 | Not Found",
      "405 | Method Not Allowed",
      "413 | Content Too Large",
      "418 | I'm a teapot",
      "422 | Unprocessable Content",
      "500 | Internal Server Error",
      "503 | Service Unavailable",
      "299 | Unknown Status",
      "999 | Unknown Status"})
  void knowsTheStandardReasonPhrases(int status, String phrase) {
    assertThat(StatusCodes.reasonPhrase(status)).isEqualTo(phrase);
  }
}
