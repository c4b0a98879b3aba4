package dev.poolcheck.engine.rule;

import dev.poolcheck.engine.model.Severity;
import java.util.Objects;

/**
 * What a rule reports: a message at a pointer. The engine adds the rule id, file and position.
 *
 * @param pointer where the problem is, in {@link #space}
 * @param message what is wrong and what to do; must not contain secret values
 * @param space whether {@link #pointer} addresses the canonical pool or the source document
 * @param severity the severity for this one violation, or {@code null} for the rule's default (for
 *     rules whose severity depends on the value, such as a retirement date)
 */
public record Violation(String pointer, String message, PointerSpace space, Severity severity) {

  /** The document a violation's pointer addresses. */
  public enum PointerSpace {
    /** The canonical {@link dev.poolcheck.engine.document.PoolDocument#canonical()} shape. */
    CANONICAL,
    /** The source document as written (used by checks that work on the source, like schemas). */
    SOURCE
  }

  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(space, "space");
  }

  public static Violation at(String canonicalPointer, String message) {
    return new Violation(canonicalPointer, message, PointerSpace.CANONICAL, null);
  }

  public static Violation atSource(String sourcePointer, String message) {
    return new Violation(sourcePointer, message, PointerSpace.SOURCE, null);
  }

  public Violation withSeverity(Severity s) {
    return new Violation(pointer, message, space, s);
  }
}
