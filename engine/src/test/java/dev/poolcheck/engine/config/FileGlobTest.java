package dev.poolcheck.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The glob meaning Maven, Ant, .gitignore and pre-commit users know. */
class FileGlobTest {

  @ParameterizedTest(name = "{0} ~ {1} -> {2}")
  @CsvSource({
    // **/ matches zero or more folders (the issue: pools/**/*.json matched nothing in pools/)
    "pools/**/*.json, pools/a.json, true",
    "pools/**/*.json, pools/x/a.json, true",
    "pools/**/*.json, pools/x/y/a.json, true",
    "pools/**/*.json, other/a.json, false",
    "**/*.json, a.json, true",
    "**/*.json, x/y/a.json, true",
    "**/*.json, a.yaml, false",
    // * and ? stay within one folder
    "pools/*.json, pools/a.json, true",
    "pools/*.json, pools/x/a.json, false",
    "pools/?.json, pools/a.json, true",
    "pools/?.json, pools/ab.json, false",
    // a trailing /** or / is the folder and everything below it
    "target/**, target, true",
    "target/**, target/classes/a.json, true",
    "target/**, targets/a.json, false",
    "target/, target/a.json, true",
    "**, anything/at/all.json, true",
    // hidden files and folders at any depth, as poolcheck always skips them
    "**/.*, .git, true",
    "**/.*, src/.hidden, true",
    "**/.*, src/visible, false",
    // alternatives (nested too), sets, negated sets, escapes
    "'pools/{dev,test}/*.json', pools/dev/a.json, true",
    "'pools/{dev,test}/*.json', pools/prod/a.json, false",
    "'{*.json,**/*.yaml}', a/b.yaml, true",
    "'{a,{b,c}}.json', c.json, true",
    "pools/[ab].json, pools/b.json, true",
    "pools/[!ab].json, pools/b.json, false",
    "pools/[a-c].json, pools/c.json, true",
    "m\\[1\\]/*.json, m[1]/a.json, true",
    "m\\[1\\]/*.json, m1/a.json, false",
    // a leading ./ and backslashes are ignored in pattern and path; a**b is a*b
    "./pools/*.json, pools/a.json, true",
    "pools/*.json, ./pools/a.json, true",
    "pools/*.json, pools\\a.json, true",
    "a**b.json, a-x-b.json, true",
    "a**b.json, a/b.json, false",
  })
  void matches(String glob, String path, boolean expected) {
    assertEquals(expected, FileGlob.of(glob).matches(path));
  }

  @Test
  void rejectsUnclosedGroupsAndSetsSayingWhy() {
    IllegalArgumentException brace =
        assertThrows(IllegalArgumentException.class, () -> FileGlob.of("legacy/{a,b"));
    assertEquals(
        "'legacy/{a,b' is not a valid glob: a '{' is not closed with '}'", brace.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FileGlob.of("pools/[ab.json"))
            .getMessage()
            .contains("'[' at position 7 is not closed"));
    assertThrows(IllegalArgumentException.class, () -> FileGlob.of("a}"));
    assertThrows(IllegalArgumentException.class, () -> FileGlob.of("trailing\\"));
  }

  @Test
  void literalMatchesOnlyItself() {
    FileGlob g = FileGlob.of(FileGlob.literal("we{ir}d [dir]*?") + "/");
    assertTrue(g.matches("we{ir}d [dir]*?/pool.json"));
    assertFalse(g.matches("weird dir/pool.json"));
  }

  @Test
  void tellsGlobsFromPlainPaths() {
    assertTrue(FileGlob.isGlob("pools/*.json"));
    assertTrue(FileGlob.isGlob("pools/{a,b}.json"));
    assertFalse(FileGlob.isGlob("pools/a.json"));
  }
}
