package io.discogen.write;

import io.discogen.GeneratedFile;
import io.discogen.ir.ApiModel;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The Maven project around generated sources: a {@code pom.xml} depending on the runtime that
 * builds with plain {@code mvn package} on Maven 3.6.3 and later. Every build plugin the project
 * uses is pinned: Maven 3.8's default compiler plugin (3.1) ignores {@code maven.compiler.release}
 * and fails with "Source option 5 is no longer supported".
 */
public final class ProjectFiles {
  /** Plugin versions the generated pom pins (those the Discogen build itself uses). */
  static final List<String[]> PLUGINS = List.of(
      new String[] {"maven-clean-plugin", "3.4.0"},
      new String[] {"maven-resources-plugin", "3.3.1"},
      new String[] {"maven-compiler-plugin", "3.13.0"},
      new String[] {"maven-surefire-plugin", "3.5.2"},
      new String[] {"maven-jar-plugin", "3.4.2"},
      new String[] {"maven-source-plugin", "3.3.1"},
      new String[] {"maven-install-plugin", "3.1.3"},
      new String[] {"maven-deploy-plugin", "3.1.3"});

  private ProjectFiles() {}

  public static GeneratedFile pom(List<ApiModel> apis, String runtimeVersion) {
    return pom(apis, runtimeVersion, false);
  }

  /**
   * The pom; with {@code cli}, depending on picocli too (the version the generator itself uses),
   * for the generated command-line programs.
   */
  public static GeneratedFile pom(List<ApiModel> apis, String runtimeVersion, boolean cli) {
    String artifact = apis.size() == 1 ? artifactId(apis.get(0).name(), apis.get(0).version()) : "discogen-clients";
    String name = apis.size() == 1 ? apis.get(0).displayName() + " client" : apis.size() + " API clients";
    // The command line of a Google API uses Application Default Credentials by default (CommandRunner).
    boolean google = cli && apis.stream().anyMatch(a -> a.scopes().stream()
        .anyMatch(s -> s.url().startsWith("https://www.googleapis.com/auth/")));
    String pom = pom(artifact, name, runtimeVersion, cli);
    if (google) {
      pom = pom.replace("\n  </dependencies>", "\n    <dependency>\n      <groupId>com.google.auth</groupId>\n"
          + "      <artifactId>google-auth-library-oauth2-http</artifactId>\n      <version>"
          + xml(buildProperty("googleAuthVersion", "1.52.0")) + "</version>\n    </dependency>\n  </dependencies>");
    }
    return new GeneratedFile("pom.xml", pom.getBytes(StandardCharsets.UTF_8));
  }

  /** A version this generator was built with (discogen.properties), or {@code fallback}. */
  private static String buildProperty(String key, String fallback) {
    try (java.io.InputStream in = ProjectFiles.class.getResourceAsStream("/io/discogen/discogen.properties")) {
      java.util.Properties p = new java.util.Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty(key, fallback);
      return v.startsWith("${") ? fallback : v;
    } catch (java.io.IOException e) {
      return fallback;
    }
  }

  /**
   * A valid Maven artifactId ({@code [A-Za-z0-9_.-]+}) for an API: {@code <name>-<version>-client},
   * lower case, accents dropped, every other run of characters one hyphen ({@code Pet Store} and
   * {@code 1.0.0} give {@code pet-store-1.0.0-client}; {@code dataproc} and {@code v1},
   * {@code dataproc-v1-client}).
   */
  public static String artifactId(String name, String version) {
    String n = slug(name);
    String v = slug(version);
    return (n.isEmpty() ? "api" : n) + (v.isEmpty() ? "" : "-" + v) + "-client";
  }

  private static String slug(String text) {
    String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < plain.length() && sb.length() < 60; i++) {
      char c = plain.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' && sb.length() > 0) {
        sb.append(c);
      } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue; // the accent of a letter NFKD split in two
      } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
        sb.append('-');
      }
    }
    int end = sb.length();
    while (end > 0 && (sb.charAt(end - 1) == '-' || sb.charAt(end - 1) == '.')) {
      end--;
    }
    return sb.substring(0, end);
  }

  static String pom(String artifactId, String name, String runtimeVersion) {
    return pom(artifactId, name, runtimeVersion, false);
  }

  static String pom(String artifactId, String name, String runtimeVersion, boolean cli) {
    String cliDependency = !cli ? "" : """
            <dependency>
              <groupId>info.picocli</groupId>
              <artifactId>picocli</artifactId>
              <version>%s</version>
            </dependency>
        """.formatted(xml(picocli.CommandLine.VERSION));
    StringBuilder plugins = new StringBuilder();
    for (String[] p : PLUGINS) {
      plugins.append("""
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>%s</artifactId>
                    <version>%s</version>
                  </plugin>
          """.formatted(p[0], p[1]));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by Discogen. Do not edit. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.discogen.generated</groupId>
          <artifactId>%s</artifactId>
          <version>%s</version>
          <name>%s</name>

          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
          </properties>

          <dependencies>
            <dependency>
              <groupId>io.discogen</groupId>
              <artifactId>discogen-runtime</artifactId>
              <version>%s</version>
            </dependency>
        %s  </dependencies>

          <build>
            <pluginManagement>
              <plugins>
        %s      </plugins>
            </pluginManagement>
            <plugins>
              <plugin>
                <!-- A sources jar beside the jar, as clients people ship have. -->
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-source-plugin</artifactId>
                <executions>
                  <execution>
                    <id>attach-sources</id>
                    <goals>
                      <goal>jar-no-fork</goal>
                    </goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(xml(artifactId), xml(runtimeVersion), xml(name), xml(runtimeVersion), cliDependency, plugins);
  }

  private static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        sb.append(c).append(s.charAt(++i));
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
        sb.append('\uFFFD'); // not allowed in XML 1.0, even as a character reference
      } else {
        sb.append(c);
      }
    }
    return sb.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
