package dev.poolcheck.engine.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a pool request body does: create a pool ({@code PUT}, data-plane {@code POST /pools}) or
 * update one ({@code PATCH}, data-plane update properties). Rules about creating pools judge only
 * creates; a body that does not say is a create.
 */
public enum PoolOperation {
  CREATE("create"),
  UPDATE("update");

  private final String id;

  PoolOperation(String id) {
    this.id = id;
  }

  /** The name used on the command line ({@code --operation}) and in the canonical pool. */
  public String id() {
    return id;
  }

  public static Optional<PoolOperation> parse(String text) {
    return Arrays.stream(values()).filter(o -> o.id.equalsIgnoreCase(text)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(PoolOperation::id).collect(Collectors.joining(", "));
  }
}
