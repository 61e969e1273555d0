package io.discogen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6570's own examples: the level 4 rows of section 1.2 and the tables of section 3.2, with the
 * section 3.2 variables. The one departure: {@code [ ] ? #} are encoded in reserved expansion
 * (none of these examples holds one).
 */
class Rfc6570Test {
  static final Map<String, Object> VARS = new HashMap<>();

  static {
    VARS.put("count", List.of("one", "two", "three"));
    VARS.put("dom", List.of("example", "com"));
    VARS.put("dub", "me/too");
    VARS.put("hello", "Hello World!");
    VARS.put("half", "50%");
    VARS.put("var", "value");
    VARS.put("who", "fred");
    VARS.put("base", "http://example.com/home/");
    VARS.put("path", "/foo/bar");
    VARS.put("list", List.of("red", "green", "blue"));
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("semi", ";");
    keys.put("dot", ".");
    keys.put("comma", ",");
    VARS.put("keys", keys);
    VARS.put("v", "6");
    VARS.put("x", "1024");
    VARS.put("y", "768");
    VARS.put("empty", "");
    VARS.put("empty_keys", Map.of());
    // "undef" is absent: undefined.
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # Section 1.2, level 4
      {var:3}              | val
      {var:30}             | value
      {list}               | red,green,blue
      {list*}              | red,green,blue
      {keys}               | semi,%3B,dot,.,comma,%2C
      {keys*}              | semi=%3B,dot=.,comma=%2C
      {+path:6}/here       | /foo/b/here
      {+list}              | red,green,blue
      {+list*}             | red,green,blue
      {+keys}              | semi,;,dot,.,comma,,
      {+keys*}             | semi=;,dot=.,comma=,
      {#path:6}/here       | #/foo/b/here
      {#list}              | #red,green,blue
      {#list*}             | #red,green,blue
      {#keys}              | #semi,;,dot,.,comma,,
      {#keys*}             | #semi=;,dot=.,comma=,
      X{.var:3}            | X.val
      X{.list}             | X.red,green,blue
      X{.list*}            | X.red.green.blue
      X{.keys}             | X.semi,%3B,dot,.,comma,%2C
      X{.keys*}            | X.semi=%3B.dot=..comma=%2C
      {/var:1,var}         | /v/value
      {/list}              | /red,green,blue
      {/list*}             | /red/green/blue
      {/list*,path:4}      | /red/green/blue/%2Ffoo
      {/keys}              | /semi,%3B,dot,.,comma,%2C
      {/keys*}             | /semi=%3B/dot=./comma=%2C
      {;hello:5}           | ;hello=Hello
      {;list}              | ;list=red,green,blue
      {;list*}             | ;list=red;list=green;list=blue
      {;keys}              | ;keys=semi,%3B,dot,.,comma,%2C
      {;keys*}             | ;semi=%3B;dot=.;comma=%2C
      {?var:3}             | ?var=val
      {?list}              | ?list=red,green,blue
      {?list*}             | ?list=red&list=green&list=blue
      {?keys}              | ?keys=semi,%3B,dot,.,comma,%2C
      {?keys*}             | ?semi=%3B&dot=.&comma=%2C
      {&var:3}             | &var=val
      {&list}              | &list=red,green,blue
      {&list*}             | &list=red&list=green&list=blue
      {&keys}              | &keys=semi,%3B,dot,.,comma,%2C
      {&keys*}             | &semi=%3B&dot=.&comma=%2C
      # 3.2.1 variable expansion
      {count}              | one,two,three
      {count*}             | one,two,three
      {/count}             | /one,two,three
      {/count*}            | /one/two/three
      {;count}             | ;count=one,two,three
      {;count*}            | ;count=one;count=two;count=three
      {?count}             | ?count=one,two,three
      {?count*}            | ?count=one&count=two&count=three
      {&count*}            | &count=one&count=two&count=three
      # 3.2.2 simple
      {var}                | value
      {hello}              | Hello%20World%21
      {half}               | 50%25
      O{empty}X            | OX
      O{undef}X            | OX
      {x,y}                | 1024,768
      {x,hello,y}          | 1024,Hello%20World%21,768
      ?{x,empty}           | ?1024,
      ?{x,undef}           | ?1024
      ?{undef,y}           | ?768
      {var:3}              | val
      {var:30}             | value
      {list}               | red,green,blue
      {list*}              | red,green,blue
      {keys}               | semi,%3B,dot,.,comma,%2C
      {keys*}              | semi=%3B,dot=.,comma=%2C
      # 3.2.3 reserved
      {+var}               | value
      {+hello}             | Hello%20World!
      {+half}              | 50%25
      {base}index          | http%3A%2F%2Fexample.com%2Fhome%2Findex
      {+base}index         | http://example.com/home/index
      O{+empty}X           | OX
      O{+undef}X           | OX
      {+path}/here         | /foo/bar/here
      here?ref={+path}     | here?ref=/foo/bar
      up{+path}{var}/here  | up/foo/barvalue/here
      {+x,hello,y}         | 1024,Hello%20World!,768
      {+path,x}/here       | /foo/bar,1024/here
      {+path:6}/here       | /foo/b/here
      {+list}              | red,green,blue
      {+list*}             | red,green,blue
      {+keys}              | semi,;,dot,.,comma,,
      {+keys*}             | semi=;,dot=.,comma=,
      # 3.2.4 fragment
      {#var}               | #value
      {#hello}             | #Hello%20World!
      {#half}              | #50%25
      foo{#empty}          | foo#
      foo{#undef}          | foo
      {#x,hello,y}         | #1024,Hello%20World!,768
      {#path,x}/here       | #/foo/bar,1024/here
      {#path:6}/here       | #/foo/b/here
      {#list}              | #red,green,blue
      {#list*}             | #red,green,blue
      {#keys}              | #semi,;,dot,.,comma,,
      {#keys*}             | #semi=;,dot=.,comma=,
      # 3.2.5 label
      {.who}               | .fred
      {.who,who}           | .fred.fred
      {.half,who}          | .50%25.fred
      www{.dom*}           | www.example.com
      X{.var}              | X.value
      X{.empty}            | X.
      X{.undef}            | X
      X{.var:3}            | X.val
      X{.list}             | X.red,green,blue
      X{.list*}            | X.red.green.blue
      X{.keys}             | X.semi,%3B,dot,.,comma,%2C
      X{.keys*}            | X.semi=%3B.dot=..comma=%2C
      X{.empty_keys}       | X
      X{.empty_keys*}      | X
      # 3.2.6 path segments
      {/who}               | /fred
      {/who,who}           | /fred/fred
      {/half,who}          | /50%25/fred
      {/who,dub}           | /fred/me%2Ftoo
      {/var}               | /value
      {/var,empty}         | /value/
      {/var,undef}         | /value
      {/var,x}/here        | /value/1024/here
      {/var:1,var}         | /v/value
      {/list}              | /red,green,blue
      {/list*}             | /red/green/blue
      {/list*,path:4}      | /red/green/blue/%2Ffoo
      {/keys}              | /semi,%3B,dot,.,comma,%2C
      {/keys*}             | /semi=%3B/dot=./comma=%2C
      # 3.2.7 path-style parameters
      {;who}               | ;who=fred
      {;half}              | ;half=50%25
      {;empty}             | ;empty
      {;v,empty,who}       | ;v=6;empty;who=fred
      {;v,bar,who}         | ;v=6;who=fred
      {;x,y}               | ;x=1024;y=768
      {;x,y,empty}         | ;x=1024;y=768;empty
      {;x,y,undef}         | ;x=1024;y=768
      {;hello:5}           | ;hello=Hello
      {;list}              | ;list=red,green,blue
      {;list*}             | ;list=red;list=green;list=blue
      {;keys}              | ;keys=semi,%3B,dot,.,comma,%2C
      {;keys*}             | ;semi=%3B;dot=.;comma=%2C
      # 3.2.8 form-style query
      {?who}               | ?who=fred
      {?half}              | ?half=50%25
      {?x,y}               | ?x=1024&y=768
      {?x,y,empty}         | ?x=1024&y=768&empty=
      {?x,y,undef}         | ?x=1024&y=768
      {?var:3}             | ?var=val
      {?list}              | ?list=red,green,blue
      {?list*}             | ?list=red&list=green&list=blue
      {?keys}              | ?keys=semi,%3B,dot,.,comma,%2C
      {?keys*}             | ?semi=%3B&dot=.&comma=%2C
      # 3.2.9 form-style query continuation
      {&who}               | &who=fred
      {&half}              | &half=50%25
      ?fixed=yes{&x}       | ?fixed=yes&x=1024
      {&x,y,empty}         | &x=1024&y=768&empty=
      {&var:3}             | &var=val
      {&list}              | &list=red,green,blue
      {&list*}             | &list=red&list=green&list=blue
      {&keys}              | &keys=semi,%3B,dot,.,comma,%2C
      {&keys*}             | &semi=%3B&dot=.&comma=%2C
      """)
  void rfcExamples(String template, String expected) {
    assertEquals(expected, Rfc6570.expand(template, VARS::get));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {+x}  | a[b]?c#d%e    | a%5Bb%5D%3Fc%23d%25e
      {#x}  | a[b]?c#d      | #a%5Bb%5D%3Fc%23d
      {/x}  | é/ü            | /%C3%A9%2F%C3%BC
      {x:2} | 😀😀😀         | %F0%9F%98%80%F0%9F%98%80
      """)
  void reservedExpansionKeepsOnlyWhatAPathMayHold(String template, String value, String expected) {
    assertEquals(expected, Rfc6570.expand(template, Map.of("x", value)::get));
  }

  @ParameterizedTest
  @CsvSource({"{=x}", "{x:0}", "{x:10000}", "{}", "{x,}", "{x*:2}"})
  void malformedExpressionsAreRefused(String template) {
    assertThrows(IllegalArgumentException.class, () -> Rfc6570.expand(template, Map.of("x", "v")::get));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {list:2}
      {keys:2}
      """)
  void prefixesOfListsAndMapsAreRefused(String template) {
    assertThrows(IllegalArgumentException.class, () -> Rfc6570.expand(template, VARS::get));
  }
}
