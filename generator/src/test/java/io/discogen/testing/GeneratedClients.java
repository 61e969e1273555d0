package io.discogen.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.discogen.Generator;
import io.discogen.GeneratorOptions;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/** Generates a client from one spec, compiles it warning-free and loads it, for tests that call it. */
public final class GeneratedClients {
  private GeneratedClients() {}

  /** The classes generated from {@code spec} into package {@code pkg}, compiled under {@code work}. */
  public static URLClassLoader load(Path spec, String pkg, Path work) throws Exception {
    GeneratorOptions options = new GeneratorOptions(List.of(spec), Path.of("unused"), pkg, true);
    Compilation.Result r = Compilation.compile(Generator.render(options, p -> {}).files(), work);
    assertTrue(r.success(), r.report());
    assertEquals(List.of(), r.warnings(), "generated code compiles warning-free");
    return new URLClassLoader(new URL[] {r.classes().toUri().toURL()}, GeneratedClients.class.getClassLoader());
  }
}
