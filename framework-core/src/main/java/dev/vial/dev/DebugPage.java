package dev.vial.dev;

import dev.vial.App;
import dev.vial.ErrorRenderer;
import dev.vial.Headers;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.RouteInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The dev-mode debug page, like Flask's debugger without its console: to a client that accepts
 * {@code text/html}, an unhandled exception (a 5xx no error handler claimed) is answered with an HTML
 * page showing the exception and its causes, the stack trace with the app's own frames marked, the
 * request (method, path, query, headers with {@code Authorization}, {@code Cookie} and similar values
 * masked) and the route table; a 404 lists the routes. Every other error, and every client that does
 * not accept HTML, keeps the default JSON body. Everything printed is HTML-escaped.
 *
 * <p>It shows source-level detail, so it is for a developer's machine only: the launcher's
 * {@code --dev} installs it only when the server is bound to a loopback address.
 */
public final class DebugPage implements ErrorRenderer {

  /** Header values never shown, even to the developer: credentials leak through screenshots. */
  private static final Set<String> MASKED = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
      "x-api-key", "x-amz-security-token");

  private final App app;
  private final String appPackage;

  /**
   * A debug page for {@code app}.
   *
   * @param app whose route table the page lists
   * @param appPackage the package prefix of the app's own classes (e.g. {@code com.example}), whose
   *     stack frames are marked; {@code ""} marks none
   */
  public DebugPage(App app, String appPackage) {
    if (app == null || appPackage == null) {
      throw new IllegalArgumentException("app and appPackage must not be null");
    }
    this.app = app;
    this.appPackage = appPackage.isEmpty() || appPackage.endsWith(".") ? appPackage : appPackage + ".";
  }

  @Override
  public Response render(Request request, HttpException error) {
    if (!acceptsHtml(request.header("Accept"))) {
      return null;
    }
    if (error.status() == 404) {
      return page(404, "Not Found", request, null);
    }
    if (error.status() >= 500) {
      Throwable shown = error.getCause() != null ? error.getCause() : error;
      return page(error.status(), shown.getClass().getName(), request, shown);
    }
    return null;
  }

  /** {@code text/html} named in {@code Accept} (what a browser sends for a page; {@code *}{@code /*} alone is not enough). */
  static boolean acceptsHtml(String accept) {
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  private Response page(int status, String title, Request request, Throwable failure) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>");
    escape(html, status + " " + title).append("</title>\n<style>").append(STYLE).append("</style></head>\n<body>\n");
    html.append("<header><p class=\"badge\">Vial dev mode &middot; ").append(status).append("</p><h1>");
    escape(html, title).append("</h1>");
    if (failure != null) {
      html.append("<p class=\"message\">");
      escape(html, String.valueOf(failure.getMessage())).append("</p>");
    } else {
      html.append("<p class=\"message\">No route matches ");
      escape(html, request.method() + " " + request.path()).append(". The app's routes are listed below.</p>");
    }
    html.append("</header>\n");
    if (failure != null) {
      stackTrace(html, failure);
    }
    routes(html, request);
    requestSection(html, request);
    html.append("<footer>This page is shown because the app runs with <code>--dev</code> on a loopback address. "
        + "Without it, clients get the bare JSON error.</footer>\n</body></html>\n");
    return Response.of(status).withHeader("Cache-Control", "no-store")
        .withBody(html.toString(), "text/html; charset=utf-8");
  }

  private void stackTrace(StringBuilder html, Throwable failure) {
    html.append("<section><h2>Stack trace</h2><p class=\"legend\"><span class=\"app\">app frame</span> "
        + "frames from the app's own package");
    if (!appPackage.isEmpty()) {
      html.append(" (<code>");
      escape(html, appPackage).append("</code>)");
    }
    html.append("</p>\n<ol class=\"trace\">\n");
    Throwable current = failure;
    int depth = 0;
    while (current != null && depth++ < 10) {
      if (current != failure) {
        html.append("<li class=\"cause\">Caused by: ");
        escape(html, current.getClass().getName() + ": " + current.getMessage()).append("</li>\n");
      }
      for (StackTraceElement frame : current.getStackTrace()) {
        boolean mine = isAppFrame(frame);
        html.append(mine ? "<li class=\"frame app\">" : "<li class=\"frame\">");
        escape(html, describe(frame)).append("</li>\n");
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    html.append("</ol></section>\n");
  }

  /** {@code com.example.Routes.lambda$0(Routes.java:14)}: without the class loader and module prefixes, which are noise here. */
  private static String describe(StackTraceElement frame) {
    String where = frame.isNativeMethod() ? "Native Method"
        : frame.getFileName() == null ? "Unknown Source"
        : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }

  /** Whether {@code frame} is the app's own code (not the JDK's, not Vial's, not a library's). */
  boolean isAppFrame(StackTraceElement frame) {
    return !appPackage.isEmpty() && frame.getClassName().startsWith(appPackage);
  }

  private void routes(StringBuilder html, Request request) {
    List<RouteInfo> routes = app.routes();
    html.append("<section><h2>Routes</h2>\n");
    if (routes.isEmpty()) {
      html.append("<p>No routes defined.</p></section>\n");
      return;
    }
    html.append("<table class=\"routes\"><thead><tr><th>Method</th><th>Path</th><th>Name</th></tr></thead><tbody>\n");
    for (RouteInfo route : routes) {
      boolean current = route.template().equals(request.route());
      html.append(current ? "<tr class=\"current\"><td>" : "<tr><td>");
      escape(html, route.method()).append("</td><td>");
      escape(html, route.template()).append("</td><td>");
      escape(html, route.name() == null ? "" : route.name()).append("</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");
  }

  private static void requestSection(StringBuilder html, Request request) {
    html.append("<section><h2>Request</h2><table class=\"request\"><tbody>\n<tr><th>Method</th><td>");
    escape(html, request.method()).append("</td></tr>\n<tr><th>Path</th><td>");
    escape(html, request.rawPath()).append("</td></tr>\n<tr><th>Query</th><td>");
    escape(html, request.rawQuery() == null ? "" : request.rawQuery()).append("</td></tr>\n");
    if (request.route() != null) {
      html.append("<tr><th>Route</th><td>");
      escape(html, request.route()).append("</td></tr>\n");
    }
    html.append("</tbody></table>\n<h3>Headers</h3><table class=\"headers\"><tbody>\n");
    Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      html.append("<tr><th>");
      escape(html, name).append("</th><td>");
      if (MASKED.contains(name.toLowerCase(Locale.ROOT))) {
        html.append("<span class=\"masked\">(masked)</span>");
      } else {
        escape(html, headers.value(i));
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody></table></section>\n");
  }

  /** Appends {@code text} HTML-escaped, safe in element content and in quoted attribute values. */
  static StringBuilder escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out;
  }

  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
      header{background:#b3261e;color:#fff;padding:18px 28px}
      header h1{margin:4px 0;font-size:22px;word-break:break-all}
      .badge{margin:0;font-size:12px;text-transform:uppercase;letter-spacing:.08em;opacity:.85}
      .message{margin:6px 0 0;font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}
      section{padding:8px 28px}
      h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px}
      .trace{font-family:ui-monospace,monospace;font-size:13px;list-style:none;padding:0}
      .frame{padding:1px 8px;color:#777}
      .frame.app{color:#1d1d1f;background:#fff4c2;border-left:4px solid #e0a800;font-weight:600}
      .cause{padding:6px 0 2px;font-weight:600;color:#b3261e}
      .legend .app{background:#fff4c2;border-left:4px solid #e0a800;padding:0 6px}
      table{border-collapse:collapse;font-size:14px}
      th,td{text-align:left;padding:3px 12px 3px 0;vertical-align:top;font-family:ui-monospace,monospace}
      tr.current td{background:#fff4c2}
      .masked{color:#999;font-style:italic}
      footer{padding:16px 28px;color:#777;font-size:12px}
      """;
}
