package io.discogen.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.discogen.discovery.DiscoveryParser;
import io.discogen.ir.ApiModel;
import io.discogen.ir.SpecSource;
import io.discogen.openapi.OpenApiParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front door: reads a spec file, recognises its format and builds the {@link ApiModel}.
 *
 * <p>Specs are untrusted input. Whatever is wrong with one (missing, empty, binary, not UTF-8, not
 * JSON, nested absurdly deep, the wrong kind of document, or a document with broken references) is
 * reported as a {@link SpecException} whose problems each print as one line, {@code file: location:
 * message}; no other exception escapes for bad input.
 */
public final class SpecReader {
  /** JSON nested deeper than this is rejected; real documents need about 20 levels. */
  public static final int MAX_NESTING_DEPTH = 1000;

  /** Larger files are rejected before being read; the largest real document is about 4 MB. */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
              // Last-one-wins on a duplicated key would silently drop half a definition.
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private static final Pattern JACKSON_SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  /** Reads started by {@link #readAhead} that no {@link #read} has taken yet. */
  private static final Map<Ahead, FutureTask<ApiModel>> AHEAD = new ConcurrentHashMap<>();

  private record Ahead(Path file, String displayPath) {}

  private SpecReader() {}

  /**
   * Starts reading a spec on a thread of its own, for the next {@link #read} of the same file under
   * the same name to take over. The CLI reads its first spec ahead while picocli starts up and parses
   * the command line (about 0.1 s, most of it interpreted), so the two share the cores instead of
   * taking turns: a tenth off a cold one-spec run (benchmarks/FINDINGS.md). Each read ahead is taken
   * at most once; the outcome, model or problems, is what the read would have had.
   *
   * @return the read under way (the first one, if this file and name are being read ahead already)
   */
  public static Future<ApiModel> readAhead(Path file, String displayPath) {
    FutureTask<ApiModel> task = new FutureTask<>(() -> readNow(file, displayPath));
    FutureTask<ApiModel> earlier = AHEAD.putIfAbsent(new Ahead(file, displayPath), task);
    if (earlier != null) {
      return earlier;
    }
    Thread t = new Thread(task, "discogen-read-ahead");
    t.setDaemon(true);
    t.start();
    return task;
  }

