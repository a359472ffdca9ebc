package dev.vial.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class YamlWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesBlockMapsAndLists() throws Exception {
    JsonNode tree = JSON.readTree("{\"a\": {\"b\": 1, \"c\": [true, null, 2.5]}, \"d\": [{\"e\": \"x\", \"f\": []}],"
        + " \"g\": {}}");

    assertThat(YamlWriter.write(tree)).isEqualTo("""
        a:
          b: 1
          c:
            - true
            - null
            - 2.5
        d:
          - e: x
            f: []
        g: {}
        """);
  }

  @Test
  void quotesEveryStringThatYamlCouldReadAsSomethingElse() {
    assertThat(YamlWriter.scalar("AWS::Serverless::Function")).isEqualTo("AWS::Serverless::Function");
    assertThat(YamlWriter.scalar("/users/list")).isEqualTo("/users/list");
    for (String text : List.of("true", "No", "off", "null", "", "200", "1.0", "2010-09-09", "a: b", "key:",
        "#x", "- x", "*~1*", "/{proxy+}", "${X}", "a b", "'q'", "\"q\"", "tab\there", "line\nbreak", "é")) {
      assertThat(YamlWriter.scalar(text)).as(text).startsWith("\"").endsWith("\"");
    }
  }

  /** The real check: a YAML parser (js-yaml, where installed with the node tools) reads back the same tree. */
  @Test
  void isReadBackAsTheSameTreeByAYamlParser() throws Exception {
    Path tools = Path.of(System.getProperty("vial.nodeTools", System.getenv().getOrDefault("VIAL_NODE_TOOLS",
        System.getProperty("user.home") + "/.cache/vial/node")));
    assumeTrue(Files.isDirectory(tools.resolve("node_modules/js-yaml")),
        "Skipped: js-yaml is not installed under " + tools + " (.ci/run installs it)");
    JsonNode tree = SamTemplate.tree(SamTemplateTest.app(), new SamTemplateTest.OrdersLambda(),
        TemplateOptions.defaults("target/orders.jar"));
    JsonNode tricky = JSON.readTree("{\"s\": [\"yes\", \"0x1F\", \"1e3\", \"~\", \"a # b\", \"ü ✓ 你\", \"\\\\\","
        + " \"x\\u0001y\", \"@a\", \"`b`\", \"[c]\", \"{d}\", \"!e\", \"%f\", \"&g\", \"|h\", \">i\"]}");
    Path dir = Files.createTempDirectory("yaml");
    try {
      for (JsonNode node : List.of(tree, tricky)) {
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, YamlWriter.write(node), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("node", "-e",
            "const y=require('js-yaml');const fs=require('fs');"
                + "console.log(JSON.stringify(y.load(fs.readFileSync(process.argv[1],'utf8'))))", file.toString())
            .redirectErrorStream(true);
        builder.environment().put("NODE_PATH", tools.resolve("node_modules").toString());
        Process node2 = builder.start();
        String output = new String(node2.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node2.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node2.exitValue()).as(output).isZero();
        assertThat(JSON.readTree(output)).isEqualTo(node);
      }
    } finally {
      Files.deleteIfExists(dir.resolve("t.yaml"));
      Files.deleteIfExists(dir);
    }
  }
}
