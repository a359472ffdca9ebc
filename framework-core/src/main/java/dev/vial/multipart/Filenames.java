package dev.vial.multipart;

/**
 * Turns a client-supplied file name into one that is safe to use as a single path element. The raw
 * name of an upload is whatever the client sent: {@code ../../etc/passwd}, {@code C:\Users\x\a.txt},
 * names with NUL or control characters. Never build a path from it directly.
 */
public final class Filenames {

  private static final int MAX_LENGTH = 255;

  private Filenames() {}

  /**
   * The last path element of {@code name} (after the last {@code /} or {@code \}), without NUL, control
   * characters (C0, DEL, C1) and the bidirectional overrides that disguise extensions, without leading
   * dots and spaces (no hidden files, no {@code ..}) and trailing dots and spaces (Windows drops them),
   * cut to 255 characters. May be empty (e.g. for {@code ".."}): pick a name of your own then.
   * {@code null} stays {@code null}.
   *
   * <pre>{@code
   * Filenames.safeBaseName("../../etc/passwd")     // "passwd"
   * Filenames.safeBaseName("C:\\Users\\me\\a.txt") // "a.txt"
   * Filenames.safeBaseName(".bashrc")              // "bashrc"
   * }</pre>
   */
  public static String safeBaseName(String name) {
    if (name == null) {
      return null;
    }
    int start = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1;
    StringBuilder safe = new StringBuilder(name.length() - start);
    for (int i = start; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isUnsafe(c)) {
        safe.append(c);
      }
    }
    int from = 0;
    while (from < safe.length() && (safe.charAt(from) == '.' || safe.charAt(from) == ' ')) {
      from++;
    }
    int to = safe.length();
    while (to > from && (safe.charAt(to - 1) == '.' || safe.charAt(to - 1) == ' ')) {
      to--;
    }
    if (to - from > MAX_LENGTH) {
      to = from + MAX_LENGTH;
      if (Character.isHighSurrogate(safe.charAt(to - 1))) {
        to--;
      }
    }
    return safe.substring(from, to);
  }

  private static boolean isUnsafe(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
