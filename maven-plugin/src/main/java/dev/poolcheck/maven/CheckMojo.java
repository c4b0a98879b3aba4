package dev.poolcheck.maven;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.report.PrintableText;
import dev.poolcheck.engine.report.Reporter;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the Azure Batch pool definitions of a project: {@code mvn poolcheck:check}, bound to
 * {@code verify} by default. The goal only translates its parameters into a {@link CheckRequest},
 * logs the findings in the {@code path:[line,col]} form IDEs and CI log parsers link, writes the
 * requested reports and turns the result into a build failure; everything else is the engine's.
 *
 * <p>Findings at or above {@code failOn} fail the build with a {@link MojoFailureException}; a tool
 * error (unreadable path, invalid configuration, broken policy bundle) with a {@link
 * MojoExecutionException}. Nothing is fetched from the network.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {

  /** The project's base directory: globs, relative paths and the config search start here. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDirectory;

  /** The build directory; never checked (it holds copies and reports, not sources). */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  /** The modules of an aggregator; each checks its own files, so the aggregator skips them. */
  @Parameter(defaultValue = "${project.modules}", readonly = true)
  private List<String> modules;

  /**
   * The repository root that SARIF and GitHub reports name files relative to. Defaults to the base
   * directory of the top-level project of the build.
   */
  @Parameter(property = "poolcheck.sourceRoot", defaultValue = "${session.topLevelProject.basedir}")
  private File sourceRoot;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String pluginVersion;

  /**
   * Glob patterns, relative to the project base directory, of the files to check. Default: {@code
   * **}{@code /*.json}, {@code **}{@code /*.yaml}, {@code **}{@code /*.yml}, {@code **}{@code
   * /*.tf} (Terraform; {@code terraform show -json} plans are JSON).
   */
  @Parameter private List<String> includes;

  /**
   * Glob patterns, relative to the project base directory, of files or folders to skip, in addition
   * to the build directory, hidden files and folders, {@code node_modules} and the modules of an
   * aggregator, which are always skipped. The configuration file's {@code exclude} adds to these.
   */
  @Parameter private List<String> excludes;

  /**
   * The configuration file. Default: {@code .poolcheck.yaml} (or {@code .yml}) searched for from
   * the project base directory upwards.
   */
  @Parameter(property = "poolcheck.configFile")
  private File configFile;

  /** User policy bundles ({@code .tar.gz} or {@code .wasm}) to run in addition to the rules. */
  @Parameter private List<File> policies;

  /**
   * The lowest severity that fails the build: {@code error}, {@code warning} or {@code info}.
   * Default: the configuration's {@code failOn}, else {@code error}.
   */
  @Parameter(property = "poolcheck.failOn")
  private String failOn;

  /**
   * Report formats to write into {@link #outputDirectory}, several at once: {@code text} ({@code
   * poolcheck.txt}), {@code json} ({@code poolcheck.json}), {@code sarif} ({@code
   * poolcheck.sarif}), {@code junit} ({@code TEST-poolcheck.xml}), {@code github} ({@code
   * poolcheck-github.txt}). The findings are always in the build log.
   */
  @Parameter(property = "poolcheck.formats")
  private List<String> formats;

  /** Where the reports go. */
  @Parameter(
      property = "poolcheck.outputDirectory",
      defaultValue = "${project.build.directory}/poolcheck")
  private File outputDirectory;

  /** A baseline file: findings recorded in it are reported as baselined and do not fail. */
  @Parameter(property = "poolcheck.baseline")
  private File baseline;

  /**
   * Records this run's findings as a new baseline in this file (the build still fails on them);
   * commit it and name it in {@link #baseline} so that only new findings fail.
   */
  @Parameter(property = "poolcheck.writeBaseline")
  private File writeBaseline;

  /** Skips the check. */
  @Parameter(property = "poolcheck.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("poolcheck: skipped (poolcheck.skip)");
      return;
    }
    Path base = baseDirectory.toPath().toAbsolutePath().normalize();
    List<Reporter> reporters = reporters(base);
    CheckRequest request = request(base);
    CheckResult result;
    try {
      result = new Poolcheck().check(request);
    } catch (PoolcheckException e) {
      throw new MojoExecutionException("poolcheck: " + e.getMessage(), e);
    }
    writeReports(reporters, result);
    logFindings(getLog(), base, result);
    for (ToolError error : result.errors()) {
      getLog()
          .error(
              "poolcheck: "
                  + PrintableText.escape(error.source())
                  + ": "
                  + PrintableText.escape(error.message()));
    }
    String summary = summaryLine(result);
    switch (result.exitCode()) {
      case CheckResult.EXIT_TOOL_ERROR ->
          throw new MojoExecutionException(
              summary + "; poolcheck could not do its job (see the errors above)");
      case CheckResult.EXIT_FINDINGS ->
          throw new MojoFailureException(
              summary + "; failing on findings at or above " + result.failOn().id());
      default -> getLog().info(summary);
    }
  }

  private CheckRequest request(Path base) throws MojoExecutionException {
    CheckRequest.Builder b = CheckRequest.builder(base);
    if (includes != null) {
      b.includes(includes);
    }
    b.excludes(alwaysExcluded(base, buildDirectory.toPath(), modules));
    if (excludes != null) {
      b.excludes(excludes);
    }
    if (configFile != null) {
      b.configFile(configFile.toPath());
    }
    if (policies != null) {
      b.policies(policies.stream().map(File::toPath).toList());
    }
    if (failOn != null && !failOn.isBlank()) {
      b.failOn(
          Severity.parse(failOn)
              .orElseThrow(
                  () ->
                      new MojoExecutionException(
                          "poolcheck: failOn is '"
                              + failOn
                              + "'; use one of: error, warning, info")));
    }
    if (baseline != null) {
      b.baseline(baseline.toPath());
    }
    if (writeBaseline != null) {
      b.writeBaseline(writeBaseline.toPath());
    }
    return b.build();
  }

  private List<Reporter> reporters(Path base) throws MojoExecutionException {
    List<Reporter> out = new ArrayList<>();
    if (formats == null) {
      return out;
    }
    Path root = sourceRoot != null ? sourceRoot.toPath() : base;
    ReporterOptions options =
        new ReporterOptions(false, pluginVersion == null ? "" : pluginVersion, base, root);
    for (String format : new LinkedHashSet<>(formats)) {
      String name = format.trim().toLowerCase(Locale.ROOT);
      if (!Reporters.isKnown(name)) {
        throw new MojoExecutionException(
            "poolcheck: unknown format '"
                + format
                + "'; use one of: "
                + String.join(", ", Reporters.formats()));
      }
      out.add(Reporters.create(name, options));
    }
    return out;
  }

  private void writeReports(List<Reporter> reporters, CheckResult result)
      throws MojoExecutionException {
    if (reporters.isEmpty()) {
      return;
    }
    Path dir = outputDirectory.toPath();
    for (Reporter reporter : reporters) {
      Path file = dir.resolve(reportFileName(reporter.format()));
      try {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          reporter.write(result, out);
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "poolcheck: cannot write the " + reporter.format() + " report " + file + ": " + e, e);
      }
      getLog().info("poolcheck: wrote " + file);
    }
  }

  /** The file a format is written to; JUnit's follows Surefire's {@code TEST-*.xml} pattern. */
  static String reportFileName(String format) {
    return switch (format) {
      case "text" -> "poolcheck.txt";
      case "json" -> "poolcheck.json";
      case "sarif" -> "poolcheck.sarif";
      case "junit" -> "TEST-poolcheck.xml";
      case "github" -> "poolcheck-github.txt";
      default -> "poolcheck." + format;
    };
  }

  /**
   * What is never a project's own pool definition: the build directory, hidden files and folders
   * ({@code .git}, {@code .idea}, {@code .mvn}), {@code node_modules}, and the modules of an
   * aggregator (their own executions check them, and checking them twice would double findings).
   * Each folder is excluded by itself, so the walk does not enter it, and with its contents.
   */
  static List<String> alwaysExcluded(Path base, Path buildDirectory, List<String> modules) {
    Set<String> folders = new LinkedHashSet<>();
    folders.add("**/.*");
    folders.add("**/node_modules");
    Path build = base.resolve(buildDirectory).normalize();
    if (build.startsWith(base) && !build.equals(base)) {
      folders.add(glob(base.relativize(build)));
    }
    if (modules != null) {
      for (String module : modules) {
        Path dir = base.resolve(module).normalize();
        if (dir.toString().endsWith(".xml")) {
          dir = dir.getParent();
        }
        if (dir != null && dir.startsWith(base) && !dir.equals(base)) {
          folders.add(glob(base.relativize(dir)));
        }
      }
    }
    List<String> globs = new ArrayList<>();
    for (String folder : folders) {
      globs.add(folder);
      globs.add(folder + "/**");
    }
    return globs;
  }

  private static String glob(Path relative) {
    // Glob syntax treats these as special; folder names with them are escaped.
    return relative.toString().replace('\\', '/').replaceAll("([\\[\\]{}*?])", "\\\\$1");
  }

  /**
   * Logs each active finding at its severity as {@code /abs/path:[line,col] rule-id: message}, the
   * form of javac's messages in Maven logs, which IDE consoles and CI log parsers turn into links.
   * Suppressed and baselined findings go to the debug log; the summary counts them.
   */
  static void logFindings(Log log, Path base, CheckResult result) {
    for (Finding f : result.findings()) {
      String line = findingLine(base, f);
      if (!f.active()) {
        log.debug(line + " [" + f.status().name().toLowerCase(Locale.ROOT) + "]");
        continue;
      }
      switch (f.severity()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        case INFO -> log.info(line);
      }
    }
  }

  static String findingLine(Path base, Finding f) {
    String file = f.file().equals("-") ? f.file() : base.resolve(f.file()).normalize().toString();
    // File names and messages come from the repository: a line break in them would start a line
    // of the log that CI reads as a command.
    return PrintableText.escape(file)
        + ":["
        + f.line()
        + ","
        + f.column()
        + "] "
        + f.ruleId()
        + ": "
        + PrintableText.escape(f.message());
  }

  static String summaryLine(CheckResult result) {
    return "poolcheck: " + result.countsLine();
  }
}
