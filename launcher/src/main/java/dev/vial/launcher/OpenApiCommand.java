package dev.vial.launcher;

import dev.vial.openapi.Gateway;
import dev.vial.openapi.OpenApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code openapi [--gateway none|http|rest] [--mode per-route|greedy] [--function LOGICAL_ID]}: prints the
 * app's OpenAPI document as JSON, plain by default or flavoured for API Gateway, with integrations invoking
 * the template resource {@code --function} (default: the alias of the function {@code template} generates).
 */
final class OpenApiCommand implements Command {

  private static final Map<String, Gateway.Kind> KINDS = kinds();

  @Override
  public int run(String[] args, AppSource source) {
    Gateway gateway;
    try {
      CommandLine line = CommandLine.parse(args, Set.of("--gateway", "--mode", "--function"));
      Gateway.Kind kind = line.choice("--gateway", KINDS, null);
      Gateway.Mode mode = line.choice("--mode", TemplateCommand.MODES, Gateway.Mode.PER_ROUTE);
      String function = line.get("--function", null);
      if (kind == null && (function != null || mode != Gateway.Mode.PER_ROUTE)) {
        throw new IllegalArgumentException("--mode and --function need --gateway http or rest");
      }
      if (kind == null) {
        gateway = null;
      } else {
        String target = function != null ? function : SamTemplate.logicalName(
            source.lambdaHandler().get().getClass().getSimpleName()) + "FunctionAlias" + SamTemplate.ALIAS;
        String uri = Gateway.lambdaInvokeUri(target);
        gateway = (kind == Gateway.Kind.HTTP_API ? Gateway.httpApi(uri) : Gateway.restApi(uri)).withMode(mode);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("vial openapi: " + e.getMessage());
      return 2;
    }
    System.out.print(OpenApi.toJson(OpenApi.document(source.app().get(), gateway)));
    return 0;
  }

  private static Map<String, Gateway.Kind> kinds() {
    Map<String, Gateway.Kind> kinds = new LinkedHashMap<>();
    kinds.put("none", null);
    kinds.put("http", Gateway.Kind.HTTP_API);
    kinds.put("rest", Gateway.Kind.REST_API);
    return kinds;
  }
}
