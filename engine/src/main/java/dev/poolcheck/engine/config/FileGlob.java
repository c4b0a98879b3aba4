package dev.poolcheck.engine.config;

import java.util.regex.Pattern;

/**
 * The one glob language of poolcheck: {@code --include}, {@code --exclude}, the configuration's
 * {@code exclude} and suppressions' {@code file}, and the Maven plugin's {@code includes} and
 * {@code excludes}. It means what Maven, Ant, {@code .gitignore} and pre-commit users expect:
 *
 * <ul>
 *   <li>{@code **}{@code /} matches zero or more folders: {@code pools/**}{@code /*.json} matches
 *       {@code pools/a.json} and {@code pools/x/y/a.json}; {@code **}{@code /*.json} matches {@code
 *       a.json};
 *   <li>a trailing {@code /**} matches the folder and everything below it, and a trailing {@code /}
 *       means the same ({@code target/});
 *   <li>{@code *} matches within one folder name, {@code ?} one character, {@code [abc]} / {@code
 *       [a-z]} / {@code [!abc]} one character of a set, {@code {a,b}} either alternative (they may
 *       nest), and {@code \} makes the next character literal.
 * </ul>
 *
 * Globs are matched against a path relative to a folder (the base directory, or the folder given on
 * the command line), with {@code /} separators; a leading {@code ./} is ignored in both.
 *
 * @param pattern the glob as written
 * @param regex what it compiles to
 */
public record FileGlob(String pattern, Pattern regex) {

  /**
   * Compiles {@code pattern}.
   *
   * @throws IllegalArgumentException when the pattern is not a valid glob; the message says why
   */
  public static FileGlob of(String pattern) {
    String p = pattern;
    while (p.startsWith("./")) {
      p = p.substring(2); // not normalise(): in a pattern, '\\' escapes the next character
    }
    if (p.endsWith("/")) {
      p = p + "**";
    }
    return new FileGlob(pattern, Pattern.compile(toRegex(p)));
  }

  /** Whether {@code path} (relative, {@code /} or {@code \} separators) matches this glob. */
  public boolean matches(String path) {
    return regex.matcher(normalise(path)).matches();
  }

  /** The form paths are compared in: {@code /} separators and no leading {@code ./}. */
  public static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    return p;
  }

  /** Whether {@code text} contains a character that makes it a glob rather than a plain path. */
  public static boolean isGlob(String text) {
    for (char c : text.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return true;
      }
    }
    return false;
  }

  /** Escapes {@code text} (a folder or file name) so that it matches only itself. */
  public static String literal(String text) {
    return text.replaceAll("([\\[\\]{}*?\\\\])", "\\\\$1");
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int braces = 0;
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '\\' -> {
          if (i + 1 >= n) {
            throw invalid(glob, "it ends with an escape character '\\'");
          }
          re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        case '*' -> {
          boolean segmentStart = i == 0 || "/{,".indexOf(glob.charAt(i - 1)) >= 0;
          boolean doubled = i + 1 < n && glob.charAt(i + 1) == '*';
          boolean segmentEnd = doubled && (i + 2 == n || "/},".indexOf(glob.charAt(i + 2)) >= 0);
          if (doubled && segmentStart && segmentEnd) {
            if (i + 2 == n || glob.charAt(i + 2) != '/') {
              // "dir/**" matches dir itself and everything below; "**" alone matches everything.
              if (re.length() >= 1 && re.charAt(re.length() - 1) == '/') {
                re.setLength(re.length() - 1);
                re.append("(?:/.*)?");
              } else {
                re.append(".*");
              }
              i++;
            } else {
              re.append("(?:[^/]*/)*"); // "**/": zero or more folders
              i += 2;
            }
          } else {
            while (i + 1 < n && glob.charAt(i + 1) == '*') {
              i++; // "a**b" is "a*b", as in .gitignore
            }
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> i = characterClass(glob, i, re);
        case '{' -> {
          braces++;
          re.append("(?:");
        }
        case '}' -> {
          if (braces == 0) {
            throw invalid(glob, "'}' at position " + (i + 1) + " closes no '{'");
          }
          braces--;
          re.append(')');
        }
        case ',' -> re.append(braces > 0 ? "|" : ",");
        case '/' -> re.append('/');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) {
      throw invalid(glob, "a '{' is not closed with '}'");
    }
    return re.toString();
  }

  /** Appends the character class that starts at {@code start}; returns the index of its ']'. */
  private static int characterClass(String glob, int start, StringBuilder re) {
    int i = start + 1;
    StringBuilder set = new StringBuilder("[");
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      set.append('^');
      i++;
    }
    boolean first = true;
    for (; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == ']' && !first) {
        re.append(set).append("&&[^/]]");
        return i;
      }
      if (c == '/') {
        break;
      }
      if (c == '\\' || c == '[' || c == '&' || c == '^' || (c == ']' && first)) {
        set.append('\\');
      }
      set.append(c);
      first = false;
    }
    throw invalid(glob, "the '[' at position " + (start + 1) + " is not closed with ']'");
  }

  private static IllegalArgumentException invalid(String glob, String why) {
    return new IllegalArgumentException("'" + glob + "' is not a valid glob: " + why);
  }
}
