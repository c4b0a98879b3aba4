package dev.poolcheck.engine.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hides known secret values in any text, in time linear in the text's length however many secrets
 * there are (an Aho-Corasick automaton over every secret).
 *
 * <p>A secret is found in every form it may take on the way out: as written, JSON-escaped (Jackson
 * and Go's HTML-safe {@code \u0026}), JSON-Pointer-escaped, with its whitespace collapsed or
 * removed, and cut short: any prefix of {@link #MIN_PREFIX} or more characters counts. Secrets
 * shorter than that count only whole, and those shorter than {@link #MIN_SECRET} not at all (they
 * would hide ordinary words). Very long secrets are entered as overlapping windows of {@link
 * #WINDOW} characters, so that any part of them is still found.
 *
 * <p>Fail closed: when a file holds more secret text than {@link #MAX_NODES} automaton states can
 * track, {@link #redact} withholds the whole text instead of guessing.
 *
 * <p>Why not a library: no Aho-Corasick implementation is in the project's Maven mirror, and the
 * well-known one (org.ahocorasick) has had no release since 2020 and matches whole keywords, not
 * prefixes of them.
 */
public final class Redactor {

  /** The shortest secret hidden. */
  public static final int MIN_SECRET = 4;

  /** The shortest prefix of a secret hidden on its own. */
  public static final int MIN_PREFIX = 8;

  static final int WINDOW = 64;

  /** About 40 bytes a state: at most some 160 MB for a file of nothing but secrets. */
  static final int MAX_NODES = 4_000_000;

  static final String WITHHELD =
      "(withheld: the file holds more secret text than poolcheck tracks)";

  private static final Redactor NONE = new Redactor(null, false);

  private final Automaton automaton;
  private final boolean overflow;

  private Redactor(Automaton automaton, boolean overflow) {
    this.automaton = automaton;
    this.overflow = overflow;
  }

  public static Redactor none() {
    return NONE;
  }

  /** A redactor for these secret values (and every encoding of them). */
  public static Redactor of(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s == null || s.strip().length() < MIN_SECRET) {
        continue;
      }
      forms.addAll(encodings(s));
    }
    if (forms.isEmpty()) {
      return NONE;
    }
    Automaton.Builder builder = new Automaton.Builder();
    for (String form : forms) {
      if (!builder.addWindows(form)) {
        return new Redactor(null, true);
      }
    }
    return new Redactor(builder.build(), false);
  }

  /** The forms a secret may take in a message, a pointer or a report. */
  static Set<String> encodings(String secret) {
    Set<String> out = new LinkedHashSet<>();
    String stripped = secret.strip();
    out.add(stripped);
    out.add(jsonEscaped(stripped, false));
    out.add(jsonEscaped(stripped, true));
    out.add(stripped.replace("~", "~0").replace("/", "~1"));
    String collapsed = stripped.replaceAll("\\s+", " ");
    out.add(collapsed);
    out.add(stripped.replaceAll("\\s+", ""));
    // A multi-line secret (a PEM key) is as secret line by line.
    for (String line : stripped.split("\\R")) {
      if (line.strip().length() >= MIN_PREFIX) {
        out.add(line.strip());
      }
    }
    out.removeIf(s -> s.length() < MIN_SECRET);
    return out;
  }

  private static String jsonEscaped(String s, boolean htmlSafe) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || (htmlSafe && (c == '<' || c == '>' || c == '&'))) {
            b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  public boolean isEmpty() {
    return automaton == null && !overflow;
  }

  /** The text with every secret (or secret prefix) in it replaced by {@code ***}. */
  public String redact(String text) {
    if (overflow) {
      return WITHHELD;
    }
    if (automaton == null || text.isEmpty()) {
      return text;
    }
    boolean[] hidden = automaton.cover(text);
    if (hidden == null) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (hidden[i]) {
        b.append("***");
        while (i + 1 < text.length() && hidden[i + 1]) {
          i++;
        }
      } else {
        b.append(text.charAt(i));
      }
    }
    return b.toString();
  }

  /**
   * The text with every secret character replaced by {@code *}, so columns stay where they were.
   */
  public String mask(String text) {
    if (overflow) {
      return "*".repeat(text.length());
    }
    if (automaton == null || text.isEmpty()) {
      return text;
    }
    boolean[] hidden = automaton.cover(text);
    if (hidden == null) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (hidden[i]) {
        chars[i] = '*';
      }
    }
    return new String(chars);
  }

  /**
   * The automaton: a trie of the secret forms with failure links. Every state at depth {@link
   * #MIN_PREFIX} or more is accepting (a prefix of a secret), and so is the end of a whole form.
   * Transitions live in one open-addressing table keyed by state and character.
   */
  private static final class Automaton {
    private final long[] keys;
    private final int[] targets;
    private final int[] fail;
    private final int[] longestMatch;

    private Automaton(long[] keys, int[] targets, int[] fail, int[] longestMatch) {
      this.keys = keys;
      this.targets = targets;
      this.fail = fail;
      this.longestMatch = longestMatch;
    }

    private int next(int state, char c) {
      long key = ((long) state << 16) | c;
      int mask = keys.length - 1;
      for (int slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
        long k = keys[slot];
        if (k == key) {
          return targets[slot];
        }
        if (k == EMPTY) {
          return -1;
        }
      }
    }

    /** Which characters of {@code text} belong to a secret, or null when none does. */
    boolean[] cover(String text) {
      int[] starts = null; // per end index, how far back the longest match ending there reaches
      int state = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int to;
        while ((to = next(state, c)) < 0 && state != 0) {
          state = fail[state];
        }
        state = Math.max(to, 0);
        int length = longestMatch[state];
        if (length > 0) {
          if (starts == null) {
            starts = new int[text.length() + 1];
          }
          starts[i - length + 1]++;
          starts[i + 1]--;
        }
      }
      if (starts == null) {
        return null;
      }
      boolean[] hidden = new boolean[text.length()];
      int open = 0;
      for (int i = 0; i < text.length(); i++) {
        open += starts[i];
        hidden[i] = open > 0;
      }
      return hidden;
    }

    static final long EMPTY = -1L;

    private static int mix(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 29));
    }

    static final class Builder {
      private final List<long[]> edges = new ArrayList<>(); // {state, char, target}
      private int[] depth = new int[1024];
      private boolean[] whole = new boolean[1024];
      private boolean[] prefix = new boolean[1024];
      private int[] firstChild = new int[1024];
      private int[] nextSibling = new int[1024];
      private char[] label = new char[1024];
      private int size = 1;

      Builder() {
        Arrays.fill(firstChild, -1);
        Arrays.fill(nextSibling, -1);
      }

      /** Adds the form as windows of {@link #WINDOW} characters, overlapping by half. */
      boolean addWindows(String form) {
        if (form.length() <= WINDOW) {
          return add(form, true);
        }
        for (int start = 0; start < form.length(); start += WINDOW / 2) {
          int end = Math.min(form.length(), start + WINDOW);
          if (end - start < MIN_PREFIX) {
            break;
          }
          if (!add(form.substring(start, end), end == form.length())) {
            return false;
          }
        }
        return true;
      }

      private boolean add(String form, boolean isWhole) {
        // A prefix must say more than a URL scheme: "https://" alone would hide every URL.
        int scheme = form.startsWith("https://") ? 8 : form.startsWith("http://") ? 7 : 0;
        int minPrefix = MIN_PREFIX + scheme;
        int state = 0;
        for (int i = 0; i < form.length(); i++) {
          char c = form.charAt(i);
          int child = child(state, c);
          if (child < 0) {
            if (size >= MAX_NODES) {
              return false;
            }
            child = newState(state, c);
          }
          state = child;
          if (i + 1 >= minPrefix) {
            prefix[state] = true;
          }
        }
        if (isWhole) {
          whole[state] = true;
        }
        return true;
      }

      private int child(int state, char c) {
        for (int s = firstChild[state]; s >= 0; s = nextSibling[s]) {
          if (label[s] == c) {
            return s;
          }
        }
        return -1;
      }

      private int newState(int parent, char c) {
        if (size == depth.length) {
          int n = depth.length * 2;
          depth = Arrays.copyOf(depth, n);
          whole = Arrays.copyOf(whole, n);
          prefix = Arrays.copyOf(prefix, n);
          label = Arrays.copyOf(label, n);
          firstChild = Arrays.copyOf(firstChild, n);
          nextSibling = Arrays.copyOf(nextSibling, n);
          Arrays.fill(firstChild, size, n, -1);
          Arrays.fill(nextSibling, size, n, -1);
        }
        int s = size++;
        depth[s] = depth[parent] + 1;
        label[s] = c;
        nextSibling[s] = firstChild[parent];
        firstChild[parent] = s;
        return s;
      }

      Automaton build() {
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] targets = new int[capacity];
        Arrays.fill(keys, EMPTY);
        int[] fail = new int[size];
        int[] longest = new int[size];
        Automaton a = new Automaton(keys, targets, fail, longest);
        // Breadth-first: a state's failure link is computed after all shallower states'.
        int[] queue = new int[size];
        int head = 0;
        int tail = 0;
        for (int c = firstChild[0]; c >= 0; c = nextSibling[c]) {
          put(keys, targets, 0, label[c], c);
          fail[c] = 0;
          queue[tail++] = c;
        }
        while (head < tail) {
          int s = queue[head++];
          longest[s] = accepting(s) ? depth[s] : longest[fail[s]];
          for (int c = firstChild[s]; c >= 0; c = nextSibling[c]) {
            put(keys, targets, s, label[c], c);
            int f = fail[s];
            int to;
            while ((to = child(f, label[c])) < 0 && f != 0) {
              f = fail[f];
            }
            fail[c] = to >= 0 && to != c ? to : 0;
            queue[tail++] = c;
          }
        }
        return a;
      }

      private boolean accepting(int s) {
        return prefix[s] || (whole[s] && depth[s] >= MIN_SECRET);
      }

      private static void put(long[] keys, int[] targets, int state, char c, int target) {
        long key = ((long) state << 16) | c;
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        targets[slot] = target;
      }
    }
  }
}
