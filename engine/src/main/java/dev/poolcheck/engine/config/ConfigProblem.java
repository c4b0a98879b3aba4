package dev.poolcheck.engine.config;

import dev.poolcheck.engine.model.SourcePosition;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing wrong with a configuration or baseline file, at the place it is written.
 *
 * @param at where the offending key or value starts
 * @param what what is wrong and, where it helps, what to write instead
 */
record ConfigProblem(SourcePosition at, String what) {

  /** {@code file:line:col: what}, one line per problem, in file order, without repeats. */
  static String render(String file, List<ConfigProblem> problems) {
    return problems.stream()
        .sorted(Comparator.comparing(ConfigProblem::at).thenComparing(ConfigProblem::what))
        .map(p -> file + ":" + p.at() + ": " + p.what())
        .distinct()
        .collect(Collectors.joining("\n"));
  }
}
