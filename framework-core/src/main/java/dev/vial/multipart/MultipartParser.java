package dev.vial.multipart;

import dev.vial.Headers;
import dev.vial.HttpException;
import dev.vial.http.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written, single-pass {@code multipart/form-data} parser (RFC 7578 over RFC 2046), linear in
 * the body size whatever the bytes: every byte is looked at a bounded number of times, whatever the
 * boundary length, the number of CRs or CRLFs, or where they are.
 *
 * <p>The delimiter searched for is {@code CRLF "--" boundary}. Its only CR is its first byte (a boundary
 * is printable ASCII), so after a partial match of {@code j} bytes no match can start inside them, and
 * the search resumes at the mismatch: no byte is compared twice by the search. A match counts as a
 * delimiter only when followed by {@code --} (the close delimiter) or by optional spaces and tabs and
 * CRLF; otherwise the search resumes after those spaces, which hold no CR either.
 */
final class MultipartParser {

  static final String MEDIA_TYPE = "multipart/form-data";
  private static final int MAX_BOUNDARY = 70;

  private MultipartParser() {}

  static Multipart parse(String contentType, byte[] body, MultipartLimits limits) {
    byte[] delimiter = delimiter(contentType);
    int pos = openingDelimiterEnd(body, delimiter);
    List<Part> parts = new ArrayList<>();
    int number = 0;
    while (!(pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-')) {
      pos = skipPaddingAndCrlf(body, pos);
      number++;
      if (number > limits.maxParts()) {
        throw new HttpException(413, "Multipart body has more than " + limits.maxParts() + " parts (the limit)");
      }
      int headersEnd = headersEnd(body, pos, limits.maxPartHeaderBytes(), number);
      Headers headers = parseHeaders(body, pos, headersEnd, number);
      int contentStart = headersEnd == pos ? pos + 2 : headersEnd + 4;
      int next = findDelimiter(body, contentStart, delimiter);
      if (next < 0) {
        throw malformed("it ends inside part " + number + ", without the closing delimiter --"
            + boundaryText(delimiter) + "--");
      }
      parts.add(part(headers, number, body, contentStart, next - contentStart));
      pos = next + delimiter.length;
    }
    return new Multipart(parts);
  }

  /** {@code CRLF "--" boundary} as bytes, from the request's Content-Type. */
  private static byte[] delimiter(String contentType) {
    if (contentType == null) {
      throw new HttpException(400, "Expected a multipart/form-data body, but the request has no Content-Type");
    }
    HeaderParameters type;
    try {
      type = HeaderParameters.parse(contentType);
    } catch (IllegalArgumentException e) {
      throw new HttpException(400, "Malformed Content-Type: " + e.getMessage());
    }
    if (!type.type().equals(MEDIA_TYPE)) {
      throw new HttpException(400, "Expected a multipart/form-data body, got Content-Type '"
          + HeaderParameters.shorten(type.type()) + "'");
    }
    String boundary = type.param("boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new HttpException(400, "Content-Type multipart/form-data has no boundary parameter");
    }
    if (boundary.length() > MAX_BOUNDARY) {
      throw new HttpException(400, "Multipart boundary is " + boundary.length() + " characters long; at most "
          + MAX_BOUNDARY + " are allowed");
    }
    for (int i = 0; i < boundary.length(); i++) {
      char c = boundary.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new HttpException(400, "Multipart boundary contains a character that is not printable ASCII");
      }
    }
    return ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
  }

  /** The index just after the first {@code --boundary} that opens a delimiter line. */
  private static int openingDelimiterEnd(byte[] body, byte[] delimiter) {
    int dashBoundary = delimiter.length - 2;
    if (startsWith(body, 0, delimiter, 2) && isDelimiterEnd(body, dashBoundary)) {
      return dashBoundary;
    }
    int first = findDelimiter(body, 0, delimiter);
    if (first < 0) {
      throw malformed("it does not contain the boundary --" + boundaryText(delimiter) + " given in its Content-Type");
    }
    return first + delimiter.length;
  }

  private static boolean isDelimiterEnd(byte[] body, int k) {
    if (k + 1 < body.length && body[k] == '-' && body[k + 1] == '-') {
      return true;
    }
    while (k < body.length && (body[k] == ' ' || body[k] == '\t')) {
      k++;
    }
    return k + 1 < body.length && body[k] == '\r' && body[k + 1] == '\n';
  }

  /** The index of the next delimiter at or after {@code from}, or -1. */
  static int findDelimiter(byte[] body, int from, byte[] delimiter) {
    int i = from;
    while (true) {
      int match = indexOf(body, i, delimiter);
      if (match < 0) {
        return -1;
      }
      int k = match + delimiter.length;
      if (k + 1 < body.length && body[k] == '-' && body[k + 1] == '-') {
        return match;
      }
      while (k < body.length && (body[k] == ' ' || body[k] == '\t')) {
        k++;
      }
      if (k + 1 < body.length && body[k] == '\r' && body[k + 1] == '\n') {
        return match;
      }
      i = k; // nothing in (match, k) is a CR, so no delimiter starts there
    }
  }

