package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsTest {

  private static final AppSource SOURCE = new AppSource(SamTemplateTest::app, SamTemplateTest.OrdersLambda::new);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void areRegisteredInTheLauncher() {
    assertThat(Launcher.commands()).containsKeys("openapi", "template");
  }

  @Test
  void openapiPrintsThePlainDocument() throws Exception {
    assertThat(new OpenApiCommand().run(new String[0], SOURCE)).isZero();

    JsonNode doc = new ObjectMapper().readTree(out());
    assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
    assertThat(out()).doesNotContain("x-amazon");
  }

  @Test
  void openapiPrintsTheGatewayFlavourInvokingTheTemplatesAliasByDefault() throws Exception {
    assertThat(new OpenApiCommand().run(new String[] {"--gateway", "rest", "--mode", "greedy"}, SOURCE)).isZero();

    JsonNode doc = new ObjectMapper().readTree(out());
    assertThat(doc.get("paths").fieldNames()).toIterable().containsExactly("/", "/{proxy+}");
    assertThat(doc.at("/paths/~1/x-amazon-apigateway-any-method/x-amazon-apigateway-integration/uri/Fn::Sub")
        .asText()).contains("${OrdersFunctionAliaslive}");
    assertThat(doc.has("x-amazon-apigateway-binary-media-types")).isTrue();
  }

  @Test
  void openapiRefusesBadOptionsWithStatus2() throws Exception {
    assertThat(new OpenApiCommand().run(new String[] {"--gateway", "soap"}, SOURCE)).isEqualTo(2);
    assertThat(err()).contains("--gateway must be one of none, http, rest, got 'soap'");
    assertThat(new OpenApiCommand().run(new String[] {"--mode", "greedy"}, SOURCE)).isEqualTo(2);
    assertThat(err()).contains("need --gateway");
    assertThat(out()).isEmpty();
  }

  @Test
  void templatePrintsYamlWithTheOptionsGiven() throws Exception {
    String[] args = {"--api", "http", "--mode", "greedy", "--code-uri", "build/app.jar", "--memory", "2048"};

    assertThat(new TemplateCommand().run(args, SOURCE)).isZero();

    assertThat(out()).startsWith("AWSTemplateFormatVersion: \"2010-09-09\"\n")
        .contains("      CodeUri: build/app.jar\n", "      MemorySize: 2048\n", "\"/{proxy+}\":")
        .doesNotContain("RestApi");
  }

  @Test
  void templateRefusesBadOptionsWithStatus2() throws Exception {
    assertThat(new TemplateCommand().run(new String[] {"--memory", "lots"}, SOURCE)).isEqualTo(2);
    assertThat(new TemplateCommand().run(new String[] {"--memory", "64"}, SOURCE)).isEqualTo(2);
    assertThat(new TemplateCommand().run(new String[] {"--api"}, SOURCE)).isEqualTo(2);
    assertThat(new TemplateCommand().run(new String[] {"--api", "http", "--api", "rest"}, SOURCE)).isEqualTo(2);
    assertThat(new TemplateCommand().run(new String[] {"--stage", "dev"}, SOURCE)).isEqualTo(2);
    assertThat(new TemplateCommand().run(new String[] {"--streaming-url", "not a class"}, SOURCE)).isEqualTo(2);
    assertThat(err()).contains("must be a number of MB", "128 to 10240", "needs a value", "given twice",
        "Unknown option '--stage'", "must be a class name");
    assertThat(out()).isEmpty();
  }
}