  /**
   * Reads and parses a spec file.
   *
   * @param file the file to read
   * @param displayPath how the user named it; every problem names the file this way
   * @return the API
   * @throws SpecException listing what is wrong, each problem one line
   */
  public static ApiModel read(Path file, String displayPath) throws SpecException {
    FutureTask<ApiModel> ahead = AHEAD.remove(new Ahead(file, displayPath));
    if (ahead == null) {
      return readNow(file, displayPath);
    }
    try {
      return ahead.get();
    } catch (ExecutionException e) {
      // readNow throws SpecException, or an unchecked exception; rethrown as they were thrown
      if (e.getCause() instanceof SpecException s) {
        throw s;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(displayPath, "", "interrupted");
    }
  }

  private static ApiModel readNow(Path file, String displayPath) throws SpecException {
    return parse(readBytes(file, displayPath), file, displayPath);
  }

  /**
   * Parses a spec already in memory.
   *
   * @param content the file's bytes
   * @param displayPath how the user named the file, for messages
   * @return the API
   * @throws SpecException listing what is wrong, each problem one line
   */
  public static ApiModel parse(byte[] content, String displayPath) throws SpecException {
    return parse(content, null, displayPath);
  }

  private static ApiModel parse(byte[] content, Path file, String displayPath) throws SpecException {
    try {
      int start = checkText(content, displayPath);
      JsonNode root = isYaml(content, start, displayPath)
          ? parseYaml(content, start, displayPath)
          : parseJson(content, start, displayPath);
      return switch (detect(root, displayPath)) {
        case DISCOVERY -> DiscoveryParser.parse(root, displayPath);
        case OPENAPI -> OpenApiParser.parse(
            new String(content, start, content.length - start, StandardCharsets.UTF_8), file, displayPath);
      };
    } catch (RuntimeException | StackOverflowError e) {
      throw fail(
          displayPath, "", "cannot read this document (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Recognises the format of a parsed document. The one place formats are told apart: a new
   * parser plugs in here.
   */
  static SpecSource.Format detect(JsonNode root, String displayPath) throws SpecException {
    if (!root.isObject()) {
      throw fail(displayPath, "", "expected an object (a Discovery or OpenAPI document) at the top level, found "
          + describe(root));
    }
    String kind = root.path("kind").asText("");
    if (kind.equals("discovery#directoryList")) {
      throw fail(
          displayPath,
          "/kind",
          "this is a Discovery directory list (discovery#directoryList), not an API description;"
              + " use one of the documents it lists (its discoveryRestUrl)");
    }
    if (root.has("discoveryVersion") || kind.equals("discovery#restDescription")) {
      return SpecSource.Format.DISCOVERY;
    }
    if (root.has("openapi") || root.has("swagger")) {
      return SpecSource.Format.OPENAPI;
    }
    throw fail(
        displayPath,
        "",
        "not a Discovery or OpenAPI document: no \"discoveryVersion\", \"kind\":"
            + " \"discovery#restDescription\", \"openapi\" or \"swagger\" at the top level");
  }

  private static byte[] readBytes(Path file, String displayPath) throws SpecException {
    // Messages are our own: IOException messages carry absolute paths the user never typed.
    try {
      if (Files.isDirectory(file)) {
        throw fail(displayPath, "", "is a directory, not a file");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw fail(
            displayPath,
            "",
            "file is too large (" + (size >> 20) + " MB; the limit is " + (MAX_FILE_BYTES >> 20)
                + " MB)");
      }
      // Read at most one byte past the limit: the size above may be 0 (a pipe, /dev/zero) or stale.
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
          throw fail(displayPath, "", "file is too large (more than " + (MAX_FILE_BYTES >> 20) + " MB)");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw fail(displayPath, "", "file not found");
    } catch (AccessDeniedException e) {
      throw fail(displayPath, "", "permission denied");
    } catch (IOException | SecurityException e) {
      throw fail(displayPath, "", "cannot read file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * Checks the bytes are UTF-8 text (a UTF-8 byte order mark is allowed) with some non-blank
   * content, and answers where the JSON text starts.
   */
  static int checkText(byte[] bytes, String displayPath) throws SpecException {
    if (bytes.length == 0) {
      throw fail(displayPath, "", "file is empty");
    }
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3;
    }
    for (int i = start; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw fail(
            displayPath,
            "",
            "binary data (a NUL byte at offset " + i + "), not a JSON text; expected UTF-8 JSON");
      }
    }
    // ASCII is valid UTF-8 as it is: skip the (much slower) decoder over the ASCII prefix, which
    // for most specs is the whole file.
    boolean blank = true;
    int ascii = start;
    while (ascii < bytes.length && bytes[ascii] >= 0) {
      blank = blank && Character.isWhitespace(bytes[ascii]);
      ascii++;
    }
    if (ascii == bytes.length) {
      if (blank) {
        throw fail(displayPath, "", "file contains only whitespace");
      }
      return start;
    }
    // Decode the rest in small chunks only to validate: the parser reads the bytes themselves.
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, ascii, bytes.length - ascii);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        int offset = in.position();
        throw fail(
            displayPath,
            "",
            String.format(
                "not valid UTF-8 text (byte 0x%02X at offset %d, line %d); expected UTF-8 JSON",
                bytes[offset] & 0xFF, offset, lineAt(bytes, offset)));
      }
      out.flip();
      while (blank && out.hasRemaining()) {
        blank = Character.isWhitespace(out.get());
      }
      out.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    if (blank) {
      throw fail(displayPath, "", "file contains only whitespace");
    }
    return start;
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Whether the text is YAML rather than JSON: it does not start like JSON, and either its file is
   * named {@code .yaml}/{@code .yml} or a line at the top level declares {@code openapi:} or
   * {@code swagger:} (Discovery documents are always JSON). Its problems are then YAML's.
   */
  static boolean isYaml(byte[] content, int start, String displayPath) {
    int i = start;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    if (i < content.length && (content[i] == '{' || content[i] == '[')) {
      return false;
    }
    String name = displayPath.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return true;
    }
    String head = new String(content, start, Math.min(content.length - start, 1 << 20), StandardCharsets.UTF_8);
    return YAML_OPENAPI.matcher(head).find();
  }

  private static final Pattern YAML_OPENAPI =
      Pattern.compile("(?m)^[\"']?(openapi|swagger)[\"']?\\s*:");

  private static JsonNode parseYaml(byte[] content, int start, String displayPath) throws SpecException {
    try {
      JsonNode root = Yaml.MAPPER.readTree(new String(content, start, content.length - start, StandardCharsets.UTF_8));
      if (root == null || root.isMissingNode()) {
        throw fail(displayPath, "", "no YAML value in the file");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw fail(displayPath, location(where), "invalid YAML: " + yamlMessage(e.getOriginalMessage()));
    } catch (IOException e) {
      throw fail(displayPath, "", "cannot read YAML (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * SnakeYAML's message on one line: its parts ("while parsing a flow sequence", "expected ','
   * or ']'") kept, the source excerpts and caret lines under each " in 'reader', line N" dropped
   * (the problem's own location is given separately), the context's line kept in brackets.
   */
  static String yamlMessage(String message) {
    if (message == null || message.isBlank()) {
      return "syntax error";
    }
    List<String> parts = new ArrayList<>();
    String[] lines = message.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      Matcher at = YAML_MARK.matcher(lines[i]);
      if (at.matches()) {
        if (parts.size() == 1) { // the context's mark; the problem's is the location
          parts.set(0, parts.get(0) + " (line " + at.group(1) + ", column " + at.group(2) + ")");
        }
        i += 2; // the excerpt and its caret
      } else if (!lines[i].isBlank()) {
        parts.add(lines[i].strip());
      }
    }
    return parts.isEmpty() ? "syntax error" : String.join(": ", parts);
  }

  private static final Pattern YAML_MARK = Pattern.compile("\\s*in '[^']*', line (\\d+), column (\\d+):?\\s*");

  /** Created on first YAML input only: a JSON run never loads the YAML parser's classes. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(
        com.fasterxml.jackson.dataformat.yaml.YAMLFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build());
  }

  private static JsonNode parseJson(byte[] content, int start, String displayPath)
      throws SpecException {
    try (JsonParser parser = MAPPER.createParser(content, start, content.length - start)) {
      return parseJson(parser, displayPath);
    } catch (SpecException e) {
      // Byte input counts columns in bytes; parse the text again to locate the error in characters.
      String text = new String(content, start, content.length - start, StandardCharsets.UTF_8);
      try (JsonParser parser = MAPPER.createParser(text)) {
        parseJson(parser, displayPath);
      } catch (SpecException precise) {
        throw precise;
      } catch (IOException ignored) {
        // Fall through to the first report.
      }
      throw e;
    } catch (IOException e) {
      throw fail(displayPath, "", "cannot read JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static JsonNode parseJson(JsonParser parser, String displayPath) throws SpecException {
    try {
      JsonNode root = MAPPER.readTree(parser);
      if (root == null || root.isMissingNode()) {
        throw fail(displayPath, "", "no JSON value in the file");
      }
      if (parser.nextToken() != null) {
        throw fail(
            displayPath,
            location(parser.currentTokenLocation()),
            "unexpected content after the end of the JSON value");
      }
      return root;
    } catch (StreamConstraintsException e) {
      String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (m.contains("nesting depth")) {
        throw fail(
            displayPath,
            location(parser.currentLocation()),
            "JSON nested more than " + MAX_NESTING_DEPTH + " levels deep");
      }
      // A string or number longer than the parser accepts: say which, not "nested too deep".
      throw fail(
          displayPath,
          location(parser.currentLocation()),
          "JSON value too large: " + m.replaceAll(", from `[^`]*`", "").replaceAll("\\s+", " "));
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw fail(displayPath, location(where), "invalid JSON: " + jacksonMessage(e));
    } catch (IOException e) {
      throw fail(displayPath, "", "cannot read JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Jackson's message without its source dump, lower-cased to read as part of our sentence. */
  private static String jacksonMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "syntax error";
    }
    Matcher source = JACKSON_SOURCE.matcher(m);
    m = source.replaceAll("line $1, column $2");
    m = m.replace("Unexpected end-of-input", "unexpected end of input (truncated file?)");
    return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  private static String location(JsonLocation where) {
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return where.getLineNr() + ":" + where.getColumnNr();
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNull()) {
      return "null";
    }
    return "a " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static SpecException fail(String file, String location, String message) {
    return new SpecException(new SpecProblem(file, location, message));
  }
}
