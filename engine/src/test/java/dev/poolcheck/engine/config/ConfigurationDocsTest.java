package dev.poolcheck.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the example in docs/configuration.md a configuration poolcheck accepts. */
class ConfigurationDocsTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");
  private static final String MARKER = "<!-- ConfigurationDocsTest loads this example";

  @TempDir Path dir;

  @Test
  void documentedExampleLoads() throws IOException {
    String doc = Files.readString(DOC);
    int marker = doc.indexOf(MARKER);
    assertTrue(marker >= 0, "marker missing in " + DOC);
    int start = doc.indexOf("```yaml\n", marker) + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    Files.createDirectories(dir.resolve("policies"));
    Files.writeString(dir.resolve("policies/bundle.tar.gz"), "stand-in");

    Configuration config =
        Configuration.load(Files.writeString(dir.resolve(".poolcheck.yaml"), example));

    assertEquals(2, config.suppressions().size());
    assertEquals(1, config.allowedExtensions().size());
    assertEquals(1, config.policies().size());
  }
}
