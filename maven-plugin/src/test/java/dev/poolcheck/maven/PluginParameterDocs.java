package dev.poolcheck.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Writes {@code docs/maven-plugin-parameters.md} from the plugin descriptor that
 * maven-plugin-plugin generates from the goals' annotations and Javadoc ({@code
 * target/classes/META-INF/maven/plugin.xml}): every parameter of every goal with its type, user
 * property or expression, default and description. {@link PluginParameterDocsTest} fails when the
 * committed page is stale. Regenerate it from the repository root with:
 *
 * <pre>
 * mvn -B -o -pl maven-plugin -am test -Dtest=PluginParameterDocsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dpoolcheck.docs.write=true
 * </pre>
 */
public final class PluginParameterDocs {

  /** The page, relative to the repository root. */
  static final String PAGE = "docs/maven-plugin-parameters.md";

  /** The descriptor, relative to the plugin module. */
  static final String DESCRIPTOR = "target/classes/META-INF/maven/plugin.xml";

  private PluginParameterDocs() {}

  /** Rewrites the page of the repository {@code args[0]} (default: this repository). */
  public static void main(String[] args) throws IOException {
    Path repo = args.length > 0 ? Path.of(args[0]) : repo();
    Path page = repo.resolve(PAGE);
    String text = page(repo.resolve("maven-plugin").resolve(DESCRIPTOR));
    if (!Files.exists(page) || !Files.readString(page).equals(text)) {
      Files.writeString(page, text);
      System.out.println("wrote " + page);
    }
  }

  /** The repository root: the parent of the plugin module that the tests run in. */
  static Path repo() {
    Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    return module.getFileName().toString().equals("maven-plugin") ? module.getParent() : module;
  }

  /** The page for the descriptor at {@code descriptor}. */
  static String page(Path descriptor) throws IOException {
    try (InputStream in = Files.newInputStream(descriptor)) {
      return page(parse(in));
    }
  }

  static String page(Element plugin) {
    StringBuilder md = new StringBuilder();
    md.append("<!-- generated from the plugin descriptor by PluginParameterDocs; do not edit -->\n")
        .append("# Maven plugin parameters\n\n")
        .append("Every parameter of every goal of `")
        .append(text(plugin, "groupId"))
        .append(':')
        .append(text(plugin, "artifactId"))
        .append("`, as maven-plugin-plugin records them in the plugin descriptor")
        .append(" (`META-INF/maven/plugin.xml`) from the goals' annotations and Javadoc.")
        .append(" Set a parameter in the plugin's `<configuration>`, or on the command line with")
        .append(" `-D` and its property. Read-only parameters are filled in by Maven. The guide is")
        .append(" [maven-plugin.md](maven-plugin.md).\n");
    for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
      String goal = text(mojo, "goal");
      md.append("\n## `")
          .append(text(plugin, "goalPrefix"))
          .append(':')
          .append(goal)
          .append("`\n\n");
      md.append(cell(oneLine(text(mojo, "description")))).append("\n\n");
      Map<String, Element> configuration = new HashMap<>();
      Element config = child(mojo, "configuration");
      if (config != null) {
        for (Element c : children(config, null)) {
          configuration.put(c.getTagName(), c);
        }
      }
      md.append("| parameter | type | property / expression | default | description |\n")
          .append("|---|---|---|---|---|\n");
      for (Element p : children(child(mojo, "parameters"), "parameter")) {
        String name = text(p, "name");
        Element c = configuration.get(name);
        String expression = c == null ? "" : c.getTextContent().strip();
        String fallback = c == null ? "" : c.getAttribute("default-value");
        List<String> notes = new ArrayList<>();
        if ("true".equals(text(p, "required"))) {
          notes.add("required");
        }
        if ("false".equals(text(p, "editable"))) {
          notes.add("read-only");
        }
        String description = oneLine(text(p, "description"));
        if (!notes.isEmpty()) {
          description =
              "("
                  + String.join(", ", notes)
                  + ")"
                  + (description.isEmpty() ? "" : " " + description);
        }
        md.append("| `")
            .append(name)
            .append("` | `")
            .append(text(p, "type"))
            .append("` | ")
            .append(code(expression))
            .append(" | ")
            .append(code(fallback))
            .append(" | ")
            .append(cell(description))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  static Element parse(InputStream in) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      return builder.parse(in).getDocumentElement();
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read the plugin descriptor: " + e.getMessage(), e);
    }
  }

  private static String code(String value) {
    return value.isEmpty() ? "" : "`" + value.replace("|", "\\|") + "`";
  }

  /**
   * Descriptions are plain text (maven-plugin-tools resolves {@code {@code ...}} and keeps {@code
   * <goal-name>} as written); escaped so that Markdown shows them as written: {@code **}{@code /}
   * stays a glob, not bold.
   */
  static String cell(String text) {
    return text.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("`", "\\`")
        .replace("<", "&lt;")
        .replace("|", "\\|");
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().strip();
  }
}
