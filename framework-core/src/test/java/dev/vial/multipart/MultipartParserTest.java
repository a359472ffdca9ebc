package dev.vial.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vial.HttpException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

  private static final String TYPE = "multipart/form-data; boundary=XyZ";

  private static Multipart parse(String body) {
    return parse(TYPE, body, MultipartLimits.defaults());
  }

  private static Multipart parse(String contentType, String body, MultipartLimits limits) {
    return Multipart.parse(contentType, body.getBytes(StandardCharsets.UTF_8), limits);
  }

  private static void assertRejected(ThrowingCallable call, int status, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(status))
        .hasMessageContaining(message);
  }

  @Test
  void readsFieldsAndFilesInBodyOrder() {
    Multipart form = parse("--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
        + "Holiday\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"photo\"; filename=\"beach.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n"
        + "\u00ff\u00d8binary\r\n\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"tag\"\r\n\r\n"
        + "sea\r\n"
        + "--XyZ--\r\n");

    assertThat(form.parts()).extracting(Part::name).containsExactly("title", "photo", "tag");
    assertThat(form.field("title")).isEqualTo("Holiday");
    Part photo = form.file("photo");
    assertThat(photo.filename()).isEqualTo("beach.jpg");
    assertThat(photo.contentType()).isEqualTo("image/jpeg");
    assertThat(photo.text()).isEqualTo("\u00ff\u00d8binary\r\n");
    assertThat(photo.size()).isEqualTo(photo.bytes().length);
    assertThat(form.fields()).containsExactly(
        java.util.Map.entry("title", java.util.List.of("Holiday")), java.util.Map.entry("tag", java.util.List.of("sea")));
    assertThat(form.files()).containsExactly(photo);
  }

  @Test
  void ignoresPreambleEpilogueAndTransportPadding() {
    Multipart form = parse("This is a preamble\r\n--XyZ  \t\r\n"
        + "Content-Disposition: form-data; name=a\r\n\r\n"
        + "1\r\n--XyZ--  and an epilogue");

    assertThat(form.field("a")).isEqualTo("1");
  }

  @Test
  void acceptsEmptyPartsPartsWithoutFilesAndAnEmptyForm() {
    assertThat(parse("--XyZ--").parts()).isEmpty();
    Multipart form = parse("--XyZ\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--XyZ--");
    assertThat(form.field("empty")).isEmpty();
  }

  @Test
  void boundaryLikeTextInsideContentIsContent() {
    Multipart form = parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
        + "x\r\n--XyZabc\r\n--XyZ-\r\n--Xy\r\n--XyZ--");

    assertThat(form.field("a")).isEqualTo("x\r\n--XyZabc\r\n--XyZ-\r\n--Xy");
  }

  @Test
  void acceptsAQuotedBoundaryOf70Characters() {
    String boundary = "'()+_,-./:=? " + "b".repeat(57);
    Multipart form = parse("multipart/form-data; boundary=\"" + boundary + "\"",
        "--" + boundary + "\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--" + boundary + "--",
        MultipartLimits.defaults());

    assertThat(form.field("a")).isEqualTo("1");
  }

  @Test
  void decodesQuotedEscapedAndExtendedFilenames() {
    Multipart form = parse("--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"a\"; filename=\"say \\\"hi\\\" \\\\ C:\\dir\\x.txt\"\r\n\r\n1\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; filename*=UTF-8''%E2%82%AC%20rates.txt; name=\"b\"; filename=\"EUR rates.txt\"\r\n\r\n2\r\n"
        + "--XyZ\r\n"
        + "content-disposition: FORM-DATA; NAME=c; FILENAME*=iso-8859-1'en'caf%E9.txt\r\n\r\n3\r\n"
        + "--XyZ\r\n"
        + "Content-Disposition: form-data; name=\"d\"; filename=\"h\u00e9llo \u4f60\u597d.txt\"\r\n\r\n4\r\n"
        + "--XyZ--");

    assertThat(form.part("a").filename()).isEqualTo("say \"hi\" \\ C:\\dir\\x.txt");
    assertThat(form.part("a").safeFilename()).isEqualTo("x.txt");
    assertThat(form.part("b").filename()).isEqualTo("\u20ac rates.txt");
    assertThat(form.part("c").filename()).isEqualTo("caf\u00e9.txt");
    assertThat(form.part("d").filename()).isEqualTo("h\u00e9llo \u4f60\u597d.txt");
  }

  @Test
  void emptyFilenameIsStillAFile() {
    Multipart form = parse("--XyZ\r\nContent-Disposition: form-data; name=f; filename=\"\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--");

    assertThat(form.file("f").filename()).isEmpty();
    assertThat(form.fields()).isEmpty();
  }

  @Test
  void keepsEveryPartHeaderAndUsesThePartCharsetForText() {
    byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
        + "Content-Type: text/plain; charset=ISO-8859-1\r\nX-Extra:  yes \r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\r\n--XyZ--".getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xe9;
    System.arraycopy(tail, 0, body, head.length + 1, tail.length);

    Part part = Multipart.parse(TYPE, body, MultipartLimits.defaults()).part("a");

    assertThat(part.headers().first("x-extra")).isEqualTo("yes");
    assertThat(part.text()).isEqualTo("\u00e9");
    assertThat(part.bytes()).containsExactly((byte) 0xe9);
  }

  @Test
  void refusesRequestsThatAreNotMultipartWithABoundary() {
    assertRejected(() -> parse(null, "", null), 400, "the request has no Content-Type");
    assertRejected(() -> parse("application/json", "{}", null), 400, "got Content-Type 'application/json'");
    assertRejected(() -> parse("multipart/form-data", "", null), 400, "has no boundary parameter");
    assertRejected(() -> parse("multipart/form-data; boundary=\"\"", "", null), 400, "has no boundary parameter");
    assertRejected(() -> parse("multipart/form-data; boundary=" + "b".repeat(71), "", null), 400,
        "71 characters long; at most 70");
    assertRejected(() -> parse("multipart/form-data; boundary=\"unterminated", "", null), 400,
        "unterminated quoted string");
  }

  @Test
  void refusesMalformedBodiesNamingTheProblem() {
    assertRejected(() -> parse(""), 400, "does not contain the boundary --XyZ");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nno end"), 400,
        "ends inside part 1, without the closing delimiter --XyZ--");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"), 400,
        "part 1 ends before the blank line that closes its headers");
    assertRejected(() -> parse("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"), 400,
        "part 1 has no Content-Disposition header");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n--XyZ--"), 400,
        "is 'attachment', not form-data");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; filename=a\r\n\r\nx\r\n--XyZ--"), 400,
        "part 1 has no name");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n--XyZ--"), 400,
        "unterminated quoted string");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a\r\n folded\r\n\r\nx\r\n--XyZ--"),
        400, "folded header line");
    assertRejected(() -> parse("--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--"), 400, "'Name: value' form");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a\u0000\r\n\r\nx\r\n--XyZ--"), 400,
        "control character in its Content-Disposition header");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a; filename*=UTF-8''%zz\r\n\r\n\r\n--XyZ--"),
        400, "filename* of part 1 has a malformed percent-escape (RFC 8187)");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a; filename*=KOI8-R''x\r\n\r\n\r\n--XyZ--"),
        400, "has charset 'KOI8-R'");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a; filename*=x.txt\r\n\r\n\r\n--XyZ--"),
        400, "is not charset'language'value");
    assertRejected(() -> parse("--XyZ\r\nContent-Disposition: form-data; name=a; filename*=UTF-8''%ff\r\n\r\n\r\n--XyZ--"),
        400, "is not valid UTF-8");
  }

  @Test
  void answers413NamingTheLimitForTooManyPartsOrTooLargeHeaders() {
    String part = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n";
    MultipartLimits three = MultipartLimits.defaults().withMaxParts(3);
    assertThat(parse(TYPE, part.repeat(3) + "--XyZ--", three).parts()).hasSize(3);
    assertRejected(() -> parse(TYPE, part.repeat(4) + "--XyZ--", three), 413, "more than 3 parts (the limit)");
    assertRejected(() -> parse(part.repeat(1001) + "--XyZ--"), 413, "more than 1000 parts (the limit)");

    String big = "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: " + "p".repeat(8192) + "\r\n\r\nx\r\n--XyZ--";
    assertRejected(() -> parse(big), 413, "The headers of multipart part 1 exceed 8192 bytes (the limit)");
    String fits = "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Pad: " + "p".repeat(8000) + "\r\n\r\nx\r\n--XyZ--";
    assertThat(parse(fits).field("a")).isEqualTo("x");
  }
}
