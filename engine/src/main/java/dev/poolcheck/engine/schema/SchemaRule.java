package dev.poolcheck.engine.schema;

import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import java.util.List;

/** One of the four schema checks: reports its own kind of the pool's shared schema problems. */
record SchemaRule(RuleDescriptor descriptor, SchemaProblem.Kind kind) implements Rule {

  /** The {@link RuleContext#memo} key under which one validation per pool is shared. */
  static final String MEMO_KEY = "dev.poolcheck.engine.schema.problems";

  @Override
  public List<Violation> check(PoolDocument pool, RuleContext context) {
    List<SchemaProblem> problems =
        context.memo(MEMO_KEY, () -> new SchemaValidation(PoolSchemas.get()).check(pool));
    return problems.stream()
        .filter(p -> p.kind() == kind)
        .map(
            p -> {
              Violation v = Violation.atSource(p.pointer(), p.message());
              return p.severity() == null ? v : v.withSeverity(p.severity());
            })
        .toList();
  }
}
