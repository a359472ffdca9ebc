package dev.vial.files;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code Content-Type} of a file from its extension: a built-in table of web types, text types with
 * {@code ; charset=utf-8}, {@code application/octet-stream} for anything unknown. Combined with
 * {@code X-Content-Type-Options: nosniff}, which static responses carry, a browser never guesses.
 */
public final class ContentTypes {

  /** The type of a file whose extension is not in the table. */
  public static final String UNKNOWN = "application/octet-stream";

  private static final String UTF8 = "; charset=utf-8";

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", "text/html" + UTF8),
      Map.entry("htm", "text/html" + UTF8),
      Map.entry("css", "text/css" + UTF8),
      Map.entry("js", "text/javascript" + UTF8),
      Map.entry("mjs", "text/javascript" + UTF8),
      Map.entry("cjs", "text/javascript" + UTF8),
      Map.entry("json", "application/json"),
      Map.entry("map", "application/json"),
      Map.entry("webmanifest", "application/manifest+json"),
      Map.entry("txt", "text/plain" + UTF8),
      Map.entry("md", "text/markdown" + UTF8),
      Map.entry("csv", "text/csv" + UTF8),
      Map.entry("xml", "application/xml"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/vnd.microsoft.icon"),
      Map.entry("bmp", "image/bmp"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("br", "application/x-brotli"));

  private ContentTypes() {}

  /** The type for {@code fileName} ({@code "app.js"} → {@code text/javascript; charset=utf-8}). */
  public static String forName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    if (dot < 0 || dot < slash || dot == fileName.length() - 1) {
      return UNKNOWN;
    }
    return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
