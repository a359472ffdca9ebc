package dev.vial.docs;

import dev.vial.Blueprint;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.openapi.RouteDoc;
import dev.vial.routing.PathTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A docs page for an app's OpenAPI document: Swagger UI, served from its webjar on the class path, so it
 * works offline (no CDN). Every URL on the page is relative to the page, so it keeps working behind an
 * API Gateway stage ({@code /prod/docs}) or a base path.
 *
 * <pre>{@code
 * app.openApi(ApiInfo.of("Orders", "1.0"))   // GET /openapi.json
 *    .register(DocsUi.blueprint());          // GET /docs
 * }</pre>
 *
 * <p>The page is {@code GET /docs}; its scripts and styles are {@code GET /docs/{file}}, only the files
 * the page uses (anything else is a 404). They are read from the jar once and kept in memory.
 */
public final class DocsUi {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> ASSETS = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");

  private final List<String> pageSegments;
  private final List<String> documentSegments;
  private final String webjarPath;
  private final Map<String, Response> cache = new ConcurrentHashMap<>();

  private DocsUi(String pagePath, String documentPath) {
    this.pageSegments = literalSegments(pagePath);
    this.documentSegments = literalSegments(documentPath);
    if (pageSegments.isEmpty()) {
      throw new IllegalArgumentException("The docs page cannot be the root path");
    }
    this.webjarPath = WEBJAR + swaggerUiVersion() + "/";
  }

  /** The docs page at {@code /docs} for the document at {@code /openapi.json} ({@code App.openApi(..)}'s). */
  public static Blueprint blueprint() {
    return blueprint("/docs", "/openapi.json");
  }

  /**
   * The docs page at {@code pagePath} for the document at {@code documentPath}, both paths as the app
   * routes them (without a stage), literal (no parameters).
   *
   * @throws IllegalArgumentException for a path with parameters, or the root as the page
   */
  public static Blueprint blueprint(String pagePath, String documentPath) {
    DocsUi ui = new DocsUi(pagePath, documentPath);
    return new Blueprint(pagePath)
        .get("/", RouteDoc.of("This API's documentation page (Swagger UI)").tags("docs")
            .response(200, "text/html", String.class, "The page").handles(ui::page))
        .get("/{file}", RouteDoc.of("A script, style or icon of the documentation page").tags("docs")
            .response(200, "application/octet-stream", null, "The file")
            .response(404, "No such file").handles(ui::asset));
  }

  private Response page(Request req) {
    // The browser resolves relative URLs against the page's own URL: /docs needs "docs/x", /docs/ "x".
    boolean slash = req.rawPath().endsWith("/");
    String assets = slash ? "" : pageSegments.get(pageSegments.size() - 1) + "/";
    String document = relative(slash ? pageSegments : pageSegments.subList(0, pageSegments.size() - 1),
        documentSegments);
    String html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>API documentation</title>
          <link rel="stylesheet" href="%1$sswagger-ui.css">
          <link rel="icon" type="image/png" href="%1$sfavicon-32x32.png" sizes="32x32">
        </head>
        <body>
          <div id="swagger-ui"></div>
          <script src="%1$sswagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({url: %2$s, dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null});
          </script>
        </body>
        </html>
        """.formatted(htmlAttribute(assets), jsString(document));
    return Responses.html(html).withHeader("Cache-Control", "no-cache");
  }

  private Response asset(Request req) {
    String file = req.pathParam("file");
    String contentType = ASSETS.get(file);
    if (contentType == null) {
      throw new HttpException(404);
    }
    return cache.computeIfAbsent(file, name -> Responses.bytes(read(webjarPath + name), contentType)
        .withHeader("Cache-Control", "public, max-age=3600"));
  }

  /** The relative URL from a page in directory {@code from} to the path {@code to}. */
  static String relative(List<String> from, List<String> to) {
    int common = 0;
    while (common < from.size() && common < to.size() - 1 && from.get(common).equals(to.get(common))) {
      common++;
    }
    StringBuilder url = new StringBuilder();
    for (int i = common; i < from.size(); i++) {
      url.append("../");
    }
    url.append(String.join("/", to.subList(common, to.size())));
    return url.length() == 0 ? "./" : url.toString();
  }

  private static List<String> literalSegments(String path) {
    PathTemplate template = PathTemplate.parse(path);
    return template.segments().stream().map(segment -> {
      if (segment.isParam()) {
        throw new IllegalArgumentException("The docs paths must be literal, got '" + path + "'");
      }
      return segment.literal();
    }).toList();
  }

  private static String swaggerUiVersion() {
    Properties properties = new Properties();
    try (InputStream in = DocsUi.class.getResourceAsStream("swagger-ui.properties")) {
      if (in == null) {
        throw new IllegalStateException("dev/vial/docs/swagger-ui.properties is missing from the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = properties.getProperty("version");
    if (DocsUi.class.getClassLoader().getResource(WEBJAR + version + "/swagger-ui-bundle.js") == null) {
      throw new IllegalStateException("The swagger-ui webjar " + version + " is not on the class path");
    }
    return version;
  }

  private static byte[] read(String resource) {
    try (InputStream in = DocsUi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the swagger-ui webjar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String htmlAttribute(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A JavaScript string literal that cannot end the script element. */
  private static String jsString(String text) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString().replace("</", "<\\/");
  }
}
