package dev.poolcheck.maven;

import dev.poolcheck.engine.api.CacheSettings;
import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.FailOn;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.report.PrintableText;
import dev.poolcheck.engine.report.ReportTarget;
import dev.poolcheck.engine.report.ReportWriter;
import dev.poolcheck.engine.report.ReporterOptions;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
   * Glob patterns, relative to the project base directory, of the files to check; {@code **}{@code
   * /} matches zero or more folders, as in Maven and Ant. Default: {@code **}{@code /*.json},
   * {@code **}{@code /*.yaml}, {@code **}{@code /*.yml}, {@code **}{@code /*.tf} (Terraform; {@code
   * terraform show -json} plans are JSON). On the command line: {@code
   * -Dpoolcheck.includes=pools/**}{@code /*.json,other/*.yaml}.
   */
  @Parameter(property = "poolcheck.includes")
  private List<String> includes;

  /**
   * Reuse the findings of unchanged files from {@code target/poolcheck-cache} (entries signed with
   * a key in the user's cache folder).
   */
  @Parameter(property = "poolcheck.cache", defaultValue = "true")
  private boolean useCache;

  /**
   * Glob patterns, relative to the project base directory, of files or folders to skip, in addition
   * to the build directory, hidden files and folders, {@code node_modules} and the modules of an
   * aggregator, which are always skipped. The configuration file's {@code exclude} adds to these.
   */
  @Parameter(property = "poolcheck.excludes")
  private List<String> excludes;

  /**
   * Reads every document as this kind instead of detecting it: {@code management}, {@code
   * data-plane}, {@code arm}, {@code node-extension}, {@code azure-rest-example}, {@code
   * arm-resource}, {@code batch-template}, {@code terraform} or {@code terraform-plan}.
   */
  @Parameter(property = "poolcheck.kind")
  private String kind;

  /**
   * Judges retirements and end-of-life dates as of this day ({@code YYYY-MM-DD}) instead of today,
   * for reproducible builds.
   */
  @Parameter(property = "poolcheck.asOf")
  private String asOf;

  /**
   * The Batch api-version to check documents against that declare none (a date such as {@code
   * 2024-07-01}; data plane {@code 2024-07-01.20.0}). A document's own api-version wins. Default:
   * the configuration's {@code apiVersion}, else the newest shipped.
   */
  @Parameter(property = "poolcheck.apiVersion")
  private String apiVersion;

  /** Checks files on this many threads. Default: the number of processors. */
  @Parameter(property = "poolcheck.threads")
  private Integer threads;

  /** The Rego package of the rules in {@link #policies} bundles. Default: {@code main}. */
  @Parameter(property = "poolcheck.namespace")
  private String namespace;

  /**
   * Whether a selection that matches no file is fine. By default it fails the build: a pattern that
   * matches nothing usually means the includes are wrong, not that there is nothing to check.
   */
  @Parameter(property = "poolcheck.allowEmpty", defaultValue = "false")
  private boolean allowEmpty;

  /**
   * Whether findings at or above {@link #failOn} fail the build. {@code false} is report-only: the
   * findings are logged and the reports written, and the build goes on (as checkstyle's {@code
   * failOnViolation}). Tool errors still fail it.
   */
  @Parameter(property = "poolcheck.failOnViolation", defaultValue = "true")
  private boolean failOnViolation = true;

  /**
   * The configuration file. Default: {@code .poolcheck.yaml} (or {@code .yml}) searched for from
   * the project base directory upwards.
   */
  @Parameter(property = "poolcheck.configFile")
  private File configFile;

  /** User policy bundles ({@code .tar.gz} or {@code .wasm}) to run in addition to the rules. */
  @Parameter private List<File> policies;

  /**
   * The lowest severity that fails the build: {@code error}, {@code warning}, {@code info}, or
   * {@code none} (the same as {@code failOnViolation=false}). Default: the configuration's {@code
   * failOn}, else {@code error}.
   */
  @Parameter(property = "poolcheck.failOn")
  private String failOn;

  /**
   * Report formats to write into {@link #outputDirectory}, several at once: {@code text} ({@code
   * poolcheck.txt}), {@code json} ({@code poolcheck.json}), {@code sarif} ({@code
   * poolcheck.sarif}), {@code junit} ({@code TEST-poolcheck.xml}), {@code github} ({@code
   * poolcheck-github.txt}), {@code azuredevops} ({@code poolcheck-azuredevops.txt}). The findings
   * are always in the build log.
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
    List<ReportTarget> targets = reportTargets();
    CheckRequest request = request(base);
    CheckResult result;
    try {
      result = new Poolcheck().check(request);
    } catch (PoolcheckException e) {
      throw new MojoExecutionException("poolcheck: " + e.getMessage(), e);
    }
    writeReports(targets, result, base);
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
      case CheckResult.EXIT_FINDINGS -> {
        if (failOnViolation) {
          throw new MojoFailureException(
              summary + "; failing on findings at or above " + result.failOn().id());
        }
        getLog().warn(summary + "; not failing the build (failOnViolation is false)");
      }
      default -> getLog().info(summary);
    }
  }

  private CheckRequest request(Path base) throws MojoExecutionException {
    CheckRequest.Builder b = CheckRequest.builder(base);
    if (includes != null) {
      b.includes(includes);
    }
    alwaysExcluded(base, buildDirectory.toPath(), modules).forEach(b::excludeFolder);
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
          FailOn.parse(failOn)
              .orElseThrow(
                  () ->
                      new MojoExecutionException(
                          "poolcheck: failOn is '"
                              + failOn
                              + "'; use one of: "
                              + String.join(", ", FailOn.ids()))));
    }
    b.allowEmpty(allowEmpty);
    if (kind != null && !kind.isBlank()) {
      b.kind(
          DocumentKind.parse(kind.trim())
              .orElseThrow(
                  () ->
                      new MojoExecutionException(
                          "poolcheck: kind is '" + kind + "'; use one of: " + DocumentKind.ids())));
    }
    if (asOf != null && !asOf.isBlank()) {
      try {
        b.asOf(LocalDate.parse(asOf.trim()));
      } catch (DateTimeParseException e) {
        throw new MojoExecutionException(
            "poolcheck: asOf is '" + asOf + "'; write it as YYYY-MM-DD, for example 2025-03-31", e);
      }
    }
    if (apiVersion != null && !apiVersion.isBlank()) {
      if (!Poolcheck.isApiVersion(apiVersion.trim())) {
        throw new MojoExecutionException(
            "poolcheck: apiVersion is '"
                + apiVersion
                + "'; give a date such as 2024-07-01 (data plane: 2024-07-01.20.0)");
      }
      b.apiVersion(apiVersion.trim());
    }
    if (threads != null) {
      if (threads < 1) {
        throw new MojoExecutionException("poolcheck: threads must be 1 or more, not " + threads);
      }
      b.threads(threads);
    }
    if (namespace != null && !namespace.isBlank()) {
      b.namespace(namespace);
    }
    if (baseline != null) {
      b.baseline(baseline.toPath());
    }
    if (writeBaseline != null) {
      b.writeBaseline(writeBaseline.toPath());
    }
    if (useCache) {
      b.cache(CacheSettings.in(buildDirectory.toPath().resolve("poolcheck-cache")));
    }
    return b.build();
  }

  /** The report files to write: each format under its default name in the output folder. */
  private List<ReportTarget> reportTargets() throws MojoExecutionException {
    List<ReportTarget> targets = new ArrayList<>();
    if (formats == null) {
      return targets;
    }
    try {
      for (String format : new LinkedHashSet<>(formats)) {
        targets.add(
            ReportTarget.inFolder(
                format.trim().toLowerCase(Locale.ROOT), outputDirectory.toPath()));
      }
    } catch (PoolcheckException e) {
      throw new MojoExecutionException("poolcheck: " + e.getMessage(), e);
    }
    return targets;
  }

  /** Writes the reports before the build can fail, so that CI finds them after a failed build. */
  private void writeReports(List<ReportTarget> targets, CheckResult result, Path base)
      throws MojoExecutionException {
    Path root = sourceRoot != null ? sourceRoot.toPath() : base;
    ReporterOptions options =
        new ReporterOptions(false, pluginVersion == null ? "" : pluginVersion, base, root);
    ReportWriter.Outcome written =
        ReportWriter.write(result, targets, options, OutputStream.nullOutputStream());
    written.notes().forEach(n -> getLog().warn("poolcheck: " + n));
    if (!written.problems().isEmpty()) {
      throw new MojoExecutionException("poolcheck: " + String.join("; ", written.problems()));
    }
    targets.forEach(t -> getLog().info("poolcheck: wrote " + t.file().orElseThrow()));
  }

  /**
   * What a project's own execution never checks besides what the engine always skips (hidden
   * folders, {@code node_modules}, {@code target}): the build directory, wherever it is, and the
   * modules of an aggregator (their own executions check them, and checking them twice would double
   * findings). Folders relative to the base directory, with {@code /} separators.
   */
  static List<String> alwaysExcluded(Path base, Path buildDirectory, List<String> modules) {
    Set<String> folders = new LinkedHashSet<>();
    Path build = base.resolve(buildDirectory).normalize();
    if (build.startsWith(base) && !build.equals(base)) {
      folders.add(base.relativize(build).toString().replace('\\', '/'));
    }
    if (modules != null) {
      for (String module : modules) {
        Path dir = base.resolve(module).normalize();
        if (dir.toString().endsWith(".xml")) {
          dir = dir.getParent();
        }
        if (dir != null && dir.startsWith(base) && !dir.equals(base)) {
          folders.add(base.relativize(dir).toString().replace('\\', '/'));
        }
      }
    }
    return List.copyOf(folders);
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
