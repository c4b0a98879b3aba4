package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentFindingsTest {

  @Test
  void describesEveryDocumentFindingWithItsArchitectureSeverity() {
    Map<String, Severity> expected =
        Map.of(
            "syntax-error", Severity.ERROR,
            "duplicate-key", Severity.ERROR,
            "unreadable-input", Severity.ERROR,
            "not-a-pool-definition", Severity.INFO,
            "settings-not-json", Severity.ERROR,
            "extension-status-failed", Severity.ERROR,
            "pool-definition-misplaced", Severity.WARNING,
            "extension-settings-stringified", Severity.WARNING);
    Map<String, Severity> actual =
        DocumentFindings.descriptors().stream()
            .collect(Collectors.toMap(RuleDescriptor::id, RuleDescriptor::severity));
    assertEquals(expected, actual);
    for (RuleDescriptor d : DocumentFindings.descriptors()) {
      assertTrue(RuleDescriptor.isKebabCase(d.id()), d.id());
      assertEquals(RuleDescriptor.builtInHelpUri(d.id()), d.helpUri());
      assertEquals(RuleDescriptor.Origin.BUILT_IN, d.origin());
      assertEquals("0.1.0", d.since());
      assertTrue(d.description().length() > 40, d.id());
    }
  }
}
