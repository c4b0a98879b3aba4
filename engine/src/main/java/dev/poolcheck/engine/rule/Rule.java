package dev.poolcheck.engine.rule;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.RuleDescriptor;
import java.util.List;

/**
 * A check over one pool. Built-in Rego rules, Java rules found through {@link
 * java.util.ServiceLoader} (see {@link RuleProvider}), user policy bundles and the schema checks
 * all implement this one interface. Implementations must be thread-safe: the engine checks
 * documents on several threads.
 */
public interface Rule {

  RuleDescriptor descriptor();

  /** Checks one pool. Returns no violations when the pool is fine; never returns null. */
  List<Violation> check(PoolDocument pool, RuleContext context);
}
