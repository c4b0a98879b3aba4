package dev.poolcheck.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginParameterDocsTest {

  private static final String HOW_TO_FIX =
      "; regenerate with: mvn -B -o -pl maven-plugin -am test -Dtest=PluginParameterDocsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dpoolcheck.docs.write=true";

  @Test
  void committedParameterPageMatchesThePluginDescriptor() throws IOException {
    Path descriptor = Path.of(PluginParameterDocs.DESCRIPTOR).toAbsolutePath();
    assertTrue(
        Files.exists(descriptor),
        descriptor + " is missing: maven-plugin-plugin writes it in process-classes");
    String expected = PluginParameterDocs.page(descriptor);
    Path page = PluginParameterDocs.repo().resolve(PluginParameterDocs.PAGE);
    if (Boolean.getBoolean("poolcheck.docs.write")) {
      Files.writeString(page, expected);
    }
    assertTrue(Files.exists(page), page + " is missing" + HOW_TO_FIX);
    assertEquals(expected, Files.readString(page), page + " is stale" + HOW_TO_FIX);
  }

  @Test
  void pageListsEveryParameterWithTypePropertyDefaultAndDescription() throws IOException {
    String descriptor =
        """
        <plugin>
          <groupId>g</groupId><artifactId>a-maven-plugin</artifactId><goalPrefix>a</goalPrefix>
          <mojos><mojo>
            <goal>check</goal><description>Checks things.</description>
            <parameters>
              <parameter><name>skip</name><type>boolean</type><required>false</required>
                <editable>true</editable><description>Skips **/*.json |
                &lt;goal&gt; entirely.</description></parameter>
              <parameter><name>base</name><type>java.io.File</type><required>true</required>
                <editable>false</editable><description>The base.</description></parameter>
            </parameters>
            <configuration>
              <skip implementation="boolean" default-value="false">${a.skip}</skip>
              <base implementation="java.io.File" default-value="${project.basedir}"/>
            </configuration>
          </mojo></mojos>
        </plugin>
        """;
    String page =
        PluginParameterDocs.page(
            PluginParameterDocs.parse(
                new ByteArrayInputStream(descriptor.getBytes(StandardCharsets.UTF_8))));
    assertTrue(page.contains("\n## `a:check`\n\nChecks things.\n"), page);
    assertTrue(
        page.contains(
            "| `skip` | `boolean` | `${a.skip}` | `false` | Skips \\*\\*/\\*.json \\| &lt;goal> entirely. |\n"),
        page);
    assertTrue(
        page.contains(
            "| `base` | `java.io.File` |  | `${project.basedir}` | (required, read-only) The base."
                + " |\n"),
        page);
  }
}
