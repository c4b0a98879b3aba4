package dev.poolcheck.cli;

import dev.poolcheck.engine.api.CacheSettings;
import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.api.Poolcheck;
import dev.poolcheck.engine.model.CheckResult;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.FailOn;
import dev.poolcheck.engine.model.PoolOperation;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.report.PrintableText;
import dev.poolcheck.engine.report.ReportTarget;
import dev.poolcheck.engine.report.ReportWriter;
import dev.poolcheck.engine.report.ReporterOptions;
import dev.poolcheck.engine.report.Reporters;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code poolcheck check [PATH...]}: checks files and folders and writes reports. Each option maps
 * onto one {@link CheckRequest.Builder} call; the exit code comes from {@link
 * CheckResult#exitCode()}, never from what was printed.
 *
 * <p>Over 400 lines: most of it is picocli option declarations with their help texts (one field
 * each, which {@code --help}, the completion script and docs/cli.md come from); the logic is the
 * translation of options into a {@code CheckRequest} and of the result into an exit code.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    headerHeading = "",
    header = "Check Azure Batch pool definitions.",
    description = {
      "Checks JSON and YAML pool definitions: management-plane and data-plane pool bodies, ARM"
          + " templates and node extension responses. Folders are searched recursively.",
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.CLEAN_TEXT, ExitCodes.FINDINGS_TEXT, ExitCodes.TOOL_ERROR_TEXT},
    footerHeading = "%nExamples:%n",
    footer = {
      "  poolcheck check pools/",
      "  poolcheck check --format json --output report.json --format text pools/",
      "  az batch pool show ... | poolcheck check --stdin-filename pool.json -"
    })
final class CheckCommand implements Callable<Integer> {

