package io.discogen.runtime.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every generated model class. Jackson reads and writes the annotated fields of the
 * subclass; JSON properties the generated code does not know are kept here and written back, so a
 * read-modify-write round trip loses nothing.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE,
    creatorVisibility = Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class JsonModel {
  // Not a Jackson property: reached only through the any-getter/any-setter below.
  private transient Map<String, Object> unknownFields;

  protected JsonModel() {}

  @JsonAnySetter
  private void readUnknownField(String name, Object value) {
    if (unknownFields == null) {
      unknownFields = new LinkedHashMap<>();
    }
    unknownFields.put(name, value);
  }

  /** JSON properties this class does not declare, as received (read-only view). */
  @JsonAnyGetter
  public final Map<String, Object> unknownFields() {
    return unknownFields == null ? Map.of() : Collections.unmodifiableMap(unknownFields);
  }

  /** Sets (or with null, removes) a property this class does not declare. */
  public final void setUnknownField(String name, Object value) {
    if (value == null) {
      if (unknownFields != null) {
        unknownFields.remove(name);
      }
    } else {
      readUnknownField(name, value);
    }
  }

  /** For generated {@code equals}: compares the unknown properties. */
  protected final boolean unknownFieldsEqual(JsonModel other) {
    return unknownFields().equals(other.unknownFields());
  }

  /** For generated {@code hashCode}. */
  protected final int unknownFieldsHash() {
    return unknownFields().hashCode();
  }

  /** The model as compact JSON. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + Json.get().writeString(this);
  }
}
