package io.discogen;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What this generator was built with ({@code discogen.properties}, filtered by Maven), read once. */
public final class BuildInfo {
  private static final Properties PROPERTIES = read();

  private BuildInfo() {}

  /** A build property, or {@code fallback} when absent or unfiltered (run from sources). */
  public static String property(String key, String fallback) {
    String v = PROPERTIES.getProperty(key);
    return v == null || v.startsWith("${") ? fallback : v;
  }

  private static Properties read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("discogen.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // no properties: every lookup answers its fallback
    }
    return p;
  }
}
