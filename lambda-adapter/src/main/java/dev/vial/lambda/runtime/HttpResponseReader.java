package dev.vial.lambda.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from the Runtime API: status line, header fields, and a body framed by
 * {@code Content-Length} or chunked transfer coding (trailers read and dropped). Bounded: the head may take
 * {@link #MAX_HEAD_BYTES}, the body {@code maxBodyBytes}; anything malformed or over a bound is a
 * {@link ProtocolException}, and an early end of the stream an {@link java.io.EOFException}. Each byte is looked
 * at a constant number of times.
 */
final class HttpResponseReader {

  /** Status line, header fields and trailers together. */
  static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_FIELDS = 200;
  /** A chunk-size line, extensions included. */
  private static final int MAX_CHUNK_LINE = 1024;

  /** A response: status, header fields by lower-case name (the last one wins), body. */
  record RawResponse(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final InputStream in;
  private final int maxBodyBytes;
  private int headBudget = MAX_HEAD_BYTES;

  private HttpResponseReader(InputStream in, int maxBodyBytes) {
    this.in = in;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Reads one response from {@code in}, which should be buffered. */
  static RawResponse read(InputStream in, int maxBodyBytes) throws IOException {
    return new HttpResponseReader(in, maxBodyBytes).read();
  }

  private RawResponse read() throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
        || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
      throw new ProtocolException("Malformed status line from the Runtime API: " + printable(statusLine));
    }
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("Malformed status code from the Runtime API: " + printable(statusLine));
      }
      status = status * 10 + (c - '0');
    }
    Map<String, String> headers = new LinkedHashMap<>();
    readFields(headers);
    byte[] body;
    String transferEncoding = headers.get("transfer-encoding");
    String contentLength = headers.get("content-length");
    if (status < 200 || status == 204 || status == 304) {
      body = new byte[0];
    } else if (transferEncoding != null) {
      if (!transferEncoding.trim().equalsIgnoreCase("chunked")) {
        throw new ProtocolException("Unsupported Transfer-Encoding from the Runtime API: " + printable(transferEncoding));
      }
      body = chunked();
    } else if (contentLength != null) {
      body = fixed(parseLength(contentLength));
    } else {
      throw new ProtocolException("Runtime API response without Content-Length or chunked body (status " + status + ")");
    }
    return new RawResponse(status, headers, body);
  }

  private void readFields(Map<String, String> into) throws IOException {
    int count = 0;
    for (String line = line(); !line.isEmpty(); line = line()) {
      if (++count > MAX_FIELDS) {
        throw new ProtocolException("More than " + MAX_FIELDS + " header fields from the Runtime API");
      }
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
        throw new ProtocolException("Malformed header field from the Runtime API: " + printable(line));
      }
      into.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
  }

  private int parseLength(String value) throws ProtocolException {
    String digits = value.trim();
    if (digits.isEmpty() || digits.length() > 10) {
      throw new ProtocolException("Malformed Content-Length from the Runtime API: " + printable(value));
    }
    long length = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("Malformed Content-Length from the Runtime API: " + printable(value));
      }
      length = length * 10 + (c - '0');
    }
    if (length > maxBodyBytes) {
      throw new ProtocolException("Runtime API body of " + length + " bytes exceeds the limit of " + maxBodyBytes);
    }
    return (int) length;
  }

  private byte[] fixed(int length) throws IOException {
    byte[] body = in.readNBytes(length);
    if (body.length < length) {
      throw new java.io.EOFException("The Runtime API closed the connection after " + body.length + " of " + length
          + " body bytes");
    }
    return body;
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = chunkLine();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      if (hex.isEmpty() || hex.length() > 8) {
        throw new ProtocolException("Malformed chunk size from the Runtime API: " + printable(sizeLine));
      }
      long size = 0;
      for (int i = 0; i < hex.length(); i++) {
        int digit = Character.digit(hex.charAt(i), 16);
        if (digit < 0) {
          throw new ProtocolException("Malformed chunk size from the Runtime API: " + printable(sizeLine));
        }
        size = size * 16 + digit;
      }
      if (size == 0) {
        readFields(new LinkedHashMap<>()); // trailers: nothing the runtime needs
        return body.toByteArray();
      }
      if (body.size() + size > maxBodyBytes) {
        throw new ProtocolException("Runtime API body exceeds the limit of " + maxBodyBytes + " bytes");
      }
      body.write(fixed((int) size));
      if (!chunkLine().isEmpty()) {
        throw new ProtocolException("Chunk data from the Runtime API is longer than its size");
      }
    }
  }

  /** A line of the head or the trailers, counted against the head budget. */
  private String line() throws IOException {
    int before = headBudget;
    String line = line(headBudget);
    headBudget = before - line.length() - 1;
    return line;
  }

  /** A chunk-size line or the CRLF after chunk data: short lines, each bounded on its own. */
  private String chunkLine() throws IOException {
    return line(MAX_CHUNK_LINE);
  }

  /** One line without its CRLF (a bare LF is accepted) of at most {@code max} bytes. */
  private String line(int max) throws IOException {
    StringBuilder line = new StringBuilder(16);
    int budget = max;
    while (true) {
      int c = in.read();
      if (c == -1) {
        throw new java.io.EOFException("The Runtime API closed the connection mid-line");
      }
      if (--budget < 0) {
        throw new ProtocolException("Runtime API response head or chunk line exceeds its limit of " + max + " bytes");
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) c);
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), 80));
    for (int i = 0; i < text.length() && i < 80; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
