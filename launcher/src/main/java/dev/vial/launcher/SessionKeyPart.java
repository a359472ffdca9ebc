package dev.vial.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * For an app with sessions: the stack parameter {@code SessionSecretKey} (never echoed), passed to every
 * function of the template as {@code VIAL_SECRET_KEY}. On Lambda an app with sessions and no key refuses to
 * start, so the template cannot leave it out; runs after the parts that add functions.
 */
final class SessionKeyPart implements TemplatePart {

  static final String PARAMETER = "SessionSecretKey";

  @Override
  public void addTo(SamTemplate template) {
    if (!template.app().usesSessions()) {
      return;
    }
    ObjectNode parameter = template.parameters().putObject(PARAMETER);
    parameter.put("Type", "String");
    parameter.put("NoEcho", true);
    parameter.put("MinLength", 16);
    parameter.put("Description", "The key that signs session cookies (VIAL_SECRET_KEY): at least 16 characters, "
        + "kept secret; to rotate, see App.secretKey's fallback keys.");
    for (Iterator<Map.Entry<String, JsonNode>> it = template.resources().properties().iterator(); it.hasNext(); ) {
      JsonNode resource = it.next().getValue();
      if ("AWS::Serverless::Function".equals(resource.path("Type").asText())) {
        ObjectNode properties = (ObjectNode) resource.get("Properties");
        ObjectNode environment = properties.has("Environment")
            ? (ObjectNode) properties.get("Environment") : properties.putObject("Environment");
        ObjectNode variables = environment.has("Variables")
            ? (ObjectNode) environment.get("Variables") : environment.putObject("Variables");
        variables.set("VIAL_SECRET_KEY", SamTemplate.ref(PARAMETER));
      }
    }
  }
}
