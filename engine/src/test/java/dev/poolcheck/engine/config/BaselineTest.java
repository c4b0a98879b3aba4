package dev.poolcheck.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.Finding.Status;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @TempDir Path dir;

  private static final String POOL =
      """
      {
        "id": "render",
        "vmSize": "STANDARD_D2S_V3",
        "virtualMachineConfiguration": {
          "extensions": [
            {"name": "kv", "publisher": "Microsoft.Compute", "type": "CustomScriptExtension"},
            {"name": "mon", "publisher": "Contoso", "type": "Agent"}
          ]
        }
      }
      """;

  /**
   * Stands in for the rules: reports the extensions of a pool document at their real positions,
   * with a message naming the extension, the way the engine does.
   */
  private static List<Finding> check(String file, String text) {
    PositionedTree tree = PositionedTree.json(file, text);
    List<Finding> findings = new ArrayList<>();
    var extensions = tree.root().at("/virtualMachineConfiguration/extensions");
    for (int i = 0; i < extensions.size(); i++) {
      String pointer = "/virtualMachineConfiguration/extensions/" + i + "/type";
      var at = tree.valueAt(pointer);
      findings.add(
          new Finding(
              "extension-not-allowed",
              Severity.ERROR,
              "extension '"
                  + extensions.get(i).get("name").asText()
                  + "' of type "
                  + extensions.get(i).get("type").asText()
                  + " is not on the allow-list",
              file,
              pointer,
              SourceRange.at(at.line(), at.column())));
    }
    return findings;
  }

  private Baseline roundTrip(List<Finding> findings) {
    Path file = dir.resolve("baseline.json");
    Baseline.write(file, findings);
    return Baseline.read(file);
  }

  private static List<Status> statuses(List<Finding> findings) {
    return findings.stream().map(Finding::status).toList();
  }

  @Test
  void baselinesEveryFindingItRecorded() {
    List<Finding> today = check("pools/render.json", POOL);

    List<Finding> out = roundTrip(today).apply(today);

    assertEquals(List.of(Status.BASELINED, Status.BASELINED), statuses(out));
    assertEquals(today.get(0).withStatus(Status.BASELINED), out.get(0));
  }

  @Test
  void stillBaselinesWhenBlankLinesAreInsertedAbove() {
    Baseline baseline = roundTrip(check("pools/render.json", POOL));
    String edited = "\n\n\n\n\n" + POOL;
    List<Finding> later = check("pools/render.json", edited);
    assertEquals(
        check("pools/render.json", POOL).get(0).line() + 5, later.get(0).line(), "lines moved");

    assertEquals(List.of(Status.BASELINED, Status.BASELINED), statuses(baseline.apply(later)));
  }

  @Test
  void stillBaselinesWhenAnUnrelatedPropertyIsAdded() {
    Baseline baseline = roundTrip(check("pools/render.json", POOL));
    String edited =
        POOL.replace(
            "\"vmSize\": \"STANDARD_D2S_V3\",",
            "\"vmSize\": \"STANDARD_D2S_V3\",\n  \"taskSlotsPerNode\": 2,\n  \"metadata\": [],");

    assertEquals(
        List.of(Status.BASELINED, Status.BASELINED),
        statuses(baseline.apply(check("pools/render.json", edited))));
  }

  @Test
  void stillBaselinesWhenAnItemIsInsertedBeforeInTheSameList() {
    Baseline baseline = roundTrip(check("pools/render.json", POOL));
    String edited =
        POOL.replace(
            "\"extensions\": [\n",
            "\"extensions\": [\n      {\"name\": \"new\", \"publisher\": \"X\", \"type\": \"Y\"},\n");
    List<Finding> later = check("pools/render.json", edited);
    assertEquals(3, later.size());

    assertEquals(
        List.of(Status.ACTIVE, Status.BASELINED, Status.BASELINED),
        statuses(baseline.apply(later)));
  }

  @Test
  void reportsTheSameMessageAtAnotherPropertyAsNew() {
    Finding f = check("p.json", POOL).get(0);
    Baseline baseline = roundTrip(List.of(f));
    Finding elsewhere =
        new Finding(
            f.ruleId(),
            f.severity(),
            f.message(),
            f.file(),
            f.pointer().replace("/type", "/publisher"),
            f.range());

    assertEquals(List.of(Status.ACTIVE), statuses(baseline.apply(List.of(elsewhere))));
  }

  @Test
  void reportsAChangedFindingAsNew() {
    Baseline baseline = roundTrip(check("pools/render.json", POOL));
    String edited = POOL.replace("\"type\": \"Agent\"", "\"type\": \"OtherAgent\"");

    assertEquals(
        List.of(Status.BASELINED, Status.ACTIVE),
        statuses(baseline.apply(check("pools/render.json", edited))));
  }

  @Test
  void reportsTheSameFindingInAnotherFileAsNew() {
    Baseline baseline = roundTrip(check("pools/render.json", POOL));

    assertEquals(
        List.of(Status.ACTIVE, Status.ACTIVE),
        statuses(baseline.apply(check("pools/copy.json", POOL))));
  }

  @Test
  void reportsTheSameMessageFromAnotherRuleAsNew() {
    Finding f = check("p.json", POOL).get(0);
    Baseline baseline = roundTrip(List.of(f));
    Finding other =
        new Finding("another-rule", f.severity(), f.message(), f.file(), f.pointer(), f.range());

    assertEquals(List.of(Status.ACTIVE), statuses(baseline.apply(List.of(other))));
  }

  @Test
  void needsOneEntryPerIdenticalFinding() {
    Finding f = check("p.json", POOL).get(0);
    Finding twin =
        new Finding(
            f.ruleId(), f.severity(), f.message(), f.file(), f.pointer(), SourceRange.at(40, 1));
    Baseline one = roundTrip(List.of(f));
    Baseline two = roundTrip(List.of(f, twin));

    assertEquals(List.of(Status.BASELINED, Status.ACTIVE), statuses(one.apply(List.of(f, twin))));
    assertEquals(
        List.of(Status.BASELINED, Status.BASELINED), statuses(two.apply(List.of(f, twin))));
    assertEquals(2, two.size());
  }

  @Test
  void ignoresLineNumbersAndSpacingInMessages() {
    Finding before =
        new Finding(
            "duplicate-key",
            Severity.ERROR,
            "key 'id' is written twice  (first at line 3, column 5; again at 7:3)",
            "p.json",
            "/id",
            SourceRange.at(7, 3));
    Finding after =
        new Finding(
            "duplicate-key",
            Severity.ERROR,
            "key 'id' is written twice (first at line 8, column 5; again at 12:3)",
            "p.json",
            "/id",
            SourceRange.at(12, 3));

    assertEquals(
        List.of(Status.BASELINED), statuses(roundTrip(List.of(before)).apply(List.of(after))));
  }

  @Test
  void keepsOtherNumbersInMessages() {
    Finding port =
        new Finding(
            "port",
            Severity.ERROR,
            "backendPort 29876 is reserved",
            "p.json",
            "/p",
            SourceRange.FILE_START);
    Finding other =
        new Finding(
            "port",
            Severity.ERROR,
            "backendPort 29877 is reserved",
            "p.json",
            "/p",
            SourceRange.FILE_START);

    assertEquals(List.of(Status.ACTIVE), statuses(roundTrip(List.of(port)).apply(List.of(other))));
  }

  @Test
  void leavesSuppressedFindingsOutOfTheBaselineAndAlone() {
    List<Finding> today = check("p.json", POOL);
    Finding suppressed = today.get(0).withStatus(Status.SUPPRESSED);
    Baseline baseline = roundTrip(List.of(suppressed, today.get(1)));

    assertEquals(1, baseline.size());
    assertEquals(
        List.of(Status.SUPPRESSED, Status.BASELINED),
        statuses(baseline.apply(List.of(suppressed, today.get(1)))));
  }

  @Test
  void writesSortedStableJsonWithAVersion() throws IOException {
    List<Finding> findings = new ArrayList<>(check("b.json", POOL));
    findings.addAll(check("a.json", POOL));
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("sub/second.json");

    Baseline.write(first, findings);
    List<Finding> reversed = new ArrayList<>(findings);
    java.util.Collections.reverse(reversed);
    Baseline.write(second, reversed);

    String text = Files.readString(first);
    assertEquals(text, Files.readString(second));
    assertEquals(
        """
        {
          "version": 1,
          "findings": [
            {
              "rule": "extension-not-allowed",
              "file": "a.json",
              "pointer": "/virtualMachineConfiguration/extensions/0/type",
              "message": "extension 'kv' of type CustomScriptExtension is not on the allow-list"
            },
        """,
        text.substring(0, text.indexOf("},") + 3));
    assertTrue(text.endsWith("]\n}\n"), text);
    assertEquals(4, text.split("\"rule\"").length - 1);
  }

  @Test
  void writesAnEmptyBaselineThatReadsBack() {
    Baseline empty = roundTrip(List.of());

    assertEquals(0, empty.size());
    List<Finding> today = check("p.json", POOL);
    assertEquals(today, empty.apply(today));
  }

  @Test
  void reportsAMissingBaselineWithTheOptionToCreateIt() {
    Path missing = dir.resolve("nope.json");

    PoolcheckException e = assertThrows(PoolcheckException.class, () -> Baseline.read(missing));

    assertEquals(
        missing + ": baseline file not found; record one with --write-baseline " + missing,
        e.getMessage());
  }

  @Test
  void reportsMalformedJsonWithItsPosition() throws IOException {
    Path file =
        Files.writeString(dir.resolve("b.json"), "{\n  \"version\": 1,\n  \"findings\": [\n");

    PoolcheckException e = assertThrows(PoolcheckException.class, () -> Baseline.read(file));

    assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
  }

  @Test
  void rejectsAnotherVersion() throws IOException {
    Path file = Files.writeString(dir.resolve("b.json"), "{\"version\": 2, \"findings\": []}");

    PoolcheckException e = assertThrows(PoolcheckException.class, () -> Baseline.read(file));

    assertTrue(
        e.getMessage().startsWith(file + ":1:13: baseline version 2 is not supported"),
        e.getMessage());
  }

  @Test
  void rejectsAFileThatIsNotABaseline() throws IOException {
    Path file = Files.writeString(dir.resolve("pool.json"), POOL);

    PoolcheckException e = assertThrows(PoolcheckException.class, () -> Baseline.read(file));

    assertTrue(e.getMessage().startsWith(file + ":1:1: not a baseline file"), e.getMessage());
  }

  @Test
  void rejectsAnEntryWithMissingFields() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("b.json"),
            "{\"version\": 1,\n \"findings\": [\n  {\"rule\": \"r\", \"file\": \"f\"}\n ]}");

    PoolcheckException e = assertThrows(PoolcheckException.class, () -> Baseline.read(file));

    assertEquals(
        file
            + ":3:3: baseline entry /findings/0 needs text for pointer, message; write the"
            + " baseline again with --write-baseline",
        e.getMessage());
  }
}
