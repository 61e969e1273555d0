package io.discogen.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Calls into classes compiled by a test, which the test source cannot name. */
public final class Reflect {
  private Reflect() {}

  /** Calls the one public method called {@code name} that takes {@code args.length} arguments. */
  public static Object call(Object target, String name, Object... args) throws Throwable {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length) {
        try {
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
    }
    throw new NoSuchMethodException(name);
  }
}
