package io.discogen.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.discogen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A method's request body from the command line: {@code --body} (JSON, {@code @FILE} or {@code -}
 * for standard input), then the {@code -r} field cursor on top of it, as the discovery-based CLIs
 * have it ({@code -r . name=x runtime-config container-image=y}): {@code NAME=VALUE} sets a field
 * where the cursor is, {@code NAME} moves into an object (or a map, or a new element of a list of
 * objects), {@code ..} moves up, {@code .} to the top; {@code a.b=VALUE} sets below the cursor
 * without moving it; a list field set again gets another element. Field names are checked against
 * the model class, as typed ({@code container-image}, {@code container_image} or {@code
 * containerImage}), with the nearest names suggested; values against the field's type (numbers,
 * booleans, enum values, timestamps, durations, dates, base64 bytes). Everything is checked before
 * anything is sent.
 */
public final class RequestBodyInput {
  private static final Pattern DURATION = Pattern.compile("-?\\d+(\\.\\d{1,9})?s");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RequestBodyInput() {}

  /**
   * The body as {@code type}, from {@code body} (the {@code --body} argument; null for none) and
   * {@code fields} (the {@code -r} arguments; null or empty for none).
   *
   * @throws UsageException what is wrong with either, in one line
   */
  public static <T> T read(String body, List<String> fields, Type type) {
    return read(body, fields, type, System.in);
  }

