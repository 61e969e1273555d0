package io.discogen.runtime.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Base of what a discriminated union decodes to when its discriminator names a variant this
 * client does not know (a newer server, an undocumented value): the JSON is kept exactly as
 * received and written back unchanged, as unknown enum values are.
 */
@JsonSerialize(using = UnknownVariant.Serializer.class)
public abstract class UnknownVariant {
  private final JsonNode json;

  protected UnknownVariant(JsonNode json) {
    this.json = json == null ? NullNode.getInstance() : json;
  }

  /** The JSON value, as received. */
  public final JsonNode json() {
    return json;
  }

  /** For generated code: the text of a property of the JSON object, or null. */
  protected final String textOf(String property) {
    JsonNode v = json.get(property);
    return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
  }

  @Override
  public final boolean equals(Object o) {
    return o == this || (o != null && o.getClass() == getClass() && json.equals(((UnknownVariant) o).json));
  }

  @Override
  public final int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + json;
  }

  /** Writes the kept JSON; it already carries its discriminator, so no type id is added. */
  public static final class Serializer extends StdSerializer<UnknownVariant> {
    private static final long serialVersionUID = 1L;

    public Serializer() {
      super(UnknownVariant.class);
    }

    @Override
    public void serialize(UnknownVariant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(value.json, gen);
    }

    @Override
    public void serializeWithType(UnknownVariant value, JsonGenerator gen, SerializerProvider provider,
        TypeSerializer typeSer) throws IOException {
      serialize(value, gen, provider);
    }
  }
}
