package dev.poolcheck.bench.corpus;

import dev.poolcheck.engine.model.DocumentKind;
import java.nio.charset.StandardCharsets;

/**
 * One generated file.
 *
 * @param path where it goes, relative to the corpus folder, with {@code /} separators
 * @param kind the kind of document it holds
 * @param format JSON or YAML
 * @param violation the mistake planted in it, or {@link Violation#NONE}
 * @param pools how many pool definitions it holds (several for ARM templates, else one)
 * @param content the text of the file
 */
public record CorpusFile(
    String path, DocumentKind kind, Format format, Violation violation, int pools, String content) {

  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  /** One line of the manifest: path, kind, format, violation, pools, size in bytes. */
  public String manifestLine() {
    return String.join(
        "\t",
        path,
        kind.id(),
        format.extension(),
        violation.id(),
        Integer.toString(pools),
        Integer.toString(bytes().length));
  }
}
