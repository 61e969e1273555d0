package io.discogen.java;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules that turn spec names into legal, readable Java identifiers: case conversion, keyword
 * escaping, ASCII folding. Per-API decisions (and clash resolution) live in {@link NamePlan}; no
 * other class invents a name.
 */
public final class JavaNames {
  private JavaNames() {}

  /** The reserved keywords and literals of the Java language (JLS 3.9, 3.10.3, 3.10.8). */
  static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
      "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
      "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
      "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
      "volatile", "while", "true", "false", "null");

  /** Java keywords, literals and restricted identifiers that cannot name a class or member. */
  static final Set<String> KEYWORDS = Stream.concat(RESERVED.stream(), Stream.of(
      "_", "var", "yield", "record", "sealed", "permits", "non-sealed", "when", "module", "exports",
      "opens", "requires", "uses", "provides", "to", "with", "open", "transitive"))
      .collect(Collectors.toUnmodifiableSet());

  /**
   * Among {@link #KEYWORDS}, the contextual ones that may still name a method ({@code record},
   * {@code open}, {@code exports}): only elsewhere are they keywords. {@code yield} is not among
   * them (a call to it must be qualified).
   */
  static final Set<String> CONTEXTUAL_KEYWORDS = Set.of(
      "var", "record", "sealed", "permits", "when", "module", "exports", "opens", "requires", "uses",
      "provides", "to", "with", "open", "transitive");

  /** The longest package segment (a directory name) made from spec text. */
  static final int MAX_PACKAGE_SEGMENT = 48;

  /**
   * Public types of {@code java.lang}: a generated top-level class with one of these names shadows
   * it for every file of the package, so generated code writes those fully qualified ({@link
   * NamePlan#javaLangShadows()}).
   */
  static final Set<String> JAVA_LANG = Set.of(
      "AbstractMethodError", "Appendable", "ArithmeticException", "ArrayIndexOutOfBoundsException",
      "ArrayStoreException", "AssertionError", "AutoCloseable", "Boolean", "BootstrapMethodError",
      "Byte", "Character", "CharSequence", "Class", "ClassCastException", "ClassCircularityError",
      "ClassFormatError", "ClassLoader", "ClassNotFoundException", "ClassValue", "Cloneable",
      "CloneNotSupportedException", "Comparable", "Compiler", "Deprecated", "Double", "Enum",
      "EnumConstantNotPresentException", "Error", "Exception", "ExceptionInInitializerError", "Float",
      "FunctionalInterface", "IllegalAccessError", "IllegalAccessException",
      "IllegalArgumentException", "IllegalCallerException", "IllegalMonitorStateException",
      "IllegalStateException", "IllegalThreadStateException", "IncompatibleClassChangeError",
      "IndexOutOfBoundsException", "InheritableThreadLocal", "InstantiationError",
      "InstantiationException", "Integer", "InternalError", "InterruptedException", "Iterable",
      "LayerInstantiationException", "LinkageError", "Long", "Math", "MatchException", "Module",
      "ModuleLayer", "NegativeArraySizeException", "NoClassDefFoundError", "NoSuchFieldError",
      "NoSuchFieldException", "NoSuchMethodError", "NoSuchMethodException", "NullPointerException",
      "Number", "NumberFormatException", "Object", "OutOfMemoryError", "Override", "Package",
      "Process", "ProcessBuilder", "ProcessHandle", "Readable", "Record",
      "ReflectiveOperationException", "Runnable", "Runtime", "RuntimeException",
      "RuntimePermission", "SafeVarargs", "ScopedValue", "SecurityException", "SecurityManager",
      "Short", "StackOverflowError", "StackTraceElement", "StackWalker", "StrictMath", "String",
      "StringBuffer", "StringBuilder", "StringIndexOutOfBoundsException", "StringTemplate",
      "SuppressWarnings", "System", "Thread", "ThreadDeath", "ThreadGroup", "ThreadLocal",
      "Throwable", "TypeNotPresentException", "UnknownError", "UnsatisfiedLinkError",
      "UnsupportedClassVersionError", "UnsupportedOperationException", "VerifyError",
      "VirtualMachineError", "Void", "WrongThreadException");

  /**
   * Simple names that would obscure a package prefix in fully qualified references ({@code
   * java.util.List} is unreadable in a class with a field named {@code java}).
   */
  static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "io", "net");

  /**
   * {@code UpperCamel} ASCII class name from any spec text: {@code runtime-info} → {@code
   * RuntimeInfo}. Class names become file names, so letters are folded to ASCII.
   */
  public static String upperCamel(String text) {
    return camel(text, false);
  }

  /** {@code UpperCamel} for member names, which may keep non-ASCII letters ({@code Größe}). */
  public static String memberBase(String text) {
    return camel(text, true);
  }

  private static String camel(String text, boolean keepUnicode) {
    StringBuilder sb = new StringBuilder();
    for (String word : words(text, keepUnicode)) {
      sb.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    if (sb.length() == 0) {
      return "Unnamed";
    }
    if (!Character.isJavaIdentifierStart(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /** {@code lowerCamel} member name from any spec text: {@code $.xgafv} → {@code xgafv}. */
  public static String lowerCamel(String text) {
    String upper = memberBase(text);
    if (upper.startsWith("_")) {
      return upper;
    }
    // Lower a leading acronym as a whole: "URLMap" -> "urlMap", "ID" -> "id".
    int n = 0;
    while (n < upper.length() && Character.isUpperCase(upper.charAt(n))) {
      n++;
    }
    if (n > 1 && n < upper.length() && Character.isLowerCase(upper.charAt(n))) {
      n--;
    }
    return upper.substring(0, Math.max(n, 1)).toLowerCase(Locale.ROOT) + upper.substring(Math.max(n, 1));
  }

  /** {@code UPPER_SNAKE} for constants: {@code devstorage.read_only} → {@code DEVSTORAGE_READ_ONLY}. */
  public static String upperSnake(String text) {
    StringBuilder sb = new StringBuilder();
    for (String word : words(text, false)) {
      List<String> parts = splitCamel(word);
      for (String p : parts) {
        if (sb.length() > 0) {
          sb.append('_');
        }
        sb.append(p.toUpperCase(Locale.ROOT));
      }
    }
    if (sb.length() == 0) {
      return "EMPTY";
    }
    if (!Character.isJavaIdentifierStart(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /**
   * Names Windows reserves for devices, with or without an extension ({@code CON.java}, {@code
   * aux}): no file or directory can have them, so no top-level class or package segment may.
   */
  static boolean isWindowsDeviceName(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    return n.equals("CON") || n.equals("PRN") || n.equals("AUX") || n.equals("NUL")
        || n.matches("(COM|LPT)[0-9]");
  }

  /** Escapes a keyword or package-obscuring name by appending {@code _}. */
  public static String escapeMember(String name) {
    return KEYWORDS.contains(name) || PACKAGE_ROOTS.contains(name) ? name + "_" : name;
  }

  /** A legal lower-case package segment. */
  public static String packageSegment(String text) {
    StringBuilder sb = new StringBuilder();
    for (String word : words(text, false)) {
      if (sb.length() > 0) {
        sb.append('_');
      }
      sb.append(word.toLowerCase(Locale.ROOT));
    }
    String s = sb.length() == 0 ? "api" : sb.toString();
    if (!Character.isJavaIdentifierStart(s.charAt(0))) {
      s = "_" + s;
    }
    if (s.length() > MAX_PACKAGE_SEGMENT) {
      s = s.substring(0, MAX_PACKAGE_SEGMENT);
    }
    return KEYWORDS.contains(s) || isWindowsDeviceName(s) ? s + "_" : s;
  }

  /** Whether {@code pkg} is a legal Java package name. */
  public static boolean isPackageName(String pkg) {
    if (pkg == null || pkg.isEmpty()) {
      return false;
    }
    for (String seg : pkg.split("\\.", -1)) {
      if (seg.isEmpty() || KEYWORDS.contains(seg) || !Character.isJavaIdentifierStart(seg.charAt(0))) {
        return false;
      }
      if (!seg.chars().allMatch(c -> c < 128 && Character.isJavaIdentifierPart(c) && c != '$')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Splits spec text into words. Accents are folded ({@code é} → {@code e}, {@code ß} → {@code
   * ss}); other letters are kept when {@code keepUnicode}, else spelled as their code point ({@code
   * U65E5}); everything else separates words.
   */
  static List<String> words(String text, boolean keepUnicode) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        cur.append(c);
      } else if (c == '\u00df') {
        cur.append("ss");
      } else if (Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c)) {
        cur.append(keepUnicode ? String.valueOf(c) : String.format("U%04X", (int) c));
      } else if (cur.length() > 0) {
        words.add(cur.toString());
        cur.setLength(0);
      }
    }
    if (cur.length() > 0) {
      words.add(cur.toString());
    }
    return words;
  }

  /** {@code milliDcuSeconds} → [milli, Dcu, Seconds]; {@code URLMap} → [URL, Map]. */
  private static List<String> splitCamel(String word) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < word.length(); i++) {
      char prev = word.charAt(i - 1);
      char c = word.charAt(i);
      boolean boundary = (Character.isLowerCase(prev) || Character.isDigit(prev)) && Character.isUpperCase(c)
          || (Character.isUpperCase(prev) && Character.isUpperCase(c)
              && i + 1 < word.length() && Character.isLowerCase(word.charAt(i + 1)));
      if (boundary) {
        parts.add(word.substring(start, i));
        start = i;
      }
    }
    parts.add(word.substring(start));
    return parts;
  }
}
