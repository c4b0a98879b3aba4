package dev.poolcheck.cli;

import dev.poolcheck.engine.report.ReportTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code --format}/{@code --output} pairing of the command line, as the engine's targets. */
final class ReportOutputs {

  static final String STDOUT = "-";

  private ReportOutputs() {}

  /**
   * Pairs the i-th {@code --format} with the i-th {@code --output}; formats without an output (or
   * with output {@code -}) go to standard output, which at most one of them may use.
   *
   * @param formats the formats in command-line order; empty means {@code text}
   * @param outputs the outputs in command-line order, as written
   * @param workingDir what relative outputs are resolved against
   * @throws IllegalArgumentException with a user-facing message when they do not pair up
   * @throws dev.poolcheck.engine.model.PoolcheckException when a format is unknown
   */
  static List<ReportTarget> pair(List<String> formats, List<String> outputs, Path workingDir) {
    List<String> effective = formats.isEmpty() ? List.of("text") : formats;
    if (outputs.size() > effective.size()) {
      throw new IllegalArgumentException(
          "--output is given "
              + outputs.size()
              + " times but --format only "
              + effective.size()
              + (effective.size() == 1 ? " time" : " times")
              + "; give a --format before each --output");
    }
    List<ReportTarget> targets = new ArrayList<>();
    List<String> toStdout = new ArrayList<>();
    Set<Path> files = new HashSet<>();
    for (int i = 0; i < effective.size(); i++) {
      String output = i < outputs.size() ? outputs.get(i) : STDOUT;
      if (output.equals(STDOUT)) {
        toStdout.add(effective.get(i));
        targets.add(ReportTarget.stdout(effective.get(i)));
      } else {
        Path file = workingDir.resolve(output).normalize();
        if (!files.add(file)) {
          throw new IllegalArgumentException(
              "--output '" + output + "' is given twice; give each format its own file");
        }
        targets.add(ReportTarget.file(effective.get(i), file));
      }
    }
    if (toStdout.size() > 1) {
      throw new IllegalArgumentException(
          "formats "
              + String.join(" and ", toStdout)
              + " would all go to standard output; give all but one of them an --output FILE");
    }
    return targets;
  }
}
