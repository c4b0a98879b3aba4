package dev.poolcheck.engine.report;

import dev.poolcheck.engine.model.PoolcheckException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The output formats poolcheck knows, by the name used with {@code --format}. Adding a format is
 * one line in the table below.
 */
public final class Reporters {

  private static final Map<String, Function<ReporterOptions, Reporter>> FORMATS;

  static {
    Map<String, Function<ReporterOptions, Reporter>> formats = new LinkedHashMap<>();
    formats.put("text", TextReporter::new);
    formats.put("json", JsonReporter::new);
    formats.put("sarif", o -> new SarifReporter(o.root(), o.toolVersion()));
    formats.put("junit", o -> new JunitReporter());
    formats.put("github", o -> new GithubReporter(o.root()));
    formats.put("azuredevops", o -> new AzureDevOpsReporter(o.root()));
    FORMATS = Collections.unmodifiableMap(formats);
  }

  private Reporters() {}

  /**
   * A reporter for {@code format}.
   *
   * @throws IllegalArgumentException when the format is unknown; the message lists the known ones
   */
  public static Reporter create(String format, ReporterOptions options) {
    Function<ReporterOptions, Reporter> factory = FORMATS.get(format);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown format '" + format + "'; use one of: " + String.join(", ", formats()));
    }
    return factory.apply(options);
  }

  /** The known format names, in the order help texts list them ({@code text} first). */
  public static List<String> formats() {
    return List.copyOf(FORMATS.keySet());
  }

  public static boolean isKnown(String format) {
    return FORMATS.containsKey(format);
  }

  /**
   * The one check of a format name, for every front end.
   *
   * @throws PoolcheckException when the format is unknown; the message lists the known ones
   */
  public static String requireKnown(String format) {
    if (!isKnown(format)) {
      throw new PoolcheckException(
          "unknown format '" + format + "'; use one of: " + String.join(", ", formats()));
    }
    return format;
  }

  /** The file a report of {@code format} gets in a folder ({@link Reporter#defaultFileName()}). */
  public static String defaultFileName(String format) {
    return create(requireKnown(format), ReporterOptions.plain("")).defaultFileName();
  }
}
