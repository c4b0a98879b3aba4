package dev.poolcheck.engine.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name (a property, a rule id) a misspelt one most likely meant. */
public final class NearestName {

  private NearestName() {}

  /** Most edits a suggestion may be away; more is a different word, not a typo. */
  private static final int MAX_EDITS = 3;

  /**
   * The closest of {@code known} to {@code name}: a case-insensitive match first, else the one at
   * the smallest edit distance if that distance is at most a third of the name's length (at least
   * 2, at most 3), else a known name that starts with {@code name} or that {@code name} starts with
   * (the shorter at least 60% of the longer).
   */
  public static Optional<String> suggest(String name, Collection<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      if (k.equalsIgnoreCase(name)) {
        return Optional.of(k);
      }
      int d = distance(lower, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && k.compareTo(best) < 0)) {
        best = k;
        bestDistance = d;
      }
    }
    if (best != null && bestDistance <= Math.min(MAX_EDITS, Math.max(2, name.length() / 3))) {
      return Optional.of(best);
    }
    return truncated(name, known);
  }

  /**
   * Only the strong signals: the same name in another case, or a name one of the two truncates. For
   * names from another object, where an edit-distance match would be a different property with an
   * unrelated meaning ({@code resourceTags} is not {@code resourceFiles}).
   */
  public static Optional<String> sameOrTruncated(String name, Collection<String> known) {
    for (String k : known) {
      if (k.equalsIgnoreCase(name)) {
        return Optional.of(k);
      }
    }
    return truncated(name, known);
  }

  private static Optional<String> truncated(String name, Collection<String> known) {
    String lower = name.toLowerCase(Locale.ROOT);
    String prefixMatch = null;
    for (String k : known) {
      String kl = k.toLowerCase(Locale.ROOT);
      int shorter = Math.min(kl.length(), lower.length());
      int longer = Math.max(kl.length(), lower.length());
      if (lower.length() >= 4
          && shorter * 10 >= longer * 6
          && (kl.startsWith(lower) || lower.startsWith(kl))) {
        if (prefixMatch == null || k.compareTo(prefixMatch) < 0) {
          prefixMatch = k;
        }
      }
    }
    return Optional.ofNullable(prefixMatch);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
