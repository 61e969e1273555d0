package io.discogen.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.discogen.runtime.json.Json;
import io.discogen.runtime.json.JsonModel;
import io.discogen.runtime.json.WireEnum;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request body from {@code --body} and the {@code -r} cursor, checked against the model. */
class RequestBodyInputTest {

  public enum State implements WireEnum {
    ACTIVE("ACTIVE"), DELETING("DELETING"), UNRECOGNIZED(null);

    private final String value;

    State(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  public static final class RuntimeConfig extends JsonModel {
    @JsonProperty("containerImage")
    private String containerImage;

    @JsonProperty("properties")
    private Map<String, String> properties;

    @JsonProperty("ttl")
    private Duration ttl;

    @Override
    protected Object[] fields() {
      return new Object[] {containerImage, properties, ttl};
    }
  }

  public static final class Disk extends JsonModel {
    @JsonProperty("sizeGb")
    private Long sizeGb;

    @Override
    protected Object[] fields() {
      return new Object[] {sizeGb};
    }
  }

  public static final class Session extends JsonModel {
    @JsonProperty("name")
    private String name;

    @JsonProperty("state")
    private String state;

    @JsonProperty("runtimeConfig")
    private RuntimeConfig runtimeConfig;

    @JsonProperty("labels")
    private Map<String, String> labels;

    @JsonProperty("tags")
    private List<String> tags;

    @JsonProperty("disks")
    private List<Disk> disks;

    @JsonProperty("replicas")
    private Integer replicas;

    @JsonProperty("enabled")
    private Boolean enabled;

    public State getState() {
      return state == null ? null : State.valueOf(state);
    }

    @Override
    protected Object[] fields() {
      return new Object[] {name, state, runtimeConfig, labels, tags, disks, replicas, enabled};
    }
  }

  private static String json(String body, String... fields) {
    Session s = RequestBodyInput.read(body, List.of(fields), Session.class);
    return Json.get().writeString(s);
  }

  private static String usage(String body, String... fields) {
    return assertThrows(UsageException.class, () -> RequestBodyInput.read(body, List.of(fields), Session.class)).getMessage();
  }

  @Test
  void theCursorSetsFieldsOnTopOfTheBody() {
    assertEquals("{\"name\":\"x\",\"runtimeConfig\":{\"containerImage\":\"y\",\"properties\":{\"spark.a\":\"1\"}},"
            + "\"labels\":{\"a\":\"b\",\"env\":\"prod\"},\"enabled\":true}",
        json("{\"labels\":{\"a\":\"b\"}}", ".", "name=x", "runtime-config", "container-image=y", "properties",
            "spark.a=1", "..", "..", "labels", "env=prod", ".", "enabled=true"));
  }

  @Test
  void namesAreAcceptedAsJsonKebabOrSnakeCaseAndDottedPathsSetBelowTheCursor() {
    assertEquals("{\"runtimeConfig\":{\"containerImage\":\"a\"},\"replicas\":3}",
        json(null, "runtime_config.container-image=a", "replicas=3"));
    assertEquals("{\"runtimeConfig\":{\"containerImage\":\"b\"}}", json(null, "runtimeConfig", "containerImage=b"));
  }

  @Test
  void listsGetAnElementEachTime() {
    assertEquals("{\"tags\":[\"a\",\"b\"],\"disks\":[{\"sizeGb\":10},{\"sizeGb\":20}]}",
        json(null, "tags=a", "tags=b", "disks", "size-gb=10", "..", "disks", "size-gb=20"));
  }

  @Test
  void unknownNamesAreRefusedWithTheNearestSuggested() {
    assertEquals("-r: RuntimeConfig has no field 'contaner-image' (at runtime-config); did you mean container-image?",
        usage(null, "runtime-config", "contaner-image=x"));
    String m = usage(null, "zzz=1");
    assertTrue(m.startsWith("-r: Session has no field 'zzz'; its fields: name, state, runtime-config"), m);
  }

  @Test
  void valuesAreCheckedAgainstTheirTypes() {
    assertEquals("-r: replicas: expected an int32, not 'many'", usage(null, "replicas=many"));
    assertEquals("-r: enabled: expected a boolean (true or false), not 'yes'", usage(null, "enabled=yes"));
    assertEquals("-r: disks[0].size-gb: expected an int64, not '1.5'", usage(null, "disks", "size-gb=1.5"));
    assertEquals("-r: runtime-config.ttl: expected a duration in seconds (such as 3.5s), not '5 minutes'",
        usage(null, "runtime-config.ttl=5 minutes"));
    assertEquals("-r: state: 'RUNNING' is not one of ACTIVE, DELETING", usage(null, "state=RUNNING"));
    assertEquals("{\"state\":\"ACTIVE\"}", json(null, "state=active"));
    assertEquals("-r: labels is a map: move into it with -r labels, then set its keys (KEY=VALUE)", usage(null, "labels=x"));
    assertEquals("-r: name is a string: set it with name=VALUE", usage(null, "name", "x=1"));
  }

  @Test
  void theBodyComesFromTextAFileOrStandardInput(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.json");
    Files.writeString(file, "{\"name\":\"from-file\"}");
    assertEquals("{\"name\":\"from-file\"}", json("@" + file));
    Session s = RequestBodyInput.read("-", List.of(), Session.class,
        new ByteArrayInputStream("{\"name\":\"stdin\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{\"name\":\"stdin\"}", Json.get().writeString(s));
    assertTrue(usage("@" + dir.resolve("missing.json")).startsWith("--body: cannot read " + dir.resolve("missing.json")));
    assertTrue(usage("{\"name\":").startsWith("--body: invalid JSON: "));
    assertEquals("-r: the body is not a JSON object", usage("[1]", "name=x"));
    assertTrue(usage("{\"replicas\":\"many\"}").startsWith("the request body does not fit Session: "));
  }
}