  private final Shell shell;
  private final PoolChecker checker;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description =
          "Files or folders to check; '-' reads standard input. Default: the current directory.")
  List<String> paths = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      completionCandidates = FormatNames.class,
      description =
          "Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable, one report each.")
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the report to FILE instead of standard output. The i-th --output goes with the"
              + " i-th --format; formats without one go to standard output ('-'), and only one"
              + " may.")
  List<String> outputs = new ArrayList<>();

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      converter = FailOnConverter.class,
      completionCandidates = FailOnNames.class,
      description =
          "Exit with 1 on findings at or above this severity: ${COMPLETION-CANDIDATES}"
              + " (default: failOn in the configuration, else error). 'none' only reports.")
  FailOn failOn;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      converter = KindConverter.class,
      completionCandidates = KindNames.class,
      description =
          "Read every document as this kind instead of detecting it:"
              + " ${COMPLETION-CANDIDATES}.")
  DocumentKind kind;

  @Option(
      names = "--operation",
      paramLabel = "OPERATION",
      converter = OperationConverter.class,
      description =
          "What request bodies that do not say do: create (default; PUT, POST /pools) or update"
              + " (PATCH): updates need not carry what a create requires.")
  PoolOperation operation;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description =
          "Check files in folders that match GLOB. Repeatable. Default: **/*.json, **/*.yaml,"
              + " **/*.yml, **/*.tf.")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "GLOB",
      description = "Skip files or folders that match GLOB. Repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--force-exclude",
      description =
          "Apply --exclude and the configuration's exclude to files named on the command line too"
              + " (as pre-commit names them).")
  boolean forceExclude;

  @Option(
      names = "--allow-empty",
      description = "Exit with 0, not 2, when the paths and globs match no file.")
  boolean allowEmpty;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file. Default: .poolcheck.yaml, searched for upwards.")
  String config;

  @Option(
      names = "--policy",
      paramLabel = "BUNDLE",
      description = "Add the rules of a policy bundle (tar.gz or wasm file). Repeatable.")
  List<String> policies = new ArrayList<>();

  @Option(
      names = "--namespace",
      paramLabel = "PACKAGE",
      description = "Rego package of the rules in --policy bundles (default: main).")
  String namespace;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Report findings recorded in FILE as baselined: listed, but not failing.")
  String baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Record this run's findings in FILE as the new baseline.")
  String writeBaseline;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      converter = DateConverter.class,
      description = "Judge retirements and end-of-life dates as of this day (default: today).")
  LocalDate asOf;

  @Option(
      names = "--api-version",
      paramLabel = "VERSION",
      description =
          "Check documents that declare no api-version against VERSION (e.g. 2024-07-01; data"
              + " plane 2024-07-01.20.0); a document's own api-version wins (default: the"
              + " configuration's apiVersion, else the newest shipped).")
  String apiVersion;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Check files on N threads (default: the number of processors).")
  Integer threads;

  @Option(
      names = "--stdin-filename",
      paramLabel = "NAME",
      description =
          "Name to report for '-'; its extension picks JSON or YAML (default: '-', read as JSON).")
  String stdinFilename;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only the findings and tool errors: no summary line, no counts.")
  boolean quiet;

  @Option(
      names = "--no-cache",
      description =
          "Check every file again instead of reusing the findings of unchanged files from the"
              + " cache.")
  boolean noCache;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "Keep the result cache in DIR (default: .poolcheck-cache; entries are signed with a key"
              + " in your user cache folder, so a cache from elsewhere is never trusted).")
  String cacheDir;

  @Mixin CommonOptions common = new CommonOptions();

  CheckCommand(Shell shell, PoolChecker checker) {
    this.shell = shell;
    this.checker = checker;
  }

  @Override
  public Integer call() {
    List<ReportTarget> targets = reportTargets();
    CheckRequest request;
    try {
      request = request();
    } catch (java.nio.file.InvalidPathException e) {
      // A name the platform cannot encode (non-ASCII under LC_ALL=POSIX), or a NUL.
      throw usageError(
          "'"
              + e.getInput()
              + "' is not a path this system can open ("
              + e.getReason()
              + "); run with a UTF-8 locale such as LC_ALL=C.UTF-8");
    }
    CheckResult result = checker.check(request);
    ReporterOptions options =
        new ReporterOptions(
            shell.colorWanted(common.colorMode()),
            VersionProvider.version(),
            shell.workingDir(),
            sourceRoot(),
            quiet);
    ReportWriter.Outcome written = ReportWriter.write(result, targets, options, shell.out());
    written.notes().forEach(n -> shell.err().println("poolcheck: note: " + n));
    written.problems().forEach(p -> shell.err().println("poolcheck: " + p));
    boolean textOnStdout =
        targets.stream().anyMatch(t -> t.toStdout() && t.format().equals("text"));
    if (!textOnStdout) {
      for (ToolError error : result.errors()) {
        shell
            .err()
            .println(
                "poolcheck: "
                    + PrintableText.escape(error.source())
                    + ": "
                    + PrintableText.escape(error.message()));
      }
    }
    return written.problems().isEmpty() ? result.exitCode() : ExitCodes.TOOL_ERROR;
  }

  /** Translates the options into a request, one builder call per option. */
  CheckRequest request() {
    Path workingDir = shell.workingDir();
    CheckRequest.Builder builder = CheckRequest.builder(workingDir);
    builder.paths(paths.isEmpty() ? List.of(".") : paths);
    if (paths.contains("-")) {
      builder.stdin(shell.in(), stdinFilename == null ? "-" : stdinFilename);
    } else if (stdinFilename != null) {
      throw usageError("--stdin-filename names standard input, but no path is '-'");
    }
    builder.includes(includes).excludes(excludes);
    builder.forceExclude(forceExclude).allowEmpty(allowEmpty);
    if (kind != null) {
      builder.kind(kind);
    }
    if (operation != null) {
      builder.operation(operation);
    }
    if (config != null) {
      builder.configFile(workingDir.resolve(config));
    }
    builder.policies(policies.stream().map(workingDir::resolve).toList());
    if (namespace != null) {
      builder.namespace(namespace);
    }
    if (failOn != null) {
      builder.failOn(failOn);
    }
    if (asOf != null) {
      builder.asOf(asOf);
    }
    if (apiVersion != null) {
      if (!Poolcheck.isApiVersion(apiVersion)) {
        throw usageError(
            "--api-version '"
                + apiVersion
                + "' is not an api-version: give a date such as 2024-07-01 (data plane:"
                + " 2024-07-01.20.0)");
      }
      builder.apiVersion(apiVersion.trim());
    }
    if (baseline != null) {
      builder.baseline(workingDir.resolve(baseline));
    }
    if (writeBaseline != null) {
      builder.writeBaseline(workingDir.resolve(writeBaseline));
    }
    if (noCache && cacheDir != null) {
      throw usageError("--no-cache and --cache-dir contradict each other; give one of them");
    }
    if (!noCache) {
      builder.cache(
          CacheSettings.in(
              workingDir.resolve(cacheDir != null ? cacheDir : CacheSettings.DEFAULT_DIR_NAME)));
    }
    if (threads != null) {
      if (threads < 1) {
        throw usageError("--threads must be 1 or more, not " + threads);
      }
      builder.threads(threads);
    }
    return builder.build();
  }

  private List<ReportTarget> reportTargets() {
    try {
      return ReportOutputs.pair(formats, outputs, shell.workingDir());
    } catch (java.nio.file.InvalidPathException e) {
      throw usageError(
          "'" + e.getInput() + "' is not a path this system can open (" + e.getReason() + ")");
    } catch (IllegalArgumentException | PoolcheckException e) {
      throw usageError(
          e instanceof PoolcheckException ? "--format: " + e.getMessage() : e.getMessage());
    }
  }

  /**
   * The repository root that CI formats name files relative to: {@code GITHUB_WORKSPACE} on GitHub
   * Actions, {@code BUILD_SOURCESDIRECTORY} on Azure Pipelines, else the working directory.
   */
  private Path sourceRoot() {
    for (String variable : List.of("GITHUB_WORKSPACE", "BUILD_SOURCESDIRECTORY")) {
      String root = shell.env().get(variable);
      if (root != null && !root.isBlank()) {
        return shell.workingDir().resolve(root);
      }
    }
    return shell.workingDir();
  }

  private ParameterException usageError(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Reporters.formats().iterator();
    }
  }

  static final class FailOnNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return FailOn.ids().iterator();
    }
  }

  static final class KindNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return java.util.Arrays.stream(DocumentKind.values()).map(DocumentKind::id).iterator();
    }
  }

  static final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      return FailOn.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + value
                          + "' is not a severity; use one of: "
                          + String.join(", ", FailOn.ids())));
    }
  }

  static final class KindConverter implements ITypeConverter<DocumentKind> {
    @Override
    public DocumentKind convert(String value) {
      return DocumentKind.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not a kind; use one of: " + DocumentKind.ids()));
    }
  }

  static final class OperationConverter implements ITypeConverter<PoolOperation> {
    @Override
    public PoolOperation convert(String value) {
      return PoolOperation.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not an operation; use one of: " + PoolOperation.ids()));
    }
  }

  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date; write it as YYYY-MM-DD, for example 2025-03-31");
      }
    }
  }
}
