package dev.poolcheck.engine.document;

import java.util.Map;
import java.util.TreeMap;

/**
 * Translates pointers into a canonical {@link PoolDocument} back to pointers into the source
 * document. Each entry maps a canonical prefix to the source pointer it was copied from; the
 * longest matching prefix wins and the rest of the pointer is appended unchanged.
 */
public final class PointerMap {

  private final TreeMap<String, String> prefixes = new TreeMap<>();

  /** Records that the canonical subtree at {@code canonical} was copied from {@code source}. */
  public PointerMap map(String canonical, String source) {
    prefixes.put(canonical, source);
    return this;
  }

  /** The source pointer for a canonical pointer. */
  public String toSource(String canonical) {
    String p = canonical;
    while (true) {
      String src = prefixes.get(p);
      if (src != null) {
        return src + canonical.substring(p.length());
      }
      if (p.isEmpty()) {
        return canonical;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  public Map<String, String> entries() {
    return java.util.Collections.unmodifiableMap(prefixes);
  }
}
