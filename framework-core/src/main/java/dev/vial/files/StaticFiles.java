package dev.vial.files;

import dev.vial.Handler;
import java.nio.file.Path;

/**
 * A folder of static files to mount at a URL prefix: {@code app.staticFiles("/static",
 * StaticFiles.classpath("static"))}. Immutable; each {@code with...} method returns a copy.
 *
 * <pre>{@code
 * app.staticFiles("/static", StaticFiles.classpath("static"));                   // from the jar
 * app.staticFiles("/assets", StaticFiles.directory(Path.of("dist")).immutable()); // fingerprinted names
 * app.staticFiles("/", StaticFiles.classpath("web").withSpaFallback());          // a single-page app
 * }</pre>
 *
 * <p>Options and their defaults:
 * <ul>
 *   <li>{@link #withCacheControl(String)}: {@code no-cache} (the browser keeps the file but revalidates it
 *       each time, which costs a 304); {@link #immutable()} for names that change with their content;
 *   <li>{@link #withSpaFallback()}: off; when on, a path under the prefix that names no file answers
 *       {@code index.html} to clients that accept {@code text/html} (a browser navigating), 404 to others;
 *   <li>the index file answering a folder ({@code /static}, {@code /static/}, {@code /static/docs/}) is
 *       {@code index.html}; there are no directory listings.
 * </ul>
 *
 * <p>What a mount answers is described on {@code RouteGroup.staticFiles}: content types
 * ({@link ContentTypes}), validators and conditional requests, single byte ranges, precompressed
 * {@code .br}/{@code .gz} siblings, and a 404 for every name that could leave the root.
 */
public final class StaticFiles {

  /** The default {@code Cache-Control}: keep, but revalidate before each use. */
  public static final String NO_CACHE = "no-cache";
  /** The {@code Cache-Control} of {@link #immutable()}: one year, never revalidated. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final FileSource source;
  private final String cacheControl;
  private final boolean spaFallback;

  private StaticFiles(FileSource source, String cacheControl, boolean spaFallback) {
    this.source = source;
    this.cacheControl = cacheControl;
    this.spaFallback = spaFallback;
  }

  /**
   * The files in {@code folder} of the class path ({@code "static"} is {@code src/main/resources/static}),
   * through the context class loader of the calling thread (or this library's loader if it has none).
   */
  public static StaticFiles classpath(String folder) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return classpath(folder, context != null ? context : StaticFiles.class.getClassLoader());
  }

  /** The files in {@code folder} of the class path, through {@code loader}. */
  public static StaticFiles classpath(String folder, ClassLoader loader) {
    if (folder == null || loader == null) {
      throw new IllegalArgumentException("Class-path folder and class loader must not be null");
    }
    String trimmed = folder;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("Serving the class path's root would expose classes and config: name a folder");
    }
    for (String segment : trimmed.split("/")) {
      if (!PathGuard.isSafe(segment)) {
        throw new IllegalArgumentException("Class-path folder '" + folder + "' must be plain names separated by '/'");
      }
    }
    return new StaticFiles(new ClasspathSource(trimmed, loader), NO_CACHE, false);
  }

  /**
   * The files in directory {@code root}, read on each request.
   *
   * @throws IllegalArgumentException when {@code root} is not a readable directory
   */
  public static StaticFiles directory(Path root) {
    if (root == null) {
      throw new IllegalArgumentException("Static files directory must not be null");
    }
    return new StaticFiles(new DirectorySource(root), NO_CACHE, false);
  }

  /** A copy sending this {@code Cache-Control} on every file (and its 304s). */
  public StaticFiles withCacheControl(String cacheControl) {
    if (cacheControl == null || cacheControl.isBlank()) {
      throw new IllegalArgumentException("Cache-Control must not be empty");
    }
    return new StaticFiles(source, cacheControl, spaFallback);
  }

  /** A copy for fingerprinted assets ({@code app.3f9a1c.js}): {@value #IMMUTABLE}. */
  public StaticFiles immutable() {
    return withCacheControl(IMMUTABLE);
  }

  /** A copy that answers {@code index.html} for unknown paths to clients accepting {@code text/html}. */
  public StaticFiles withSpaFallback() {
    return new StaticFiles(source, cacheControl, true);
  }

  /** The {@code Cache-Control} sent with every file. */
  public String cacheControl() {
    return cacheControl;
  }

  /** Whether unknown paths fall back to {@code index.html} for browsers. */
  public boolean spaFallback() {
    return spaFallback;
  }

  /**
   * The handler behind a mount: it serves the path that follows the route's fixed prefix. Use
   * {@code RouteGroup.staticFiles(prefix, files)}, which registers it for the prefix and everything below.
   */
  public Handler handler() {
    return new StaticFileHandler(source, cacheControl, spaFallback);
  }

  /** The two route templates of a mount at {@code prefix}: the prefix itself and every path below it. */
  public static String[] templates(String prefix) {
    if (prefix == null || !prefix.startsWith("/")) {
      throw new IllegalArgumentException("Static files prefix must start with '/', got '" + prefix + "'");
    }
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return new String[] {trimmed.isEmpty() ? "/" : trimmed, trimmed + "/{" + StaticFileHandler.PARAM + ":path}"};
  }

  @Override
  public String toString() {
    return "StaticFiles[" + source + ", Cache-Control: " + cacheControl + (spaFallback ? ", SPA fallback" : "") + "]";
  }
}
