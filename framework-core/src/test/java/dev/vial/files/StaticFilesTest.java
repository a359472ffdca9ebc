package dev.vial.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.App;
import dev.vial.Blueprint;
import dev.vial.Request;
import dev.vial.Response;
import dev.vial.Responses;
import dev.vial.http.HttpDates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files through {@code App.handle}: what a mount serves, and what it never serves. */
class StaticFilesTest {

  private static final StaticFiles SITE = StaticFiles.classpath("site", StaticFilesTest.class.getClassLoader());

  private static App app() {
    return new App().staticFiles("/static", SITE).get("/static/api", req -> Responses.ok("route"));
  }

  private static Response get(App app, String path, String... headers) {
    Request.Builder request = Request.builder("GET", path);
    return app.handle(request.headers(dev.vial.Headers.of(headers)).build());
  }

  private static Response get(String path, String... headers) {
    return get(app(), path, headers);
  }

  @Test
  void servesAFileWithTypeValidatorsAndCachePolicy() {
    Response response = get("/static/digits.txt");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("0123456789");
    assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("ETag")).matches("\"[A-Za-z0-9_-]{24}\"");
    assertThat(HttpDates.parse(response.header("Last-Modified"))).isNotNull();
    assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
  }

  @Test
  void theContentTagIsStableAndDiffersBetweenFiles() {
    App app = app();
    assertThat(get(app, "/static/digits.txt").header("ETag")).isEqualTo(get(app, "/static/digits.txt").header("ETag"))
        .isEqualTo(get("/static/digits.txt").header("ETag"))
        .isNotEqualTo(get(app, "/static/index.html").header("ETag"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/static", "/static/"})
  void theFolderPathAnswersItsIndex(String path) {
    Response response = get(path);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("<p>home</p>");
    assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
  }

  @Test
  void aSubfolderWithASlashAnswersItsIndexButNeverAListing() {
    assertThat(get("/static/docs/").bodyText()).contains("<p>docs</p>");
    assertThat(get("/static/docs").bodyText()).contains("<p>docs</p>");
    assertThat(get("/static/empty-folder/").status()).isEqualTo(404);
    assertThat(get("/static/empty-folder").status()).isEqualTo(404);
  }

  @Test
  void aFileAskedForAsAFolderIsMissing() {
    assertThat(get("/static/digits.txt/").status()).isEqualTo(404);
  }

  @Test
  void aRouteUnderThePrefixWins() {
    assertThat(get("/static/api").bodyText()).isEqualTo("route");
  }

  @Test
  void headAnswersTheHeadersOfGetWithoutTheBody() {
    Response response = app().handle(Request.builder("HEAD", "/static/digits.txt").build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.header("Content-Length")).isEqualTo("10");
    assertThat(response.header("ETag")).isEqualTo(get("/static/digits.txt").header("ETag"));
  }

  @Test
  void otherMethodsAreNotAllowed() {
    Response response = app().handle(Request.builder("POST", "/static/digits.txt").build());

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/static/missing.txt", "/static/../pom.xml", "/static/%2e%2e/pom.xml", "/static/%2E%2E/%2E%2E/etc/passwd",
      "/static/..%2fpom.xml", "/static/..%2Fpom.xml", "/static/..%5cpom.xml", "/static/..\\pom.xml",
      "/static/%252e%252e/pom.xml", "/static/digits.txt%00.png", "/static/digits.txt%00", "/static/.env",
      "/static/.hidden/config", "/static/%2eenv", "/static/docs/../.env", "/static/./digits.txt",
      "/static//digits.txt", "/static/c:%5cwindows%5cwin.ini", "/static/C:/windows/win.ini", "/static/CON",
      "/static/nul.txt", "/static/com1", "/static/LPT9.js", "/static/digits.txt.", "/static/digits.txt%20",
      "/static/digits.txt::$DATA", "/static/%2fetc%2fpasswd", "/static/%5c%5cserver%5cshare",
      "/static/dev/vial/files/StaticFilesTest.class", "/static/../dev/vial/App.class"})
  void namesThatCouldLeaveTheRootAreA404WithoutDetail(String path) {
    Response response = get(path);

    assertThat(response.status()).as(path).isEqualTo(404);
    assertThat(response.bodyText()).isEqualTo("{\"error\":\"Not Found\",\"status\":404}");
  }

  @Test
  void theMissingFileGoesThroughTheAppsErrorHandlers() {
    App app = app().error(404, (error, req) -> Responses.text(404, "custom missing"));

    assertThat(get(app, "/static/nothing.css").bodyText()).isEqualTo("custom missing");
  }

  @Test
  void theSinglePageFallbackAnswersBrowsersWithTheIndex() {
    App app = new App().staticFiles("/", SITE.withSpaFallback());

    Response browser = get(app, "/users/42/settings", "Accept", "text/html,application/xhtml+xml");
    Response script = get(app, "/users/42/settings", "Accept", "application/json");

    assertThat(browser.status()).isEqualTo(200);
    assertThat(browser.bodyText()).contains("<p>home</p>");
    assertThat(script.status()).isEqualTo(404);
    assertThat(get(app, "/../.env", "Accept", "text/html").status()).isEqualTo(404);
    assertThat(get(app, "/digits.txt", "Accept", "text/html").bodyText()).isEqualTo("0123456789");
  }

  @Test
  void aMountInsideABlueprintServesBelowTheBlueprintsPrefix() {
    App app = new App().register(new Blueprint("/v1").staticFiles("/assets", SITE));

    assertThat(get(app, "/v1/assets/digits.txt").bodyText()).isEqualTo("0123456789");
    assertThat(get(app, "/v1/assets/").bodyText()).contains("home");
    assertThat(get(app, "/v1/assets/..%2f..%2fv1").status()).isEqualTo(404);
  }

  @Test
  void immutableAndCustomCachePolicies() {
    App app = new App().staticFiles("/a", SITE.immutable()).staticFiles("/b", SITE.withCacheControl("max-age=60"));

    assertThat(get(app, "/a/digits.txt").header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(get(app, "/b/digits.txt").header("Cache-Control")).isEqualTo("max-age=60");
  }

  @Test
  void contentTypesComeFromTheTable() {
    assertThat(get("/static/script.mjs").contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(get("/static/pixel.png").contentType()).isEqualTo("image/png");
    assertThat(get("/static/big.json").contentType()).isEqualTo("application/json");
    assertThat(get("/static/archive.tar").contentType()).isEqualTo("application/octet-stream");
    assertThat(get("/static/weird%20name.txt").bodyText()).isEqualTo("spaces");
    assertThat(get("/static/app.js.gz").contentType()).isEqualTo("application/gzip");
    assertThat(get("/static/app.js.gz").header("Content-Encoding")).isNull();
  }

  @Test
  void aPrecompressedSiblingGoesToClientsThatAcceptIt() throws IOException {
    Response gzip = get("/static/app.js", "Accept-Encoding", "gzip");
    Response brotli = get("/static/app.js", "Accept-Encoding", "gzip, br");
    Response identity = get("/static/app.js");

    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.contentType()).isEqualTo("text/javascript; charset=utf-8");
    assertThat(gunzip(gzip.body())).isEqualTo(identity.bodyText());
    assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
    assertThat(identity.header("Content-Encoding")).isNull();
    assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(identity.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(gzip.header("ETag")).isNotEqualTo(identity.header("ETag")).isNotEqualTo(brotli.header("ETag"));
  }

  @Test
  void aFreshCopyGets304WithTheValidatorsAndNoBody() {
    Response first = get("/static/digits.txt");

    Response byTag = get("/static/digits.txt", "If-None-Match", first.header("ETag"));
    Response byDate = get("/static/digits.txt", "If-Modified-Since", first.header("Last-Modified"));
    Response tagWins = get("/static/digits.txt", "If-None-Match", "\"other\"",
        "If-Modified-Since", first.header("Last-Modified"));

    assertThat(byTag.status()).isEqualTo(304);
    assertThat(byTag.body()).isEmpty();
    assertThat(byTag.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(byTag.header("Last-Modified")).isEqualTo(first.header("Last-Modified"));
    assertThat(byTag.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(byTag.header("Content-Type")).isNull();
    assertThat(byDate.status()).isEqualTo(304);
    assertThat(tagWins.status()).isEqualTo(200);
  }

  @Test
  void rangesAreServedFromTheFile() {
    Response first = get("/static/digits.txt", "Range", "bytes=0-3");
    Response open = get("/static/digits.txt", "Range", "bytes=7-");
    Response suffix = get("/static/digits.txt", "Range", "bytes=-3");
    Response longSuffix = get("/static/digits.txt", "Range", "bytes=-1000");
    Response pastEnd = get("/static/digits.txt", "Range", "bytes=8-1000");

    assertThat(first.status()).isEqualTo(206);
    assertThat(first.bodyText()).isEqualTo("0123");
    assertThat(first.header("Content-Range")).isEqualTo("bytes 0-3/10");
    assertThat(open.bodyText()).isEqualTo("789");
    assertThat(suffix.bodyText()).isEqualTo("789");
    assertThat(suffix.header("Content-Range")).isEqualTo("bytes 7-9/10");
    assertThat(longSuffix.header("Content-Range")).isEqualTo("bytes 0-9/10");
    assertThat(pastEnd.header("Content-Range")).isEqualTo("bytes 8-9/10");
    assertThat(pastEnd.bodyText()).isEqualTo("89");
  }

  @Test
  void anUnsatisfiableRangeIs416WithTheLength() {
    Response response = get("/static/digits.txt", "Range", "bytes=10-");

    assertThat(response.status()).isEqualTo(416);
    assertThat(response.header("Content-Range")).isEqualTo("bytes */10");
    assertThat(get("/static/digits.txt", "Range", "bytes=-0").status()).isEqualTo(416);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=5-4", "bytes=0-1,3-4", "items=0-1", "bytes=", "bytes=a-b", "bytes 0-1", "bytes=--1",
      "bytes=1-2-3", "bytes=0-1 x"})
  void anInvalidOrMultipleRangeGetsTheWholeFile(String range) {
    Response response = get("/static/digits.txt", "Range", range);

    assertThat(response.status()).as(range).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("0123456789");
  }

  @Test
  void ifRangeGivesTheRangeOnlyForTheCurrentRepresentation() {
    Response full = get("/static/digits.txt");

    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-Range", full.header("ETag")).status())
        .isEqualTo(206);
    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-Range", full.header("Last-Modified")).status())
        .isEqualTo(206);
    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-Range", "\"stale\"").status()).isEqualTo(200);
    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-Range", "W/" + full.header("ETag")).status())
        .isEqualTo(200);
    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-Range", HttpDates.format(Instant.EPOCH)).status())
        .isEqualTo(200);
  }

  @Test
  void aFreshCacheEntryWinsOverARange() {
    Response full = get("/static/digits.txt");

    assertThat(get("/static/digits.txt", "Range", "bytes=0-1", "If-None-Match", full.header("ETag")).status())
        .isEqualTo(304);
  }

  @Test
  void anEmptyFileIgnoresRanges() {
    Response response = get("/static/empty.txt", "Range", "bytes=-5");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void aDirectoryMountServesItsFilesAndNothingOutside(@TempDir Path temp) throws IOException {
    Path root = Files.createDirectories(temp.resolve("public"));
    Files.writeString(root.resolve("hello.txt"), "hi");
    Files.writeString(temp.resolve("secret.txt"), "secret");
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve(".git/config"), "[core]");
    Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("escape-dir"), temp);
    Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("hello.txt"));
    Files.createSymbolicLink(root.resolve("git-config"), root.resolve(".git/config"));
    App app = new App().staticFiles("/files", StaticFiles.directory(root));

    Response hello = get(app, "/files/hello.txt");

    assertThat(hello.bodyText()).isEqualTo("hi");
    assertThat(hello.header("ETag")).isEqualTo("\"2-" + Long.toHexString(
        Files.getLastModifiedTime(root.resolve("hello.txt")).toMillis()) + "\"");
    assertThat(get(app, "/files/inside.txt").bodyText()).isEqualTo("hi");
    for (String path : new String[] {"/files/escape.txt", "/files/escape-dir/secret.txt", "/files/../secret.txt",
        "/files/%2e%2e/secret.txt", "/files/.git/config", "/files/git-config"}) {
      assertThat(get(app, path).status()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aDirectoryMountSeesChangesAtOnce(@TempDir Path root) throws IOException {
    App app = new App().staticFiles("/files", StaticFiles.directory(root));
    Files.writeString(root.resolve("live.txt"), "one");
    Response first = get(app, "/files/live.txt");
    Files.writeString(root.resolve("live.txt"), "three");
    Files.setLastModifiedTime(root.resolve("live.txt"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));

    Response second = get(app, "/files/live.txt", "If-None-Match", first.header("ETag"));

    assertThat(second.status()).isEqualTo(200);
    assertThat(second.bodyText()).isEqualTo("three");
  }

  @Test
  void mountsRefuseUnsafeConfiguration(@TempDir Path temp) {
    assertThatThrownBy(() -> StaticFiles.classpath("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root");
    assertThatThrownBy(() -> StaticFiles.classpath("static/../META-INF")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StaticFiles.directory(temp.resolve("absent"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new App().staticFiles("static", SITE)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SITE.withCacheControl(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  private static String gunzip(byte[] gzip) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
