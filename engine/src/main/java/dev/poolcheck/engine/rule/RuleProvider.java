package dev.poolcheck.engine.rule;

import java.util.List;

/**
 * Service interface for Java rule plugins: list an implementation in {@code
 * META-INF/services/dev.poolcheck.engine.rule.RuleProvider} and put the jar on the class path.
 */
public interface RuleProvider {

  /** The rules this plugin contributes. Called once per run. */
  List<Rule> rules();
}
