package io.discogen.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Generic {@link Type}s for response types such as {@code List<Widget>}. */
public final class Types {
  private Types() {}

  /** {@code List<element>}. */
  public static Type listOf(Type element) {
    return new Parameterized(List.class, element);
  }

  /** {@code Map<String, value>}. */
  public static Type mapOf(Type value) {
    return new Parameterized(Map.class, String.class, value);
  }

  private static final class Parameterized implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] args;

    Parameterized(Class<?> raw, Type... args) {
      this.raw = raw;
      this.args = args.clone();
      for (Type t : args) {
        Objects.requireNonNull(t, "type argument");
      }
    }

    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return null;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p && p.getOwnerType() == null
          && raw.equals(p.getRawType()) && Arrays.equals(args, p.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return raw.hashCode() ^ Arrays.hashCode(args);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(raw.getName()).append('<');
      for (int i = 0; i < args.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
      }
      return sb.append('>').toString();
    }
  }
}
