package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.runtime.testapi.Widget;
import io.discogen.runtime.testapi.Widgets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the runtime logs (through System.Logger, here backed by java.util.logging): no secrets. */
class LoggingTest {
  private static final String KEY = "AIzaLOGSECRET";
  private static final String TOKEN = "ya29.LOGSECRET";
  private static final String ACCESS_TOKEN_PARAM = "oauth-param-LOGSECRET";

  private final Logger logger = Logger.getLogger("io.discogen.runtime");
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      messages.add(r.getLevel() + " " + r.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private Level previous;
  private FakeServer server;

  @BeforeEach
  void capture() throws Exception {
    previous = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    server = new FakeServer((ex, req, n) -> {
      if (n == 1) {
        FakeServer.respond(ex, 503, "{}");
      } else {
        FakeServer.respond(ex, 200, "{\"name\":\"w\",\"state\":\"RESPONSE-BODY-MARKER\"}");
      }
    });
  }

  @AfterEach
  void release() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
    server.close();
  }

  private String all() {
    return String.join("\n", messages);
  }

  @Test
  void logsMethodUrlStatusAndLatencyWithoutSecrets() {
    Widgets w = new Widgets(server.options().credentials(Credentials.apiKey(KEY)).build());
    w.get("projects/p/widgets/w").setAccessToken(ACCESS_TOKEN_PARAM).execute();
    String log = all();
    assertTrue(log.contains("widgets.projects.widgets.get: GET " + server.url()
        + "v1/projects/p/widgets/w?access_token=REDACTED&prettyPrint=false&key=REDACTED (attempt 1)"), log);
    assertTrue(log.contains("-> 503 in "), log);
    assertTrue(log.contains("-> 200 in "), log);
    assertTrue(log.contains(" ms"), log);
    assertTrue(log.contains("retrying in"), log);
    assertFalse(log.contains(KEY), log);
    assertFalse(log.contains(ACCESS_TOKEN_PARAM), log);
    assertFalse(log.contains("RESPONSE-BODY-MARKER"), "no bodies unless asked");
  }

  @Test
  void bearerTokensNeverLogged() {
    Widgets w = new Widgets(server.options().credentials(Credentials.bearerToken(TOKEN)).logBodies(true).build());
    w.get("projects/p/widgets/w").execute(); // 503, retried, 200
    w.insert("projects/p", new Widget().setName("REQUEST-BODY-MARKER")).execute();
    assertTrue(all().contains("REQUEST-BODY-MARKER"));
    String log = all();
    assertFalse(log.contains(TOKEN), log);
    assertFalse(log.contains("LOGSECRET"), log);
  }

  @Test
  void bodiesOnlyWhenAsked() {
    Widgets w = new Widgets(server.options().logBodies(true).build());
    server.handler((ex, req, n) -> FakeServer.respond(ex, 200, "{\"name\":\"w\",\"state\":\"RESPONSE-BODY-MARKER\"}"));
    w.insert("projects/p", new Widget().setName("REQUEST-BODY-MARKER")).execute();
    String log = all();
    assertTrue(log.contains("request body: {\"name\":\"REQUEST-BODY-MARKER\"}"), log);
    assertTrue(log.contains("RESPONSE-BODY-MARKER"), log);
  }

  @Test
  void failuresAreLoggedWithoutSecrets() {
    server.handler((ex, req, n) -> FakeServer.respond(ex, 400, "{\"error\":{\"code\":400,\"message\":\"bad\"}}"));
    Widgets w = new Widgets(server.options().credentials(Credentials.apiKey(KEY)).build());
    ApiException e = assertThrows(ApiException.class, () -> w.get("projects/p/widgets/w").execute());
    assertFalse(e.getMessage().contains(KEY));
    assertTrue(all().contains("-> 400"), all());
    assertFalse(all().contains(KEY));
  }
}
