package dev.vial.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import dev.vial.http.HttpDates;

/**
 * Files from a folder of the class path (a jar in production and on Lambda, a directory in the IDE).
 * Class-path content does not change while the app runs, so each file found is read, hashed for its
 * {@code ETag} and kept once; misses are not kept, so probing for names cannot grow the cache.
 */
final class ClasspathSource implements FileSource {

  private final String folder;
  private final ClassLoader loader;
  /** The time used when a resource does not say when it was modified: when this source was made. */
  private final long fallbackModified = System.currentTimeMillis();
  private final ConcurrentMap<String, Found> found = new ConcurrentHashMap<>();

  ClasspathSource(String folder, ClassLoader loader) {
    this.folder = folder;
    this.loader = loader;
  }

  @Override
  public Found find(String name) throws IOException {
    Found cached = found.get(name);
    if (cached != null) {
      return cached;
    }
    Found result = load(name);
    if (!(result instanceof Missing)) {
      found.putIfAbsent(name, result);
    }
    return result;
  }

  private Found load(String name) throws IOException {
    String resource = name.isEmpty() ? folder : folder + "/" + name;
    URL url = loader.getResource(resource);
    if (url == null) {
      return MISSING;
    }
    if (url.getProtocol().equals("file")) {
      return loadFile(url, name);
    }
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      if (jar.getJarEntry() == null) {
        return FOLDER;
      }
      if (jar.getJarEntry().isDirectory()) {
        return FOLDER;
      }
    }
    try (InputStream in = connection.getInputStream()) {
      byte[] content = in.readAllBytes();
      return new Regular(new StaticFile(content, StaticFile.contentTag(content), date(connection.getLastModified())));
    }
  }

  /** A class-path directory: the same rules as {@link DirectorySource}, symlinks leaving the folder refused. */
  private Found loadFile(URL url, String name) throws IOException {
    Path path;
    try {
      path = Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return MISSING;
    }
    Path root = path;
    for (int depth = name.isEmpty() ? 0 : name.split("/").length; depth > 0; depth--) {
      root = root.getParent();
    }
    Path real = path.toRealPath();
    if (!real.startsWith(root.toRealPath())) {
      return MISSING;
    }
    if (Files.isDirectory(real)) {
      return FOLDER;
    }
    byte[] content = Files.readAllBytes(real);
    return new Regular(new StaticFile(content, StaticFile.contentTag(content),
        date(Files.getLastModifiedTime(real).toMillis())));
  }

  private String date(long millis) {
    return HttpDates.format(Instant.ofEpochMilli(millis > 0 ? millis : fallbackModified));
  }

  @Override
  public String toString() {
    return "classpath:" + folder;
  }
}