  /** The index of {@code pattern} (a CR, then bytes without CR) at or after {@code from}, or -1. */
  private static int indexOf(byte[] body, int from, byte[] pattern) {
    int last = body.length - pattern.length;
    int i = from;
    while (i <= last) {
      if (body[i] != '\r') {
        i++;
        continue;
      }
      int j = 1;
      while (j < pattern.length && body[i + j] == pattern[j]) {
        j++;
      }
      if (j == pattern.length) {
        return i;
      }
      i += j; // body[i+1 .. i+j) equals pattern[1 .. j), which has no CR: no match starts there
    }
    return -1;
  }

  private static boolean startsWith(byte[] body, int at, byte[] pattern, int patternFrom) {
    int length = pattern.length - patternFrom;
    if (at + length > body.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (body[at + i] != pattern[patternFrom + i]) {
        return false;
      }
    }
    return true;
  }

  /** After a delimiter that is not the close delimiter: skips transport padding and the CRLF. */
  private static int skipPaddingAndCrlf(byte[] body, int pos) {
    while (body[pos] == ' ' || body[pos] == '\t') {
      pos++;
    }
    return pos + 2; // findDelimiter and openingDelimiterEnd checked that a CRLF is here
  }

  /**
   * Where the header block starting at {@code pos} ends: {@code pos} itself when the part has no
   * headers (a CRLF right away), else the index of the CRLF CRLF after the last header line.
   */
  private static int headersEnd(byte[] body, int pos, int maxBytes, int number) {
    if (pos + 1 < body.length && body[pos] == '\r' && body[pos + 1] == '\n') {
      return pos;
    }
    int limit = (int) Math.min(body.length, (long) pos + maxBytes + 4);
    for (int i = pos; i + 3 < limit; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n' && body[i + 2] == '\r' && body[i + 3] == '\n') {
        return i;
      }
    }
    if (limit < body.length) {
      throw new HttpException(413, "The headers of multipart part " + number + " exceed " + maxBytes
          + " bytes (the limit)");
    }
    throw malformed("part " + number + " ends before the blank line that closes its headers");
  }

  private static Headers parseHeaders(byte[] body, int from, int to, int number) {
    Headers.Builder headers = Headers.builder();
    int lineStart = from;
    while (lineStart < to) {
      int lineEnd = lineStart;
      while (lineEnd < to && !(body[lineEnd] == '\r' && lineEnd + 1 < to && body[lineEnd + 1] == '\n')) {
        lineEnd++;
      }
      addHeader(headers, body, lineStart, lineEnd, number);
      lineStart = lineEnd + 2;
    }
    return headers.build();
  }

  private static void addHeader(Headers.Builder headers, byte[] body, int from, int to, int number) {
    if (body[from] == ' ' || body[from] == '\t') {
      throw malformed("part " + number + " has a folded header line (obsolete line folding is not allowed)");
    }
    int colon = from;
    while (colon < to && body[colon] != ':') {
      byte c = body[colon];
      if (c <= 0x20 || c >= 0x7f || "()<>@,;\\\"/[]?={}".indexOf(c) >= 0) {
        throw malformed("part " + number + " has a header line without a valid 'Name: value' form");
      }
      colon++;
    }
    if (colon == from || colon == to) {
      throw malformed("part " + number + " has a header line without a valid 'Name: value' form");
    }
    String name = new String(body, from, colon - from, StandardCharsets.US_ASCII);
    int valueStart = colon + 1;
    int valueEnd = to;
    while (valueStart < valueEnd && (body[valueStart] == ' ' || body[valueStart] == '\t')) {
      valueStart++;
    }
    while (valueEnd > valueStart && (body[valueEnd - 1] == ' ' || body[valueEnd - 1] == '\t')) {
      valueEnd--;
    }
    for (int i = valueStart; i < valueEnd; i++) {
      byte c = body[i];
      if ((c >= 0 && c < 0x20 && c != '\t') || c == 0x7f) {
        throw malformed("part " + number + " has a control character in its " + name + " header");
      }
    }
    byte[] raw = java.util.Arrays.copyOfRange(body, valueStart, valueEnd);
    String value = Utf8.decodeOrNull(raw);
    headers.add(name, value != null ? value : new String(raw, StandardCharsets.ISO_8859_1));
  }

  private static Part part(Headers headers, int number, byte[] body, int offset, int length) {
    String disposition = headers.first("Content-Disposition");
    if (disposition == null) {
      throw malformed("part " + number + " has no Content-Disposition header");
    }
    HeaderParameters params;
    try {
      params = HeaderParameters.parse(disposition);
    } catch (IllegalArgumentException e) {
      throw malformed("the Content-Disposition of part " + number + " is malformed: " + e.getMessage());
    }
    if (!params.type().equals("form-data")) {
      throw malformed("the Content-Disposition of part " + number + " is '" + HeaderParameters.shorten(params.type())
          + "', not form-data");
    }
    String name = params.param("name");
    if (name == null) {
      throw malformed("the Content-Disposition of part " + number + " has no name");
    }
    String filename = params.param("filename");
    String extended = params.param("filename*");
    if (extended != null) {
      try {
        filename = HeaderParameters.decodeExtValue(extended);
      } catch (IllegalArgumentException e) {
        throw malformed("the filename* of part " + number + " " + e.getMessage() + " (RFC 8187)");
      }
    }
    return new Part(name, filename, headers, body, offset, length);
  }

  private static String boundaryText(byte[] delimiter) {
    return new String(delimiter, 4, delimiter.length - 4, StandardCharsets.US_ASCII);
  }

  private static HttpException malformed(String problem) {
    return new HttpException(400, "Malformed multipart body: " + problem);
  }
}
