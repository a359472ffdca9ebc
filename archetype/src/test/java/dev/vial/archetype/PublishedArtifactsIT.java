package dev.vial.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What this build publishes, read from the repository the invoker plugin installed it into: the BOM lists
 * the library modules, and each library carries what Maven Central and the module path need.
 */
class PublishedArtifactsIT {

  private static final String GROUP = "dev.vial";
  private static final Pattern MODULE_NAME = Pattern.compile("dev\\.vial(\\.[a-z][a-z0-9]*)+");

  private static Path repository;
  private static String version;
  private static List<String> libraries;

  @BeforeAll
  static void readTheBom() throws Exception {
    repository = Path.of(ItProperties.require("it.repository"));
    version = ItProperties.require("vial.version");
    Document bom = pom("vial-bom");
    libraries = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(text(dependency, "groupId")).isEqualTo(GROUP);
      assertThat(text(dependency, "version")).isEqualTo("${project.version}");
      libraries.add(text(dependency, "artifactId"));
    }
  }

  @Test
  void theBomListsEveryLibraryAtTheBuildsVersion() throws Exception {
    assertThat(libraries).contains("vial-core", "vial-server", "vial-lambda", "vial-launcher", "vial-docs-ui",
        "vial-testkit");
    assertThat(text(pom("vial-bom").getDocumentElement(), "version")).isEqualTo(version);
  }

  @Test
  void everyLibraryNamesItsModuleInItsManifest() throws IOException {
    Map<String, String> moduleNames = new HashMap<>();
    for (String library : libraries) {
      try (JarFile jar = new JarFile(file(library, ".jar").toFile())) {
        moduleNames.put(library, jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      }
    }

    assertThat(moduleNames).containsAllEntriesOf(Map.of("vial-core", "dev.vial.core", "vial-server",
        "dev.vial.server", "vial-lambda", "dev.vial.lambda", "vial-launcher", "dev.vial.launcher",
        "vial-docs-ui", "dev.vial.docs", "vial-testkit", "dev.vial.testkit"));
    assertThat(moduleNames.values()).as("module names, one per library")
        .allMatch(name -> name != null && MODULE_NAME.matcher(name).matches())
        .doesNotHaveDuplicates();
  }

  @Test
  void noPackageIsSplitBetweenLibraries() throws IOException {
    Map<String, String> owners = new HashMap<>();
    for (String library : libraries) {
      for (String pkg : packages(file(library, ".jar"), ".class")) {
        String earlier = owners.putIfAbsent(pkg, library);
        assertThat(earlier).as("package %s is in both %s and %s (not allowed on the module path)",
            pkg, earlier, library).isNull();
      }
    }
  }

  @Test
  void everyLibraryCarriesItsSourcesAndJavadoc() throws IOException {
    for (String library : libraries) {
      Set<String> packages = packages(file(library, ".jar"), ".class");

      assertThat(packages(file(library, "-sources.jar"), ".java")).as("%s-sources.jar", library)
          .containsAll(packages);
      try (JarFile javadoc = new JarFile(file(library, "-javadoc.jar").toFile())) {
        assertThat(javadoc.getEntry("index.html")).as("%s-javadoc.jar's index.html", library).isNotNull();
      }
    }
  }

  @Test
  void everyPomSaysWhatMavenCentralRequires() throws Exception {
    for (String standalone : List.of("vial-parent", "vial-bom")) {   // the libraries inherit the parent's
      Element pom = pom(standalone).getDocumentElement();
      assertThat(text(pom, "url")).as("%s's url", standalone).startsWith("https://");
      assertThat(text(pom, "licenses")).as("%s's licence", standalone).contains("Apache-2.0");
      assertThat(text(pom, "developers")).as("%s's developers", standalone).isNotBlank();
      assertThat(text(pom, "scm")).as("%s's scm", standalone).contains("scm:git:");
    }
    for (String library : libraries) {
      Element pom = pom(library).getDocumentElement();
      assertThat(text(pom, "name")).as("%s's name", library).isNotBlank();
      assertThat(text(pom, "description")).as("%s's description", library).isNotBlank();
      assertThat(text((Element) pom.getElementsByTagName("parent").item(0), "artifactId")).isEqualTo("vial-parent");
    }
  }

  @Test
  void theLambdaAdaptersTypedEventsStayOptional() throws Exception {
    NodeList dependencies = pom("vial-lambda").getElementsByTagName("dependency");
    Element events = null;
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      if (text(dependency, "artifactId").equals("aws-lambda-java-events")) {
        events = dependency;
      }
    }
    assertThat(events).as("vial-lambda's aws-lambda-java-events dependency").isNotNull();
    assertThat(text(events, "optional")).isEqualTo("true");
  }

  private static Path file(String artifactId, String suffix) {
    Path file = repository.resolve(GROUP.replace('.', '/')).resolve(artifactId).resolve(version)
        .resolve(artifactId + "-" + version + suffix);
    assertThat(file).as("installed for the integration test (a dependency of archetype/pom.xml?)").isRegularFile();
    return file;
  }

  private static Document pom(String artifactId) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file(artifactId, ".pom").toFile());
  }

  /** The text of {@code parent}'s first child element {@code name}, or {@code ""}. */
  private static String text(Element parent, String name) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().strip();
      }
    }
    return "";
  }

  private static Set<String> packages(Path jarFile, String suffix) throws IOException {
    Set<String> packages = new TreeSet<>();
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(suffix) && !name.startsWith("META-INF/") && name.contains("/")
            && !name.endsWith("module-info" + suffix) && !name.endsWith("package-info" + suffix)) {
          packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
        }
      }
    }
    return packages;
  }
}
