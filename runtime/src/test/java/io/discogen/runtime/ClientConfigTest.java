package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Root URL checks, defaults, and the optional google-auth dependency staying optional. */
class ClientConfigTest {

  private static Widgets withRoot(String root, boolean allowInsecure) {
    return new Widgets(ClientOptions.builder().rootUrl(root).allowInsecureHttp(allowInsecure).build());
  }

  @Test
  void defaultRootIsTheApisOwn() {
    Widgets w = new Widgets(null);
    assertEquals("https://widgets.googleapis.com/", w.client().baseUrl());
  }

  @Test
  void plainHttpOnlyToLoopbackOrWhenAllowed() {
    for (String ok : List.of("http://127.0.0.1:8080/", "http://127.5.6.7/", "http://localhost:9020",
        "http://[::1]:9020/", "https://emulator.example.com/", "https://example.com/prefix/")) {
      assertDoesNotThrow(() -> withRoot(ok, false), ok);
    }
    for (String bad : List.of("http://example.com/", "http://127.0.0.1.nip.io/", "http://10.0.0.1/",
        "http://localhost.evil.com/", "http://128.0.0.1/")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withRoot(bad, false), bad);
      assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());
    }
    assertDoesNotThrow(() -> withRoot("http://example.com/", true));
    assertEquals("http://localhost:9020/", withRoot("http://localhost:9020", false).client().baseUrl());
  }

  @Test
  void otherBadRootsAreRefused() {
    for (String bad : List.of("ftp://example.com/", "http://127.0.0.300/", "https://user:pw@example.com/", "not a url",
        "https://example.com/?x=1", "/relative/")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withRoot(bad, true), bad);
      assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }
  }

  @Test
  void optionsValidateTheirValues() {
    assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().maxResponseBytes(0));
    assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().requestTimeout(java.time.Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> ClientOptions.builder().userAgent("a\r\nb"));
  }

  @Test
  void typesListOf() {
    assertEquals("java.util.List<io.discogen.runtime.testapi.Widget>", Types.listOf(Widget.class).getTypeName());
    assertEquals(Types.listOf(Widget.class), Types.listOf(Widget.class));
  }

  /**
   * The runtime's core classes load and run without google-auth-library on the class path: a
   * class loader that sees only the runtime's classes and Jackson.
   */
  @Test
  void worksWithoutGoogleAuthLibrary() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.contains("jackson") || entry.endsWith("classes")) {
        if (!entry.endsWith("test-classes")) {
          urls.add(Path.of(entry).toUri().toURL());
        }
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.google.auth.oauth2.GoogleCredentials"));
      Class<?> creds = loader.loadClass("io.discogen.runtime.Credentials");
      Object key = creds.getMethod("apiKey", String.class).invoke(null, "k");
      Class<?> options = loader.loadClass("io.discogen.runtime.ClientOptions");
      Object builder = options.getMethod("builder").invoke(null);
      builder.getClass().getMethod("credentials", creds).invoke(builder, key);
      Object built = builder.getClass().getMethod("build").invoke(builder);
      Class<?> service = loader.loadClass("io.discogen.runtime.ServiceInfo");
      Object info = service.getConstructors()[0].newInstance("x", "v1", "https://x.example/", null, "", null, List.of());
      Object client = loader.loadClass("io.discogen.runtime.ApiClient").getConstructor(service, options)
          .newInstance(info, built);
      assertTrue(client.toString().contains("api-key"));
    }
  }
}
