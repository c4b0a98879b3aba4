package dev.poolcheck.cli;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * A rule page (Markdown, as in {@code docs/rules/}) rendered for a terminal: headings underlined
 * (bold with colour), tables as {@code name: value} lines, code blocks indented, paragraphs
 * wrapped, and links as their text; a link to another rule page becomes {@code poolcheck explain
 * ID}, a web link is shown after its text, and a link into the repository is its text only (the
 * path is the text). The Markdown is parsed with commonmark-java, not by hand.
 */
final class TerminalPage {

  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final boolean color;
  private final int width;

  TerminalPage(boolean color, int width) {
    this.color = color;
    this.width = Math.max(40, width);
  }

  String render(String markdown) {
    Renderer r = new Renderer();
    PARSER.parse(markdown).accept(r);
    return r.out.toString().stripTrailing() + System.lineSeparator();
  }

  private final class Renderer extends AbstractVisitor {
    final StringBuilder out = new StringBuilder();
    private String indent = "";

    private void block(String text) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(text).append('\n');
    }

    @Override
    public void visit(Heading heading) {
      String text = inline(heading);
      String underline = (heading.getLevel() == 1 ? "=" : "-").repeat(text.length());
      block(color ? BOLD + text + RESET + "\n" + underline : text + "\n" + underline);
    }

    @Override
    public void visit(Paragraph paragraph) {
      block(wrap(inline(paragraph), indent));
    }

    @Override
    public void visit(FencedCodeBlock code) {
      block(indented(code.getLiteral().stripTrailing(), indent + "    "));
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      block(indented(code.getLiteral().stripTrailing(), indent + "    "));
    }

    @Override
    public void visit(BlockQuote quote) {
      String saved = indent;
      indent = indent + "  | ";
      visitChildren(quote);
      indent = saved;
    }

    @Override
    public void visit(BulletList list) {
      items(list, false);
    }

    @Override
    public void visit(OrderedList list) {
      items(list, true);
    }

    private void items(Node list, boolean numbered) {
      int n = 1;
      List<String> lines = new ArrayList<>();
      for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
        String marker = numbered ? (n++) + ". " : "- ";
        String text = inline(item);
        lines.add(wrap(marker + text, indent).replace("\n", "\n" + " ".repeat(marker.length())));
      }
      block(String.join("\n", lines));
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
      block("-".repeat(Math.min(width, 40)));
    }

    @Override
    public void visit(HtmlBlock html) {
      // Markers such as <!-- generated --> are for the docs build, not for readers.
    }

    @Override
    public void visit(org.commonmark.node.CustomBlock block) {
      if (block instanceof TableBlock table) {
        List<String> header = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
          for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
            List<String> cells = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
              cells.add(inline(cell));
            }
            if (part instanceof TableHead) {
              header = cells;
            } else if (row instanceof TableRow) {
              rows.add(cells);
            }
          }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
          List<String> pairs = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            String name = i < header.size() ? header.get(i) : "";
            pairs.add(name.isEmpty() ? row.get(i) : name + ": " + row.get(i));
          }
          lines.add(wrap(String.join(", ", pairs), indent));
        }
        block(String.join("\n", lines));
      } else {
        visitChildren(block);
      }
    }

    private String inline(Node parent) {
      StringBuilder text = new StringBuilder();
      new Inline(text).visitChildren(parent);
      return text.toString().strip();
    }
  }

  /** Inline content as plain text. */
  private final class Inline extends AbstractVisitor {
    private final StringBuilder text;

    Inline(StringBuilder text) {
      this.text = text;
    }

    @Override
    public void visitChildren(Node parent) {
      super.visitChildren(parent);
    }

    @Override
    public void visit(Text t) {
      text.append(t.getLiteral());
    }

    @Override
    public void visit(Code code) {
      text.append(color ? BOLD + code.getLiteral() + RESET : "'" + code.getLiteral() + "'");
    }

    @Override
    public void visit(Emphasis e) {
      visitChildren(e);
    }

    @Override
    public void visit(StrongEmphasis e) {
      if (color) {
        text.append(BOLD);
        visitChildren(e);
        text.append(RESET);
      } else {
        visitChildren(e);
      }
    }

    @Override
    public void visit(SoftLineBreak b) {
      text.append(' ');
    }

    @Override
    public void visit(HardLineBreak b) {
      text.append('\n');
    }

    @Override
    public void visit(HtmlInline html) {}

    @Override
    public void visit(Paragraph p) {
      if (text.length() > 0) {
        text.append(' ');
      }
      visitChildren(p);
    }

    @Override
    public void visit(Link link) {
      int start = text.length();
      visitChildren(link);
      String label = text.substring(start);
      String url = link.getDestination();
      String page = url.replaceFirst("#.*$", "");
      if (url.startsWith("http://") || url.startsWith("https://")) {
        if (!label.equals(url)) {
          text.append(" <").append(url).append('>');
        }
      } else if (!page.contains("/") && page.endsWith(".md")) {
        String id = page.substring(0, page.length() - 3);
        if (!label.contains(id)) {
          text.append(" (poolcheck explain ").append(id).append(')');
        }
      }
      // Any other link points into the repository; its text already names the file.
    }

    @Override
    public void visit(org.commonmark.node.CustomNode node) {
      visitChildren(node);
    }
  }

  private static String indented(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }

  /** Greedy word wrap to the page width, keeping explicit line breaks. */
  private String wrap(String text, String prefix) {
    StringBuilder out = new StringBuilder();
    for (String para : text.split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      int col = 0;
      out.append(prefix);
      col += prefix.length();
      boolean first = true;
      for (String word : para.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        int visible = word.replaceAll("\u001b\\[[0-9;]*m", "").length();
        if (!first && col + 1 + visible > width) {
          out.append('\n').append(prefix);
          col = prefix.length();
        } else if (!first) {
          out.append(' ');
          col++;
        }
        out.append(word);
        col += visible;
        first = false;
      }
    }
    return out.toString();
  }
}
