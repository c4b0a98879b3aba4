package dev.poolcheck.engine.schema;

import dev.poolcheck.engine.model.Severity;

/**
 * One schema violation in a pool's source document, already worded for the user.
 *
 * @param kind which schema rule reports it
 * @param pointer where, in the source document
 * @param message what is wrong and what to do; never quotes a secret
 * @param severity the severity of this one problem when it differs from its rule's (an argument
 *     Terraform rejects is an error), else {@code null}
 */
record SchemaProblem(Kind kind, String pointer, String message, Severity severity) {

  SchemaProblem(Kind kind, String pointer, String message) {
    this(kind, pointer, message, null);
  }

  /** The schema checks; each is its own rule. */
  enum Kind {
    INVALID_VALUE,
    REQUIRED_PROPERTY,
    UNKNOWN_PROPERTY,
    READ_ONLY_PROPERTY,
    ENUM_CASE
  }
}
