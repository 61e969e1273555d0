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
    return pom(apis, runtimeVersion, List.of());
  }

  /** The command line ({@code --cli}) of one API: the class whose {@code main} runs it. */
  public record CommandLine(ApiModel api, String mainClass) { }

  /**
   * The pom; with {@code commands} (the {@code --cli} programs), depending on picocli too (the
   * version the generator itself uses), on google-auth-library where an API is Google's (its
   * command line uses Application Default Credentials), and building a runnable jar of all of it,
   * {@code target/<artifact>-<version>-cli.jar}, beside the client's.
   */
  public static GeneratedFile pom(List<ApiModel> apis, String runtimeVersion, List<CommandLine> commands) {
    boolean cli = !commands.isEmpty();
    boolean google = cli && apis.stream().anyMatch(ApiModel::usesGoogleScopes);
    String pom = pom(artifactId(apis), name(apis), runtimeVersion, cli);
    if (google) {
      pom = pom.replace("\n  </dependencies>", "\n    <dependency>\n      <groupId>com.google.auth</groupId>\n"
          + "      <artifactId>google-auth-library-oauth2-http</artifactId>\n      <version>"
          + xml(io.discogen.BuildInfo.property("googleAuthVersion", "1.52.0")) + "</version>\n    </dependency>\n  </dependencies>");
    }
    if (cli) {
      String main = commands.size() == 1
          ? "\n                  <mainClass>" + xml(commands.get(0).mainClass()) + "</mainClass>" : "";
      pom = pom.replace("\n    </plugins>\n  </build>", ("\n" + """
                  <plugin>
                    <!-- The command line and everything it needs in one jar: target/*-cli.jar (bin/ runs it). -->
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-shade-plugin</artifactId>
                    <version>%s</version>
                    <executions>
                      <execution>
                        <phase>package</phase>
                        <goals>
                          <goal>shade</goal>
                        </goals>
                        <configuration>
                          <shadedArtifactAttached>true</shadedArtifactAttached>
                          <shadedClassifierName>cli</shadedClassifierName>
                          <createDependencyReducedPom>false</createDependencyReducedPom>
                          <filters>
                            <filter>
                              <artifact>*:*</artifact>
                              <excludes>
                                <exclude>META-INF/*.SF</exclude>
                                <exclude>META-INF/*.DSA</exclude>
                                <exclude>META-INF/*.RSA</exclude>
                                <exclude>META-INF/MANIFEST.MF</exclude>
                                <exclude>module-info.class</exclude>
                                <exclude>META-INF/versions/*/module-info.class</exclude>
                              </excludes>
                            </filter>
                          </filters>
                          <transformers>
                            <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">%s
                              <manifestEntries>
                                <Multi-Release>true</Multi-Release>
                              </manifestEntries>
                            </transformer>
                            <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                          </transformers>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
            """.formatted(SHADE_VERSION, main)).stripTrailing() + "\n    </plugins>\n  </build>");
    }
    return new GeneratedFile("pom.xml", pom.getBytes(StandardCharsets.UTF_8));
  }

  private static final String SHADE_VERSION = "3.6.0";

  private static String artifactId(List<ApiModel> apis) {
    return apis.size() == 1 ? artifactId(apis.get(0).name(), apis.get(0).version()) : "discogen-clients";
  }

  private static String name(List<ApiModel> apis) {
    return apis.size() == 1 ? apis.get(0).displayName() + " client" : apis.size() + " API clients";
  }

  /**
   * A launcher per command line, {@code bin/<api>} ({@code bin/<api>-<version>} where two APIs
   * share a name): runs the jar the pom builds with class-data sharing, as {@code bin/discogen} does.
   */
  public static List<GeneratedFile> launchers(List<ApiModel> apis, String version, List<CommandLine> commands) {
    String jar = artifactId(apis) + "-" + version + "-cli.jar";
    java.util.Map<String, Long> names = new java.util.HashMap<>();
    for (CommandLine c : commands) {
      names.merge(slug(c.api().name()), 1L, Long::sum);
    }
    List<GeneratedFile> out = new java.util.ArrayList<>();
    for (CommandLine c : commands) {
      String command = slug(c.api().name());
      if (command.isEmpty() || names.get(command) > 1) {
        command = slug(c.api().name() + "-" + c.api().version());
      }
      if (command.isEmpty()) {
        command = "api";
      }
      out.add(new GeneratedFile("bin/" + command, launcher(command, c.mainClass(), jar).getBytes(StandardCharsets.UTF_8),
          true));
    }
    return out;
  }

  static String launcher(String command, String mainClass, String jar) {
    String env = command.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    return """
        #!/bin/sh
        # %1$s: the command line of the generated client (%2$s), from target/%3$s (mvn package builds it).
        # Generated by Discogen. Do not edit.
        #
        # - Class data sharing: the first successful run for a given JDK and jar that sends a request
        #   (not help, --version, --dry-run or generate-completion, which load too few of the classes a
        #   call needs) records the classes it loads in an AppCDS archive under
        #   ${XDG_CACHE_HOME:-~/.cache}/discogen-cli (that run is slower, once); later runs map it
        #   instead of loading and verifying those classes from the jar. A rebuilt jar or another JDK
        #   gets a new archive; one the JVM cannot use is ignored.
        # - The JIT's C1 compiler only, on one thread, the serial collector and no perf-data file: a
        #   command runs for well under a second. Paths are worked out with the shell's own expansions:
        #   every program it starts costs a few milliseconds.
        #
        # Environment: JAVA_HOME (else java on PATH), %4$s_JAR (another jar), %4$s_JAVA_OPTS (JVM
        # options, given last), %4$s_CDS=0 (no archive).
        set -u

        self=$0
        while [ -h "$self" ]; do
          link=$(readlink "$self")
          case $self in */*) dir=${self%%/*} ;; *) dir=. ;; esac
          case $link in /*) self=$link ;; *) self=$dir/$link ;; esac
        done
        case $self in */*) here=${self%%/*} ;; *) here=. ;; esac
        case $here in /*) ;; *) here=$PWD/$here ;; esac

        jar=${%4$s_JAR:-$here/../target/%3$s}
        case $jar in /*) ;; *) jar=$PWD/$jar ;; esac
        if [ ! -f "$jar" ]; then
          echo "%1$s: cannot find $jar (build it with mvn package, or set %4$s_JAR)" >&2
          exit 2
        fi

        if [ -n "${JAVA_HOME:-}" ]; then
          java=$JAVA_HOME/bin/java
        else
          java=$(command -v java) || { echo "%1$s: no java on PATH (Java 17 or later; or set JAVA_HOME)" >&2; exit 2; }
        fi

        opts="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData"
        sends=$#
        for arg in "$@"; do
          case $arg in -h|--help|-V|--version|--dry-run|generate-completion) sends=0 ;; esac
        done
        cds=
        dump=
        if [ "${%4$s_CDS:-1}" != 0 ]; then
          cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/discogen-cli
          # The jar's path, size and time, the JDK's (java followed through its links: a new JDK is
          # a new file) and the options: an archive for each.
          key=$({ stat -L -c '%%n %%s %%Y' "$jar" "$java" 2>/dev/null \
              || stat -L -f '%%N %%z %%m' "$jar" "$java" 2>/dev/null \
              || echo "$jar $java"; echo "$opts ${%4$s_JAVA_OPTS:-}"; } | cksum)
          archive=$cache/%1$s-${key%%%% *}.jsa
          if [ -f "$archive" ]; then
            cds=-XX:SharedArchiveFile=$archive
          elif [ "$sends" != 0 ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
            dump=$archive.$$.tmp
            cds=-XX:ArchiveClassesAtExit=$dump
          fi
        fi

        if [ -z "$dump" ]; then
          # shellcheck disable=SC2086
          exec "$java" -Xshare:auto -Xlog:cds*=off ${cds:+"$cds"} $opts ${%4$s_JAVA_OPTS:-} -cp "$jar" %2$s "$@"
        fi
        # -Xbatch while recording: JDK 17 archives a method queued for compilation as such, and never
        # compiles it in later runs (JDK-8306460).
        # shellcheck disable=SC2086
        "$java" -Xshare:auto -Xlog:cds*=off -Xbatch "$cds" $opts ${%4$s_JAVA_OPTS:-} -cp "$jar" %2$s "$@"
        status=$?
        if [ "$status" = 0 ] && [ -s "$dump" ]; then
          mv -f "$dump" "$archive" 2>/dev/null || rm -f "$dump"
        else
          rm -f "$dump"
        fi
        exit $status
        """.formatted(command, mainClass, jar, env);
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
