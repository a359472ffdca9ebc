package dev.vial.files;

import dev.vial.http.HttpDates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * Files from a directory on disk, read on each request (so edits show at once). The {@code ETag} is made
 * from size and modification time, as nginx does, so no file is hashed per request. A name whose real
 * path (symlinks resolved) leaves the root, or passes through a dot-name inside it, is missing.
 */
final class DirectorySource implements FileSource {

  private final Path root;

  DirectorySource(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("Static files directory " + root + " cannot be read: " + e, e);
    }
    if (!Files.isDirectory(this.root)) {
      throw new IllegalArgumentException("Static files directory " + root + " is not a directory");
    }
  }

  @Override
  public Found find(String name) throws IOException {
    Path real;
    try {
      real = root.resolve(name).toRealPath();
    } catch (NoSuchFileException | java.nio.file.NotDirectoryException missing) {
      return MISSING;
    }
    if (!real.startsWith(root)) {
      return MISSING;
    }
    for (Path part : root.relativize(real)) {
      if (!PathGuard.isSafe(part.toString())) {
        return MISSING;
      }
    }
    BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isDirectory()) {
      return FOLDER;
    }
    if (!attributes.isRegularFile()) {
      return MISSING;
    }
    byte[] content = Files.readAllBytes(real);
    long modified = attributes.lastModifiedTime().toMillis();
    String etag = "\"" + Long.toHexString(content.length) + "-" + Long.toHexString(modified) + "\"";
    return new Regular(new StaticFile(content, etag, HttpDates.format(Instant.ofEpochMilli(modified))));
  }

  @Override
  public String toString() {
    return "directory:" + root;
  }
}
