package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.SourceRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HclReaderTest {

  private static final String POOL = "/resource/azurerm_batch_pool/p";

  private static HclReader.Result read(String text) {
    return new HclReader(text, "main.tf", new LineStarts(text), LoaderLimits.defaults()).read();
  }

  private static HclReader.Result ok(String text) {
    HclReader.Result r = read(text);
    assertNotNull(r.root(), () -> "did not parse: " + r.problems());
    assertTrue(r.problems().isEmpty(), () -> r.problems().toString());
    return r;
  }

  /** The 1-based line:column where {@code needle} first occurs at or after line {@code line}. */
  private static String where(String text, int line, String needle) {
    String[] lines = text.split("\n", -1);
    for (int l = line - 1; l < lines.length; l++) {
      int c = lines[l].indexOf(needle);
      if (c >= 0) {
        return (l + 1) + ":" + (c + 1);
      }
    }
    throw new AssertionError(needle + " not found from line " + line);
  }

  private static String start(HclReader.Result r, String pointer) {
    SourceRange range = r.positions().value(pointer).orElseThrow(() -> new AssertionError(pointer));
    return range.start().toString();
  }

  @Test
  void readsAttributesBlocksAndTheirPositions() {
    String tf =
        """
        resource "azurerm_batch_pool" "p" {
          vm_size           = "Standard_D2s_v3"
          max_tasks_per_node = 2
          storage_image_reference {
            publisher = "canonical"
            version   = "latest"
          }
          extensions {
            name = "a"
          }
          extensions {
            name = "b"
            auto_upgrade_minor_version = true
          }
        }
        """;
    HclReader.Result r = ok(tf);
    JsonNode pool = r.root().at(POOL);
    assertEquals("Standard_D2s_v3", pool.get("vm_size").textValue());
    assertEquals(2, pool.get("max_tasks_per_node").intValue());
    assertEquals("canonical", pool.at("/storage_image_reference/0/publisher").textValue());
    assertEquals("b", pool.at("/extensions/1/name").textValue());
    assertTrue(pool.at("/extensions/1/auto_upgrade_minor_version").booleanValue());
    assertEquals(where(tf, 2, "\"Standard_D2s_v3\""), start(r, POOL + "/vm_size"));
    assertEquals(
        where(tf, 2, "vm_size"),
        r.positions().key(POOL + "/vm_size").orElseThrow().start().toString());
    assertEquals(where(tf, 11, "extensions"), start(r, POOL + "/extensions/1"));
    assertEquals(where(tf, 12, "\"b\""), start(r, POOL + "/extensions/1/name"));
    assertEquals(where(tf, 1, "resource"), start(r, POOL));
    // A block's range ends after its closing brace.
    assertEquals(
        "14:4", r.positions().value(POOL + "/extensions/1").orElseThrow().end().toString());
  }

  @Test
  void readsReferencesTemplatesAndCallsAsUnknownExpressions() {
    String tf =
        """
        resource "azurerm_batch_pool" "p" {
          name      = "pool-${var.env}"
          vm_size   = var.vm_size
          count     = length(var.x) > 0 ? 1 : 0
          tags      = { for k, v in var.tags : k => upper(v) }
          ids       = [azurerm_user_assigned_identity.a.id, "literal"]
          escaped   = "$${not.a.reference}"
          subnet    = module.net.subnets["batch"].id
        }
        """;
    HclReader.Result r = ok(tf);
    JsonNode pool = r.root().at(POOL);
    assertEquals("pool-${var.env}", pool.get("name").textValue());
    assertEquals("${var.vm_size}", pool.get("vm_size").textValue());
    assertEquals("${length(var.x) > 0 ? 1 : 0}", pool.get("count").textValue());
    assertEquals("${{ for k, v in var.tags : k => upper(v) }}", pool.get("tags").textValue());
    assertEquals("${azurerm_user_assigned_identity.a.id}", pool.at("/ids/0").textValue());
    assertEquals("literal", pool.at("/ids/1").textValue());
    assertEquals("${not.a.reference}", pool.get("escaped").textValue());
    assertEquals("${module.net.subnets[\"batch\"].id}", pool.get("subnet").textValue());
    assertEquals(where(tf, 3, "var.vm_size"), start(r, POOL + "/vm_size"));
    assertEquals(where(tf, 6, "azurerm_user"), start(r, POOL + "/ids/0"));
  }

  @Test
  void readsJsonencodeAsTheObjectItEncodes() {
    String tf =
        """
        resource "azurerm_batch_pool" "p" {
          extensions {
            settings_json = jsonencode({
              secretsManagementSettings = {
                pollingIntervalInS   = "3600"
                observedCertificates = ["https://kv.vault.azure.net/secrets/c"]
              }
              "authenticationSettings" : { msiClientId = azurerm_user_assigned_identity.x.client_id }
            })
          }
        }
        """;
    HclReader.Result r = ok(tf);
    JsonNode settings = r.root().at(POOL + "/extensions/0/settings_json");
    assertTrue(settings.isObject(), settings::toString);
    assertEquals("3600", settings.at("/secretsManagementSettings/pollingIntervalInS").textValue());
    assertEquals(
        "${azurerm_user_assigned_identity.x.client_id}",
        settings.at("/authenticationSettings/msiClientId").textValue());
    String base = POOL + "/extensions/0/settings_json";
    assertEquals(where(tf, 3, "jsonencode"), start(r, base));
    assertEquals(
        where(tf, 6, "\"https://kv"),
        start(r, base + "/secretsManagementSettings/observedCertificates/0"));
    assertEquals(
        where(tf, 5, "pollingIntervalInS"),
        r.positions()
            .key(base + "/secretsManagementSettings/pollingIntervalInS")
            .orElseThrow()
            .start()
            .toString());
  }

  @Test
  void readsHeredocsWithTheOffsetOfEveryCharacter() {
    String tf =
        "resource \"azurerm_batch_pool\" \"p\" {\n"
            + "  a = <<EOF\n"
            + "{\"x\": 1}\n"
            + "EOF\n"
            + "  b = <<-JSON\n"
            + "    {\n"
            + "      \"y\": 2\n"
            + "    }\n"
            + "    JSON\n"
            + "  c = \"{\\\"z\\\": 3}\"\n"
            + "}\n";
    HclReader.Result r = ok(tf);
    JsonNode pool = r.root().at(POOL);
    assertEquals("{\"x\": 1}\n", pool.get("a").textValue());
    assertEquals("{\n  \"y\": 2\n}\n", pool.get("b").textValue());
    assertEquals("{\"z\": 3}", pool.get("c").textValue());
    int[] b = r.stringOffsets().get(POOL + "/b");
    // '"y"' is the 3rd character of line 2 of the stripped content: source line 7, column 7.
    assertEquals(tf.indexOf("\"y\""), b[pool.get("b").textValue().indexOf("\"y\"")]);
    int[] c = r.stringOffsets().get(POOL + "/c");
    assertEquals(tf.indexOf("\\\"z"), c[1]);
    assertEquals(where(tf, 2, "<<EOF"), start(r, POOL + "/a"));
  }

  @Test
  void readsCommentsDynamicBlocksAndMetaArguments() {
    String tf =
        """
        # a comment
        // another
        /* a block
           comment */
        locals {
          exts = { kv = "KeyVaultForLinux" } # trailing
        }
        resource "azurerm_batch_pool" "p" {
          for_each = toset(["a", "b"])
          dynamic "extensions" {
            for_each = local.exts
            content {
              name = extensions.key
              type = "CustomScript"
            }
          }
          lifecycle {
            ignore_changes = [
              metadata,
            ]
          }
        }
        """;
    HclReader.Result r = ok(tf);
    assertEquals("KeyVaultForLinux", r.root().at("/locals/0/exts/kv").textValue());
    JsonNode dyn = r.root().at(POOL + "/dynamic/extensions/0");
    assertEquals("${local.exts}", dyn.get("for_each").textValue());
    assertEquals("CustomScript", dyn.at("/content/0/type").textValue());
    assertEquals("${extensions.key}", dyn.at("/content/0/name").textValue());
    assertEquals("${metadata}", r.root().at(POOL + "/lifecycle/0/ignore_changes/0").textValue());
    assertEquals(
        where(tf, 14, "\"CustomScript\""), start(r, POOL + "/dynamic/extensions/0/content/0/type"));
  }

  @Test
  void reportsASecondAttributeAndASecondResourceOfTheSameName() {
    String tf =
        """
        resource "azurerm_batch_pool" "p" {
          vm_size = "a"
          vm_size = "b"
        }
        resource "azurerm_batch_pool" "p" {
        }
        """;
    HclReader.Result r = read(tf);
    assertEquals(2, r.problems().size(), r.problems()::toString);
    Finding first = r.problems().get(0);
    assertEquals("duplicate-key", first.ruleId());
    assertEquals("3:3", first.range().start().toString());
    assertEquals("duplicate-key", r.problems().get(1).ruleId());
    assertEquals("5:31", r.problems().get(1).range().start().toString());
  }

  @Test
  void reportsSyntaxErrorsWhereTheyAreAndSaysWhatIsMissing() {
    HclReader.Result unclosed =
        read("resource \"azurerm_batch_pool\" \"p\" {\n  vm_size = \"a\"\n");
    assertNull(unclosed.root());
    Finding f = unclosed.problems().get(0);
    assertEquals("syntax-error", f.ruleId());
    assertTrue(f.message().contains("add '}'"), f.message());

    HclReader.Result noEquals =
        read("resource \"azurerm_batch_pool\" \"p\" {\n  vm_size \"a\"\n}\n");
    Finding g = noEquals.problems().get(0);
    assertEquals("2:3", g.range().start().toString());
    assertTrue(g.message().contains("expected '=' or '{'"), g.message());

    HclReader.Result badString = read("a = \"no end\nb = 1\n");
    assertEquals("1:5", badString.problems().get(0).range().start().toString());

    HclReader.Result stray = read("}\n");
    assertEquals("syntax-error", stray.problems().get(0).ruleId());
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    for (String deep :
        new String[] {
          "a = " + "[".repeat(2000) + "]".repeat(2000) + "\n",
          "a = " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "\n",
          "a = " + "-".repeat(100_000) + "1\n",
          "a = " + "!".repeat(100_000) + "true\n",
          "b {\n".repeat(5000) + "}\n".repeat(5000),
          "a = " + "{ b = ".repeat(5000) + "1" + " }".repeat(5000) + "\n"
        }) {
      HclReader.Result r = read(deep);
      assertNull(r.root());
      assertEquals("unreadable-input", r.problems().get(0).ruleId(), r.problems()::toString);
    }
  }

  @Test
  void neverThrowsOnTruncatedOrGarbledInput() throws IOException {
    String tf = Files.readString(Path.of("..", "fixtures", "terraform", "render-pools.tf"));
    for (int cut = 0; cut < tf.length(); cut += 7) {
      HclReader.Result r = read(tf.substring(0, cut));
      assertTrue(r.root() != null || !r.problems().isEmpty(), "cut at " + cut);
    }
    for (String junk :
        new String[] {
          "\"",
          "<<",
          "<<EOF",
          "${",
          "a = \"${\"",
          "/*",
          "a = 1 +",
          "a = {",
          "a = [1,",
          "@",
          "a = b[",
          "a = x ? 1",
          "a = f(1"
        }) {
      HclReader.Result r = read(junk);
      assertTrue(r.root() == null || r.problems().isEmpty(), junk);
    }
  }

  @Test
  void readsEveryProviderExampleWithoutProblems() throws IOException {
    try (var files = Files.list(Path.of("..", "fixtures", "terraform", "provider-examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".tf")).toList()) {
        HclReader.Result r = ok(Files.readString(f));
        JsonNode pools = r.root().at("/resource/azurerm_batch_pool");
        assertTrue(pools.isObject() && pools.size() >= 1, f::toString);
      }
    }
  }
}
