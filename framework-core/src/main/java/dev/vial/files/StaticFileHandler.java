package dev.vial.files;

import dev.vial.Handler;
import dev.vial.HttpException;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.compress.AcceptEncoding;
import dev.vial.compress.Compression;
import dev.vial.conditional.ConditionalRequests;
import dev.vial.routing.PathSegments;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Answers {@code GET}/{@code HEAD} for one mount: resolves the raw path after the prefix with
 * {@link PathGuard}, picks the file (or a folder's {@code index.html}, a precompressed sibling, the SPA
 * fallback) and answers 200, 206 or 416. Plain {@code If-None-Match}/{@code If-Modified-Since} on a 200
 * are left to the app, which handles them for every response ({@link ConditionalRequests}); with a
 * {@code Range} they are checked here first, since a fresh cache entry wins over a range (RFC 9110 §13.2.2).
 */
final class StaticFileHandler implements Handler {

  /** The name of the route's path parameter, unlikely to clash with an app's own. */
  static final String PARAM = "vialStaticFile";
  private static final String INDEX = "index.html";
  /** Precompressed siblings in order of preference: {@code app.js.br}, then {@code app.js.gz}. */
  private static final String[] CODINGS = {"br", "gzip"};

  private final FileSource source;
  private final String cacheControl;
  private final boolean spaFallback;

  StaticFileHandler(FileSource source, String cacheControl, boolean spaFallback) {
    this.source = source;
    this.cacheControl = cacheControl;
    this.spaFallback = spaFallback;
  }

  @Override
  public Response handle(Request request) throws IOException {
    List<String> raw = remainder(request);
    boolean folderRequest = raw.isEmpty() || raw.get(raw.size() - 1).isEmpty();
    List<String> segments = folderRequest && !raw.isEmpty() ? raw.subList(0, raw.size() - 1) : raw;
    String name = PathGuard.relativeName(segments);
    if (name == null) {
      throw new HttpException(404);
    }
    String served = name;
    FileSource.Found found = folderRequest ? FileSource.FOLDER : source.find(name);
    if (found instanceof FileSource.Folder) {
      served = name.isEmpty() ? INDEX : name + "/" + INDEX;
      found = source.find(served);
    }
    if (!(found instanceof FileSource.Regular) && spaFallback && acceptsHtml(request)) {
      served = INDEX;
      found = source.find(INDEX);
    }
    if (!(found instanceof FileSource.Regular regular)) {
      throw new HttpException(404);
    }
    return respond(request, served, regular.file());
  }

  private Response respond(Request request, String name, StaticFile file) throws IOException {
    String contentType = ContentTypes.forName(name);
    boolean ranged = !request.headers().all("Range").isEmpty();
    String coding = null;
    StaticFile chosen = file;
    boolean hasSiblings = false;
    List<String> acceptEncoding = request.headers().all("Accept-Encoding");
    for (String candidate : CODINGS) {
      FileSource.Found sibling = source.find(name + (candidate.equals("br") ? ".br" : ".gz"));
      if (sibling instanceof FileSource.Regular regular) {
        hasSiblings = true;
        // a range applies to the identity bytes only, so If-Range and Content-Range keep one meaning
        if (coding == null && !ranged && AcceptEncoding.accepts(acceptEncoding, candidate)) {
          coding = candidate;
          chosen = regular.file();
        }
      }
    }
    Response response = Response.of(200)
        .withBody(chosen.content(), contentType)
        .withHeader("X-Content-Type-Options", "nosniff")
        .withHeader("ETag", chosen.etag())
        .withHeader("Last-Modified", chosen.lastModified())
        .withHeader("Cache-Control", cacheControl)
        .withHeader("Accept-Ranges", "bytes");
    if (coding != null) {
      response = response.withHeader("Content-Encoding", coding);
    }
    if (hasSiblings || Compression.isCompressible(contentType)) {
      response = response.withVary("Accept-Encoding");
    }
    if (!ranged || ConditionalRequests.preconditionFailed(request.headers(), chosen.etag(), chosen.lastModified())
        || ConditionalRequests.isNotModified(request.headers(), chosen.etag(), chosen.lastModified())
        || !ByteRange.ifRangeAllows(request.headers().all("If-Range"), chosen.etag(), chosen.lastModified())) {
      return response; // the app answers 412/304 where the preconditions say so
    }
    long length = chosen.content().length;
    ByteRange range = ByteRange.parse(request.headers().all("Range"), length);
    if (range == null) {
      return response;
    }
    if (range == ByteRange.UNSATISFIABLE) {
      return Responses.error(416, "Range Not Satisfiable")
          .withHeader("Content-Range", "bytes */" + length)
          .withHeader("Accept-Ranges", "bytes");
    }
    byte[] part = Arrays.copyOfRange(chosen.content(), (int) range.first(), (int) range.last() + 1);
    return response.withStatus(206)
        .withBody(part, contentType)
        .withHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + length);
  }

  /** The raw segments after the route's fixed prefix; a trailing slash shows as a last empty segment. */
  private static List<String> remainder(Request request) {
    List<String> template = PathSegments.split(request.route());
    int prefix = template.size();
    if (prefix > 0 && template.get(prefix - 1).startsWith("{" + PARAM + ":")) {
      prefix--;
    }
    List<String> raw = PathSegments.split(request.rawPath());
    return prefix >= raw.size() ? List.of() : raw.subList(prefix, raw.size());
  }

  private static boolean acceptsHtml(Request request) {
    for (String accept : request.headers().all("Accept")) {
      if (accept.contains("text/html")) {
        return true;
      }
    }
    return false;
  }
}
