package dev.poolcheck.engine.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the engine's package graph as {@code docs/architecture.md} draws it: the table between the
 * {@code layers} markers there is the only place the layering is written; this test reads it.
 */
class ArchitectureTest {

  private static final String ENGINE = "dev.poolcheck.engine";
  private static final Path DOC = Path.of("..", "docs", "architecture.md");

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ENGINE);

  @Test
  void engineImportsPointOnlyDownTheDocumentedLayers() {
    layering(allowedImports()).check(PRODUCTION);
  }

  @Test
  void enginePackagesAreFreeOfCycles() {
    SlicesRuleDefinition.slices()
        .matching(ENGINE + ".(*)..")
        .should()
        .beFreeOfCycles()
        .check(PRODUCTION);
  }

  @Test
  void everyEnginePackageHasARowInTheTable() {
    Set<String> documented = allowedImports().keySet();
    List<String> missing = new ArrayList<>();
    PRODUCTION.stream()
        .map(c -> c.getPackageName())
        .filter(p -> p.startsWith(ENGINE + "."))
        .map(p -> p.substring(ENGINE.length() + 1).split("\\.")[0])
        .distinct()
        .filter(p -> !documented.contains(p))
        .forEach(missing::add);
    assertEquals(List.of(), missing, "packages missing from docs/architecture.md's layer table");
  }

  /**
   * The rule fails on an upward import: {@code PlantedUpwardImport} sits in the test sources of
   * {@code model} and imports {@code api}.
   */
  @Test
  void rejectsAPlantedUpwardImport() {
    JavaClasses planted =
        new ClassFileImporter().importClasses(dev.poolcheck.engine.model.PlantedUpwardImport.class);
    AssertionError error =
        assertThrows(AssertionError.class, () -> layering(allowedImports()).check(planted));
    assertTrue(error.getMessage().contains("PlantedUpwardImport"), error.getMessage());
  }

  @Test
  void readsEveryLayerOfTheTable() {
    Map<String, Set<String>> allowed = allowedImports();
    assertEquals(Set.of(), allowed.get("model"), "model is the ground floor");
    assertFalse(allowed.get("report").contains("document"), "report knows nothing of loading");
    assertTrue(allowed.get("api").containsAll(Set.of("model", "normalise", "config", "report")));
  }

  private static ArchRule layering(Map<String, Set<String>> allowed) {
    Architectures.LayeredArchitecture layers =
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String pkg : allowed.keySet()) {
      layers = layers.layer(pkg).definedBy(ENGINE + "." + pkg + "..");
    }
    for (Map.Entry<String, Set<String>> e : allowed.entrySet()) {
      layers =
          e.getValue().isEmpty()
              ? layers.whereLayer(e.getKey()).mayNotAccessAnyLayer()
              : layers
                  .whereLayer(e.getKey())
                  .mayOnlyAccessLayers(e.getValue().toArray(String[]::new));
    }
    return layers;
  }

  /** Package -> the packages it may import, from the table in docs/architecture.md. */
  static Map<String, Set<String>> allowedImports() {
    String doc;
    try {
      doc = Files.readString(DOC, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DOC, e);
    }
    int begin = doc.indexOf("<!-- layers: begin -->");
    int end = doc.indexOf("<!-- layers: end -->");
    assertTrue(begin >= 0 && end > begin, "layer table markers missing in " + DOC);
    Pattern row = Pattern.compile("^\\| `([a-z]+)` \\|(.*)\\|$", Pattern.MULTILINE);
    Matcher m = row.matcher(doc.substring(begin, end));
    Map<String, Set<String>> allowed = new LinkedHashMap<>();
    List<String> above = new ArrayList<>();
    while (m.find()) {
      String pkg = m.group(1);
      String cells = m.group(2);
      String uses = cells.substring(cells.lastIndexOf('|') + 1).strip();
      Set<String> set;
      if (uses.equals("every package above")) {
        set = Set.copyOf(above);
      } else {
        List<String> names = new ArrayList<>();
        Matcher n = Pattern.compile("`([a-z]+)`").matcher(uses);
        while (n.find()) {
          names.add(n.group(1));
        }
        set = Set.copyOf(names);
      }
      for (String used : set) {
        assertTrue(
            above.contains(used), pkg + " may use " + used + ", whose row is not before its own");
      }
      allowed.put(pkg, set);
      above.add(pkg);
    }
    assertFalse(allowed.isEmpty(), "no layer rows between the markers in " + DOC);
    return allowed;
  }
}
