package io.discogen.runtime.cli;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Option values the generated command lines convert themselves, where picocli has no converter:
 * bytes, given as base64 text. The client then sends them in the alphabet the API's description
 * declares (URL-safe base64 for Discovery's {@code format: byte}, standard base64 for OpenAPI's),
 * whichever alphabet the user typed.
 */
public final class OptionValues {
  private OptionValues() {}

  /**
   * Base64 text as bytes: standard ({@code +/}) or URL-safe ({@code -_}) alphabet, padded or not;
   * null for null. Anything else is a {@link UsageException} naming the option.
   */
  public static byte[] bytes(String option, String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    try {
      return (t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(t);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": expected base64 text (standard or URL-safe), not '" + text + "'", e);
    }
  }

  /** Each of a repeated option's values as {@link #bytes(String, String)} does; null for null. */
  public static List<byte[]> bytes(String option, List<String> texts) {
    if (texts == null) {
      return null;
    }
    List<byte[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(bytes(option, t));
    }
    return out;
  }
}
