package dev.poolcheck.engine.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretDefinitionTest {

  /**
   * isSecretValue runs the patterns only on values with an '=' or a PEM header: a pattern added to
   * secrets/data.json that can match without either would be skipped silently. This fails first.
   */
  @Test
  void everyValuePatternNeedsAnEqualsSignOrAPemHeader() {
    for (SecretDefinition definition :
        List.of(SecretDefinition.masker(), SecretDefinition.rule())) {
      for (Pattern p : definition.valuePatterns()) {
        String source = p.pattern();
        assertTrue(
            source.contains("=") || source.contains(SecretDefinition.PEM_HEADER),
            "the pre-filter of isSecretValue would skip values this pattern matches: " + source);
      }
    }
  }

  @Test
  void findsSecretValuesThroughThePreFilterAndPassesOthers() {
    SecretDefinition masker = SecretDefinition.masker();
    assertTrue(masker.isSecretValue("https://a.blob.core.windows.net/c?sv=2022&sig=abc%2Bdef"));
    assertTrue(masker.isSecretValue("DefaultEndpointsProtocol=https;AccountKey=abc=="));
    assertTrue(masker.isSecretValue("-----BEGIN RSA PRIVATE KEY-----\nMIIE"));
    assertFalse(masker.isSecretValue("https://contoso.vault.azure.net/secrets/tls"));
    assertFalse(masker.isSecretValue("a=b"));
  }
}
