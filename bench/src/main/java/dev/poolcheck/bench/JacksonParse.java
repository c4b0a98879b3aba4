package dev.poolcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of a cold single-file check: a JVM that starts, parses one file with Jackson (JSON, or
 * YAML for .yaml/.yml) and exits. bench/measure.py runs it with the launcher's flags beside
 * poolcheck on the same file.
 */
public final class JacksonParse {

  private JacksonParse() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String name = file.getFileName().toString();
    ObjectMapper mapper =
        name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : new ObjectMapper();
    if (mapper.readTree(Files.readAllBytes(file)) == null) {
      System.exit(1);
    }
  }
}
