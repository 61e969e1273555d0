package io.discogen.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equality of models: what generated classes get from {@code JsonModel} by listing their fields. */
class JsonModelTest {
  /** Shaped like a generated root model of a hierarchy. */
  static class Pet extends JsonModel {
    @JsonProperty("name")
    String name;

    @JsonProperty("photo")
    byte[] photo;

    @JsonProperty("tags")
    List<String> tags;

    @Override
    protected Object[] fields() {
      return new Object[] {name, photo, tags};
    }
  }

  /** Shaped like a generated subclass: its parent's fields, then its own. */
  static final class Dog extends Pet {
    @JsonProperty("bark")
    String bark;

    @Override
    protected Object[] fields() {
      return fields(super.fields(), bark);
    }
  }

  static Pet pet(String name, byte[] photo, List<String> tags) {
    Pet p = new Pet();
    p.name = name;
    p.photo = photo;
    p.tags = tags;
    return p;
  }

  static Dog dog(String name, String bark) {
    Dog d = new Dog();
    d.name = name;
    d.bark = bark;
    return d;
  }

  @Test
  void equalModelsAreEqualAndHashAlike() {
    Pet a = pet("rex", new byte[] {1, 2}, List.of("a", "b"));
    Pet b = pet("rex", new byte[] {1, 2}, List.of("a", "b"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(new Pet(), new Pet());
    assertEquals(new Pet().hashCode(), new Pet().hashCode());
  }

  @Test
  void anyDifferingFieldMakesThemUnequal() {
    Pet a = pet("rex", new byte[] {1, 2}, List.of("a"));
    assertNotEquals(a, pet("max", new byte[] {1, 2}, List.of("a")));
    assertNotEquals(a, pet("rex", new byte[] {1, 3}, List.of("a")), "bytes compare by content");
    assertNotEquals(a, pet("rex", null, List.of("a")));
    assertNotEquals(a, pet("rex", new byte[] {1, 2}, List.of("a", "b")));
    assertNotEquals(a, null);
    assertNotEquals(a, "rex");
  }

  @Test
  void aSubclassComparesItsParentsFieldsAndItsOwn() {
    assertEquals(dog("rex", "woof"), dog("rex", "woof"));
    assertEquals(dog("rex", "woof").hashCode(), dog("rex", "woof").hashCode());
    assertNotEquals(dog("rex", "woof"), dog("max", "woof"));
    assertNotEquals(dog("rex", "woof"), dog("rex", "wuff"));
    assertArrayEquals(new Object[] {"rex", null, null, "woof"}, dog("rex", "woof").fields());
  }

  @Test
  void aSubclassNeverEqualsItsParentEitherWay() {
    Pet pet = pet("rex", null, null);
    Dog dog = dog("rex", null);
    assertNotEquals(pet, dog);
    assertNotEquals(dog, pet);
  }

  @Test
  void unknownPropertiesAndExplicitNullsCount() {
    Pet a = pet("rex", null, null);
    Pet b = pet("rex", null, null);
    b.setUnknownField("color", "brown");
    assertNotEquals(a, b);
    a.setUnknownField("color", "brown");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    b.explicitNull("tags", true);
    assertNotEquals(a, b);
    a.explicitNull("tags", true);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }
}
