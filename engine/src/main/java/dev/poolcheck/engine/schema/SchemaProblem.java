package dev.poolcheck.engine.schema;

/**
 * One schema violation in a pool's source document, already worded for the user.
 *
 * @param kind which schema rule reports it
 * @param pointer where, in the source document
 * @param message what is wrong and what to do; never quotes a secret
 */
record SchemaProblem(Kind kind, String pointer, String message) {

  /** The schema checks; each is its own rule. */
  enum Kind {
    INVALID_VALUE,
    REQUIRED_PROPERTY,
    UNKNOWN_PROPERTY,
    READ_ONLY_PROPERTY,
    ENUM_CASE
  }
}
