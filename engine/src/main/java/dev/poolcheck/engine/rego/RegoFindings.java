package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.rule.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a Rego rule returned into violations. A rule returns a set (a JSON array) of strings
 * or of objects with {@code msg} and an optional canonical {@code pointer}, as conftest does. An
 * object may also carry a {@code severity} ({@code "error"}, {@code "warning"} or {@code "info"})
 * for that one finding, in place of the rule's severity: a retirement is a warning before its date
 * and an error after it.
 */
final class RegoFindings {

  private RegoFindings() {}

  /**
   * @param results the rule's value; missing or null when the rule is undefined
   * @param where the bundle and rule, for the error message
   */
  static List<Violation> toViolations(JsonNode results, String where) {
    if (results == null || results.isMissingNode() || results.isNull()) {
      return List.of();
    }
    if (!results.isArray()) {
      throw unexpected(where, results);
    }
    List<Violation> violations = new ArrayList<>(results.size());
    for (JsonNode result : results) {
      if (result.isTextual()) {
        violations.add(Violation.at("", result.asText()));
      } else if (result.isObject() && result.path("msg").isTextual()) {
        JsonNode pointer = result.path("pointer");
        if (pointer.isTextual() && !isPointer(pointer.asText())) {
          // A broken rule: a pointer that is no RFC 6901 pointer would end up in every report.
          throw new PoolcheckException(
              where
                  + " returned a finding whose pointer is not a JSON Pointer (RFC 6901: '/' then"
                  + " segments in which '~' is written '~0' and '/' '~1'); fix the rule");
        }
        String at = pointer.isTextual() ? pointer.asText() : "";
        Violation violation = Violation.at(at, result.get("msg").asText());
        JsonNode severity = result.path("severity");
        if (!severity.isMissingNode()) {
          violation =
              violation.withSeverity(
                  Severity.parse(severity.isTextual() ? severity.asText() : null)
                      .orElseThrow(() -> badSeverity(where, severity)));
        }
        violations.add(violation);
      } else {
        throw unexpected(where, result);
      }
    }
    return violations;
  }

  static boolean isPointer(String text) {
    if (!text.isEmpty() && !text.startsWith("/")) {
      return false;
    }
    for (int i = text.indexOf('~'); i >= 0; i = text.indexOf('~', i + 1)) {
      if (i + 1 >= text.length() || (text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1')) {
        return false;
      }
    }
    return true;
  }

  private static PoolcheckException badSeverity(String where, JsonNode severity) {
    return new PoolcheckException(
        where
            + " returned a finding with severity "
            + severity
            + "; a finding's severity must be \"error\", \"warning\" or \"info\".");
  }

  private static PoolcheckException unexpected(String where, JsonNode value) {
    String shown = value.toString();
    return new PoolcheckException(
        where
            + " returned "
            + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown)
            + "; a rule must return strings or objects with a string msg and an optional pointer and severity.");
  }
}
