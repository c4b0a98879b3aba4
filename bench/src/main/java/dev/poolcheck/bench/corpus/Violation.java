package dev.poolcheck.bench.corpus;

/**
 * The mistake, if any, that the generator planted in a corpus file. About one file in ten carries
 * exactly one of them; the others are clean by construction (supported extensions, supported node
 * agents, spelled properties).
 */
public enum Violation {
  NONE("none"),
  /** An extension of type {@code CustomScript}, which Azure Batch reserves for itself. */
  CUSTOM_SCRIPT("customscript-extension"),
  /** An extension whose publisher and type are not on the Batch allow-list. */
  UNLISTED_EXTENSION("unlisted-extension"),
  /** A Key Vault extension observing a URL that is not a Key Vault secret URL over https. */
  BAD_KEY_VAULT_URL("bad-key-vault-url"),
  /** A node agent SKU whose support has ended (pool definitions only). */
  RETIRED_NODE_AGENT("retired-node-agent"),
  /** A misspelt property name in an extension ({@code typeHandlerVerison}). */
  TYPO_PROPERTY("typo-property");

  private final String id;

  Violation(String id) {
    this.id = id;
  }

  /** The name written in the corpus manifest. */
  public String id() {
    return id;
  }
}
