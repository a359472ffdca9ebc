package dev.vial.launcher;

import dev.vial.openapi.Gateway;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code template [--mode per-route|greedy] [--api both|http|rest] [--code-uri PATH] [--memory MB]
 * [--streaming-url MAIN_CLASS]}: prints the app's SAM template (see {@link SamTemplate}) to standard output.
 */
final class TemplateCommand implements Command {

  static final Map<String, Gateway.Mode> MODES = modes();

  private static final Map<String, TemplateOptions.Apis> APIS = Map.of(
      "both", TemplateOptions.Apis.BOTH, "http", TemplateOptions.Apis.HTTP, "rest", TemplateOptions.Apis.REST);

  @Override
  public int run(String[] args, AppSource source) {
    TemplateOptions options;
    try {
      CommandLine line = CommandLine.parse(args, Set.of("--mode", "--api", "--code-uri", "--memory", "--streaming-url"));
      String memory = line.get("--memory", "1024");
      if (!memory.matches("[0-9]{1,5}")) {
        throw new IllegalArgumentException("Option --memory must be a number of MB, got '" + memory + "'");
      }
      options = new TemplateOptions(line.choice("--mode", MODES, Gateway.Mode.PER_ROUTE),
          line.choice("--api", APIS, TemplateOptions.Apis.BOTH), line.get("--code-uri", defaultCodeUri()),
          Integer.parseInt(memory), line.get("--streaming-url", null));
    } catch (IllegalArgumentException e) {
      System.err.println("vial template: " + e.getMessage());
      return 2;
    }
    System.out.print(SamTemplate.render(source.app().get(), source.lambdaHandler().get(), options));
    return 0;
  }

  /** {@code target/<this jar>}: where Maven puts the jar, relative to the module (and its template). */
  static String defaultCodeUri() {
    try {
      Path location = Path.of(TemplateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String file = location.getFileName().toString();
      return file.endsWith(".jar") ? "target/" + file : "target/app.jar";
    } catch (Exception e) {
      return "target/app.jar";
    }
  }

  private static Map<String, Gateway.Mode> modes() {
    Map<String, Gateway.Mode> modes = new LinkedHashMap<>();
    modes.put("per-route", Gateway.Mode.PER_ROUTE);
    modes.put("greedy", Gateway.Mode.GREEDY);
    return modes;
  }
}
