package dev.vial.openapi;

/**
 * The {@code info} block of an app's OpenAPI document.
 *
 * @param title the API's name, e.g. {@code "Orders"}
 * @param version the API's version (not OpenAPI's), e.g. {@code "1.4.0"}
 * @param description a longer description (CommonMark), or {@code null}
 */
public record ApiInfo(String title, String version, String description) {

  /** What an app's document says when the app declared nothing. */
  public static final ApiInfo DEFAULT = new ApiInfo("Vial app", "0.0.0", null);

  /** Checks that title and version are present. */
  public ApiInfo {
    if (title == null || title.isBlank() || version == null || version.isBlank()) {
      throw new IllegalArgumentException("API title and version must not be blank");
    }
  }

  /** An info block without description. */
  public static ApiInfo of(String title, String version) {
    return new ApiInfo(title, version, null);
  }
}
