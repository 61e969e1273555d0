package io.discogen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The lookups generated enums' {@code fromValue} delegate to. */
class WireEnumsTest {
  /** Shaped like a generated enum: the wire value differs from the constant's name. */
  enum Color implements WireEnum {
    RED("red"),
    DARK_RED("dark-red"),
    UNRECOGNIZED(null);

    private final String value;

    Color(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }
  }

  /** Shaped like a generated integer enum. */
  enum Level implements WireEnum {
    ONE(1L),
    MINUS_ONE(-1L),
    UNKNOWN_LEVEL(null);

    private final Long number;

    Level(Long number) {
      this.number = number;
    }

    @Override
    public String value() {
      return number == null ? null : number.toString();
    }
  }

  /** No constant but the one for unknown values. */
  enum Nothing implements WireEnum {
    UNRECOGNIZED;

    @Override
    public String value() {
      return null;
    }
  }

  @Test
  void findsConstantsByWireValueNotByName() {
    assertEquals(Color.RED, WireEnums.fromValue(Color.class, "red"));
    assertEquals(Color.DARK_RED, WireEnums.fromValue(Color.class, "dark-red"));
    assertEquals(Color.UNRECOGNIZED, WireEnums.fromValue(Color.class, "RED"));
    assertEquals(Color.UNRECOGNIZED, WireEnums.fromValue(Color.class, "blue"));
    assertNull(WireEnums.fromValue(Color.class, null));
    assertEquals(Nothing.UNRECOGNIZED, WireEnums.fromValue(Nothing.class, "x"));
  }

  @Test
  void integerEnumsByNumber() {
    assertEquals(Level.ONE, WireEnums.fromNumber(Level.class, 1L));
    assertEquals(Level.MINUS_ONE, WireEnums.fromNumber(Level.class, -1L));
    assertEquals(Level.UNKNOWN_LEVEL, WireEnums.fromNumber(Level.class, 2L));
    assertNull(WireEnums.fromNumber(Level.class, null));
  }

  @Test
  void theUnknownConstantCannotBeSent() {
    assertEquals("dark-red", WireEnums.encode(Color.DARK_RED));
    assertThrows(IllegalArgumentException.class, () -> WireEnums.encode(Color.UNRECOGNIZED));
  }
}
