package dev.poolcheck.engine.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a rule may know besides the pool: the date the run is judged against ({@code --as-of}), and
 * the rule data from configuration (for example {@code allowedExtensions}), as JSON.
 *
 * <p>A context lives for one pool document; {@link #memo} lets several rules share work on it (the
 * schema checks validate once and each report their own part).
 */
public final class RuleContext {

  private final LocalDate asOf;
  private final JsonNode data;
  private final Map<String, Object> memo = new ConcurrentHashMap<>();

  public RuleContext(LocalDate asOf, JsonNode data) {
    this.asOf = asOf;
    this.data = data;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /** Rule data: built-in defaults merged with configuration; an object node. */
  public JsonNode data() {
    return data;
  }

  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> compute) {
    return (T) memo.computeIfAbsent(key, k -> compute.get());
  }
}
