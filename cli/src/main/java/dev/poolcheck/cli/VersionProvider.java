package dev.poolcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} when the CLI was built. */
public final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "version.properties";

  /** The poolcheck version, for example {@code 0.1.0}. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "poolcheck " + version(), "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