  static <T> T read(String body, List<String> fields, Type type, InputStream stdin) {
    ObjectMapper mapper = Json.get().mapper();
    JsonNode tree;
    try {
      tree = mapper.readTree(text(body, stdin));
    } catch (JsonProcessingException e) {
      throw new UsageException("--body: invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      tree = NODES.objectNode();
    }
    if (fields != null && !fields.isEmpty()) {
      if (!(tree instanceof ObjectNode root)) {
        throw new UsageException("-r: the body is not a JSON object");
      }
      new Cursor(root, type).apply(fields);
    }
    try {
      return mapper.convertValue(tree, mapper.constructType(type));
    } catch (IllegalArgumentException e) {
      String why = e.getCause() instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new UsageException("the request body does not fit " + simpleName(type) + ": " + firstLine(why), e);
    }
  }

  private static String text(String body, InputStream stdin) {
    if (body == null) {
      return "{}";
    }
    try {
      if (body.equals("-")) {
        return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (body.startsWith("@")) {
        return Files.readString(Path.of(body.substring(1)), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UsageException("--body: cannot read " + body.substring(body.startsWith("@") ? 1 : 0) + ": " + e, e);
    }
    return body;
  }

  /** Where {@code -r} sets fields: a stack of objects and their types, the body at the bottom. */
  private static final class Cursor {
    private record Level(ObjectNode node, Type type, String path) { }

    private final Deque<Level> levels = new ArrayDeque<>();

    Cursor(ObjectNode root, Type type) {
      levels.push(new Level(root, type, ""));
    }

    void apply(List<String> steps) {
      for (String step : steps) {
        if (step.equals(".")) {
          while (levels.size() > 1) {
            levels.pop();
          }
        } else if (step.equals("..")) {
          if (levels.size() > 1) {
            levels.pop();
          }
        } else {
          int eq = step.indexOf('=');
          String name = eq < 0 ? step : step.substring(0, eq);
          if (name.isEmpty()) {
            throw new UsageException("-r " + step + ": a field name must come before =");
          }
          // a.b.c: a path of fields, except that a map's key is the rest as it is (spark.executor.memory).
          Level at = levels.peek();
          String rest = name;
          int dot;
          while (ModelFields.isModel(at.type()) && (dot = rest.indexOf('.')) >= 0) {
            at = into(at, rest.substring(0, dot));
            rest = rest.substring(dot + 1);
          }
          if (eq < 0) {
            levels.push(into(at, rest));
          } else {
            set(at, rest, step.substring(eq + 1));
          }
        }
      }
    }

    /** The field {@code typed} of {@code at}'s object: its JSON name and type. */
    private ModelFields.FieldInfo field(Level at, String typed) {
      if (typed.isEmpty()) {
        throw new UsageException("-r: an empty field name" + where(at));
      }
      Type t = at.type();
      if (ModelFields.isModel(t)) {
        Map<String, ModelFields.FieldInfo> fields = ModelFields.fields((Class<?>) t);
        ModelFields.FieldInfo f = fields.get(typed);
        if (f == null) {
          f = fields.get(ModelFields.camel(typed));
        }
        if (f == null) {
          for (ModelFields.FieldInfo candidate : fields.values()) {
            if (candidate.jsonName().equalsIgnoreCase(ModelFields.camel(typed))) {
              f = candidate;
            }
          }
        }
        if (f == null) {
          List<String> near = ModelFields.nearest(typed, fields.keySet());
          List<String> shown = (near.isEmpty() ? List.copyOf(fields.keySet()) : near).stream().map(ModelFields::kebab).toList();
          throw new UsageException("-r: " + simpleName(t) + " has no field '" + typed + "'" + where(at)
              + (near.isEmpty() ? "; its fields: " + String.join(", ", shown.subList(0, Math.min(12, shown.size())))
                  + (shown.size() > 12 ? ", ..." : "")
                  : "; did you mean " + String.join(" or ", shown) + "?"));
        }
        return f;
      }
      Type value = ModelFields.mapValue(t);
      return new ModelFields.FieldInfo(typed, value != null ? value : Object.class, null);
    }

    private Level into(Level at, String typed) {
      ModelFields.FieldInfo f = field(at, typed);
      String path = at.path() + (at.path().isEmpty() ? "" : ".") + ModelFields.kebab(f.jsonName());
      Type element = ModelFields.listElement(f.type());
      if (element != null) {
        if (!isObject(element)) {
          throw new UsageException("-r: " + path + " is a list of " + describe(element) + ": add an element with "
              + ModelFields.kebab(f.jsonName()) + "=VALUE");
        }
        JsonNode list = at.node().get(f.jsonName());
        ArrayNode array = list instanceof ArrayNode a ? a : at.node().putArray(f.jsonName());
        return new Level(array.addObject(), element, path + "[" + (array.size() - 1) + "]");
      }
      if (!isObject(f.type())) {
        throw new UsageException("-r: " + path + " is " + article(describe(f.type())) + ": set it with "
            + ModelFields.kebab(f.jsonName()) + "=VALUE");
      }
      JsonNode next = at.node().get(f.jsonName());
      return new Level(next instanceof ObjectNode o ? o : at.node().putObject(f.jsonName()), f.type(), path);
    }

    private void set(Level at, String typed, String text) {
      ModelFields.FieldInfo f = field(at, typed);
      String path = at.path() + (at.path().isEmpty() ? "" : ".") + ModelFields.kebab(f.jsonName());
      Type element = ModelFields.listElement(f.type());
      if (element != null && !isObject(element)) {
        JsonNode list = at.node().get(f.jsonName());
        ArrayNode array = list instanceof ArrayNode a ? a : at.node().putArray(f.jsonName());
        array.add(value(path, element, f.enumValues(), text));
        return;
      }
      if (element != null || ModelFields.mapValue(f.type()) != null || ModelFields.isModel(f.type())) {
        throw new UsageException("-r: " + path + " is " + article(describe(f.type())) + ": move into it with -r "
            + ModelFields.kebab(f.jsonName()) + ", then set its " + (ModelFields.mapValue(f.type()) != null ? "keys" : "fields")
            + " (KEY=VALUE)");
      }
      at.node().set(f.jsonName(), value(path, f.type(), f.enumValues(), text));
    }

    private static String where(Level at) {
      return at.path().isEmpty() ? "" : " (at " + at.path() + ")";
    }
  }

  private static boolean isObject(Type t) {
    return ModelFields.isModel(t) || ModelFields.mapValue(t) != null;
  }

  /** {@code text} as the JSON value of a field of type {@code type}, or a usage error naming {@code path}. */
  static JsonNode value(String path, Type type, List<String> enumValues, String text) {
    try {
      if (type == String.class) {
        if (enumValues == null || enumValues.contains(text)) {
          return NODES.textNode(text);
        }
        for (String v : enumValues) {
          if (v.equalsIgnoreCase(text)) {
            return NODES.textNode(v);
          }
        }
        throw new UsageException("-r: " + path + ": '" + text + "' is not one of " + String.join(", ", enumValues));
      }
      if (type == Boolean.class || type == boolean.class) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
          throw new IllegalArgumentException();
        }
        return NODES.booleanNode(Boolean.parseBoolean(text));
      }
      if (type == Integer.class || type == int.class) {
        return NODES.numberNode(Integer.parseInt(text));
      }
      if (type == Long.class || type == long.class) {
        return NODES.textNode(Long.toString(Long.parseLong(text))); // int64 travels as a string
      }
      if (type == BigInteger.class) {
        BigInteger v = new BigInteger(text);
        if (v.signum() < 0) {
          throw new IllegalArgumentException();
        }
        return NODES.textNode(v.toString());
      }
      if (type == Float.class || type == float.class || type == Double.class || type == double.class) {
        return NODES.numberNode(Double.parseDouble(text));
      }
      if (type == Instant.class) {
        OffsetDateTime.parse(text);
        return NODES.textNode(text);
      }
      if (type == Duration.class) {
        if (!DURATION.matcher(text).matches()) {
          throw new IllegalArgumentException();
        }
        return NODES.textNode(text);
      }
      if (type == LocalDate.class) {
        LocalDate.parse(text);
        return NODES.textNode(text);
      }
      if (type == byte[].class) {
        (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        return NODES.textNode(text);
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      if (e instanceof UsageException u) {
        throw u;
      }
      throw new UsageException("-r: " + path + ": expected " + article(describe(type)) + ", not '" + text + "'");
    }
    return NODES.textNode(text);
  }

  /** How a type is named in messages. */
  static String describe(Type type) {
    if (type == String.class) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean (true or false)";
    }
    if (type == Integer.class || type == int.class) {
      return "int32";
    }
    if (type == Long.class || type == long.class) {
      return "int64";
    }
    if (type == BigInteger.class) {
      return "uint64";
    }
    if (type == Float.class || type == float.class || type == Double.class || type == double.class) {
      return "number";
    }
    if (type == Instant.class) {
      return "timestamp (RFC 3339, such as 2024-05-01T12:00:00Z)";
    }
    if (type == Duration.class) {
      return "duration in seconds (such as 3.5s)";
    }
    if (type == LocalDate.class) {
      return "date (such as 2024-05-01)";
    }
    if (type == byte[].class) {
      return "base64 text";
    }
    if (ModelFields.mapValue(type) != null) {
      return "map";
    }
    if (ModelFields.listElement(type) != null) {
      return "list";
    }
    return ModelFields.isModel(type) ? "object (" + simpleName(type) + ")" : "value";
  }

  private static String article(String noun) {
    return ("aeiou".indexOf(Character.toLowerCase(noun.charAt(0))) >= 0 ? "an " : "a ") + noun;
  }

  private static String simpleName(Type type) {
    return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.split("\n", 2)[0];
  }
}
