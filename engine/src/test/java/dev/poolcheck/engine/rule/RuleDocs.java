package dev.poolcheck.engine.rule;

import dev.poolcheck.engine.model.RuleDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the generated header of the page of each built-in id (Rego rules, Java rules, engine
 * finding ids), {@code docs/rules/<id>.md}, from the rule's metadata; the hand-written part below
 * the markers is kept. {@link RuleDocsTest} fails when a page is stale. Run from the repository
 * root:
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:java -Dexec.mainClass=dev.poolcheck.engine.rule.RuleDocs \
 *     -Dexec.classpathScope=test
 * </pre>
 */
public final class RuleDocs {

  static final String START = "<!-- generated -->";
  static final String END = "<!-- /generated -->";

  private RuleDocs() {}

  /** Rewrites the pages under {@code <args[0]>/docs/rules} (default: this repository). */
  public static void main(String[] args) throws IOException {
    Path repo = args.length > 0 ? Path.of(args[0]) : dev.poolcheck.engine.rego.TestPools.REPO;
    for (BuiltInCatalog.Entry entry : BuiltInCatalog.entries()) {
      RuleDescriptor d = entry.descriptor();
      Path page = repo.resolve("docs/rules").resolve(d.id() + ".md");
      String existing = Files.exists(page) ? Files.readString(page) : null;
      String updated = page(existing, header(d, entry.source()));
      if (!updated.equals(existing)) {
        Files.createDirectories(page.getParent());
        Files.writeString(page, updated);
        System.out.println("wrote " + page);
      }
    }
  }

  /** The generated block, markers included. */
  static String header(RuleDescriptor d, String source) {
    String policy = source;
    return START
        + "\n# "
        + d.id()
        + "\n\n**"
        + d.title()
        + "**\n\n| Severity | Since | Source |\n|---|---|---|\n| "
        + d.severity().id()
        + " | "
        + d.since()
        + " | [`"
        + policy
        + "`](../../"
        + policy
        + ") |\n\n"
        + d.description().strip()
        + "\n"
        + END;
  }

  /** The page with its generated block replaced, or a new page with a part to write by hand. */
  static String page(String existing, String header) {
    if (existing == null || !existing.contains(START) || !existing.contains(END)) {
      return header + "\n\n## Why\n\nTODO\n\n## Bad\n\nTODO\n\n## Good\n\nTODO\n";
    }
    int start = existing.indexOf(START);
    int end = existing.indexOf(END) + END.length();
    return existing.substring(0, start) + header + existing.substring(end);
  }
}
