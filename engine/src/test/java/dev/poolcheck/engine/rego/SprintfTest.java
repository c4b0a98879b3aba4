package dev.poolcheck.engine.rego;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected texts are what {@code opa eval 'sprintf(format, values)'} (OPA v1.22.3) prints. */
class SprintfTest {

  private static String sprintf(String format, String valuesJson) throws Exception {
    JsonNode values = TestPools.JSON.readTree(valuesJson);
    return Sprintf.format(format, values);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "%s/extensions/%d/name | [\"/vm\", 3] | /vm/extensions/3/name",
        "%d-02-28 | [2025] | 2025-02-28",
        "%d | [12] | 12",
        "%v | [1.5] | 1.5",
        "%v | [2] | 2",
        "%v | [0.0001] | 0.0001",
        "%v | [0.00001] | 1e-05",
        "%v | [1234567.5] | 1.2345675e+06",
        "%v | [100000.5] | 100000.5",
        "%v | [\"x\"] | x",
        "%v | [true] | true",
        "%v | [[1, \"a\"]] | [1, \"a\"]",
        "%v | [{\"b\": 1, \"a\": null}] | {\"a\": null, \"b\": 1}",
        "%s | [\"a\"] | a",
        "%d | [\"a\"] | %!d(string=a)",
        "%s | [3] | %!s(int64=3)",
        "%d | [1.5] | %!d(float64=1.5)",
        "%d %d | [1] | 1 %!d(MISSING)",
        "%d | [1, \"x\"] | 1%!(EXTRA string=x)",
        "100%% | [] | 100%",
        "[%5d] | [42] | [   42]",
        "[%-4s] | [\"ab\"] | [ab  ]",
        "%03d | [7] | 007",
        "%.2f | [3.14159] | 3.14",
        "%q | [\"a\\\"b\"] | \"a\\\"b\"",
      })
  void formatsAsOpaDoes(String format, String values, String expected) throws Exception {
    assertEquals(expected, sprintf(format.strip(), values.strip()));
  }

  @Test
  void keepsNonAsciiText() throws Exception {
    assertEquals("café – ✓", sprintf("%s – %s", "[\"café\", \"✓\"]"));
  }
}
