package io.discogen.runtime.json;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Base of every generated model class. Jackson reads and writes the fields of the subclass, found
 * by their names (a field named otherwise than its JSON property says so with {@code JsonProperty});
 * JSON properties the generated code does not know are kept here and written back, so a
 * read-modify-write round trip loses nothing.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE,
    setterVisibility = Visibility.NONE,
    creatorVisibility = Visibility.NONE)
// Null fields are left out; null list items and map values are data, written as null in place
// (content inclusion stays ALWAYS: neither this nor the mapper may filter them).
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class JsonModel {
  // Not a Jackson property: reached only through the any-getter/any-setter below.
  private transient Map<String, Object> unknownFields;
  // Declared nullable properties that are an explicit JSON null (not merely absent): written as
  // null through the any-getter, since declared fields that are null are left out.
  private transient Set<String> explicitNulls;

  protected JsonModel() {}

  @JsonAnySetter
  private void readUnknownField(String name, Object value) {
    if (unknownFields == null) {
      unknownFields = new LinkedHashMap<>();
    }
    unknownFields.put(name, value);
  }

  /** JSON properties this class does not declare, as received (read-only view). */
  public final Map<String, Object> unknownFields() {
    return unknownFields == null ? Map.of() : Collections.unmodifiableMap(unknownFields);
  }

  /** What Jackson writes after the declared fields: unknown properties, then explicit nulls. */
  @JsonAnyGetter
  private Map<String, Object> wireExtras() {
    if (explicitNulls == null || explicitNulls.isEmpty()) {
      return unknownFields();
    }
    Map<String, Object> all = new LinkedHashMap<>(unknownFields());
    for (String name : explicitNulls) {
      all.put(name, null);
    }
    return all;
  }

  /**
   * For generated code: marks a declared nullable property as an explicit JSON null (written as
   * {@code null}), or unmarks it (a null field is then left out).
   */
  protected final void explicitNull(String name, boolean isNull) {
    if (isNull) {
      if (explicitNulls == null) {
        explicitNulls = new TreeSet<>();
      }
      explicitNulls.add(name);
    } else if (explicitNulls != null) {
      explicitNulls.remove(name);
    }
  }

  /** For generated code: whether a declared nullable property is an explicit JSON null. */
  protected final boolean isExplicitNull(String name) {
    return explicitNulls != null && explicitNulls.contains(name);
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

  /**
   * For {@link #equals} and {@link #hashCode}: the values of the properties this class declares,
   * in declaration order; a subclass puts its parent's first ({@link #fields(Object[], Object...)}).
   * Generated classes list their fields here instead of each writing out equals and hashCode:
   * the same comparison in a fraction of the code.
   */
  protected abstract Object[] fields();

  /** For a subclass's {@link #fields()}: its parent's values, then its own. */
  protected static Object[] fields(Object[] inherited, Object... own) {
    Object[] all = Arrays.copyOf(inherited, inherited.length + own.length);
    System.arraycopy(own, 0, all, inherited.length, own.length);
    return all;
  }

  /**
   * Equal when of the same class with equal declared properties (byte arrays by content), equal
   * unknown properties and the same explicit nulls. Same class only, so a {@code Pet} never equals
   * a {@code Dog} that extends it and equality stays symmetric.
   */
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    JsonModel other = (JsonModel) o;
    return Arrays.deepEquals(fields(), other.fields())
        && unknownFields().equals(other.unknownFields())
        && nulls().equals(other.nulls());
  }

  private Set<String> nulls() {
    return explicitNulls == null ? Set.of() : explicitNulls;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(fields()) + unknownFields().hashCode() + nulls().hashCode();
  }

  /** The model as compact JSON. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + Json.get().writeString(this);
  }
}
