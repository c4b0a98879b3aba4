package dev.poolcheck.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.DocumentFindings;
import dev.poolcheck.engine.document.DocumentLoader;
import dev.poolcheck.engine.document.LoaderLimits;
import dev.poolcheck.engine.document.ParsedDocument;
import dev.poolcheck.engine.document.PoolDocument;
import dev.poolcheck.engine.document.RegularFiles;
import dev.poolcheck.engine.document.SecretValues;
import dev.poolcheck.engine.document.SourceFile;
import dev.poolcheck.engine.model.CheckedDocument;
import dev.poolcheck.engine.model.DocumentKind;
import dev.poolcheck.engine.model.Finding;
import dev.poolcheck.engine.model.PoolcheckException;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.SourceRange;
import dev.poolcheck.engine.model.ToolError;
import dev.poolcheck.engine.normalise.Extraction;
import dev.poolcheck.engine.normalise.KindDetection;
import dev.poolcheck.engine.normalise.TerraformNames;
import dev.poolcheck.engine.rego.PolicyBundleException;
import dev.poolcheck.engine.rule.Rule;
import dev.poolcheck.engine.rule.RuleContext;
import dev.poolcheck.engine.rule.Violation;
import dev.poolcheck.engine.schema.ApiVersionFindings;
import dev.poolcheck.engine.schema.ApiVersions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks one input from bytes to findings: load, extract pools, run every rule on every pool, map
 * pointers back to source positions, and take the excerpts reporters show (secrets masked). One
 * instance serves all worker threads; it keeps no state per file.
 */
final class FileChecker {

  /** A redacted source line that a finding points at. */
  record Excerpt(String file, int line, String text) {}

  /** What checking one input produced; the input itself is dropped after this. */
  record FileOutcome(
      List<Finding> findings,
      List<CheckedDocument> documents,
      List<ToolError> errors,
      List<Excerpt> excerpts) {}

  private static final RuleDescriptor UNREADABLE =
      DocumentFindings.descriptors().stream()
          .filter(d -> d.id().equals(DocumentFindings.UNREADABLE_INPUT))
          .findFirst()
          .orElseThrow();

  private final CheckRequest request;
  private final RuleSet rules;
  private final LoaderLimits limits = LoaderLimits.defaults();
  private final DocumentLoader loader = new DocumentLoader(limits);
  private final KindDetection extractor = new KindDetection();
  private final Optional<ResultCache> cache;

  /** The version for documents that declare none: the request's, else the configuration's. */
  private final Optional<String> requestedApiVersion;

  FileChecker(CheckRequest request, RuleSet rules, Optional<String> requestedApiVersion) {
    this(request, rules, requestedApiVersion, Optional.empty());
  }

  FileChecker(
      CheckRequest request,
      RuleSet rules,
      Optional<String> requestedApiVersion,
      Optional<ResultCache> cache) {
    this.request = request;
    this.rules = rules;
    this.requestedApiVersion = requestedApiVersion;
    this.cache = cache;
  }

  FileOutcome check(InputCollector.Input input, InputStream stdin) {
    Optional<String> problem = input.problem();
    if (cache.isEmpty() || problem.isPresent() || input.path().isEmpty()) {
      return checkRead(input, stdin);
    }
    Path path = input.path().get();
    // Unchanged metadata: the outcome is found without reading or hashing the file.
    Optional<byte[]> known = cache.get().knownDigest(path);
    if (known.isPresent()) {
      Optional<FileOutcome> cached = cache.get().get(input.name(), known.get());
      if (cached.isPresent()) {
        return cached.get();
      }
    }
    byte[] bytes;
    BasicFileAttributes before;
    try {
      before = Files.readAttributes(path, BasicFileAttributes.class);
      bytes = read(input.path(), stdin);
    } catch (IOException e) {
      return checkRead(input, stdin); // reports the problem
    }
    byte[] digest = ResultCache.digest(bytes);
    cache.get().remember(path, before, digest);
    Optional<FileOutcome> cached = cache.get().get(input.name(), digest);
    if (cached.isPresent()) {
      return cached.get();
    }
    FileOutcome outcome = checkBytes(input, bytes);
    cache.get().put(input.name(), digest, outcome);
    return outcome;
  }

  private FileOutcome checkRead(InputCollector.Input input, InputStream stdin) {
    Optional<String> problem = input.problem();
    byte[] bytes = null;
    if (problem.isEmpty()) {
      try {
        bytes = read(input.path(), stdin);
      } catch (java.nio.file.AccessDeniedException e) {
        // Fail closed: a file that cannot be read is a tool error (exit 2), never skipped.
        return new FileOutcome(
            List.of(),
            List.of(),
            List.of(
                new ToolError(
                    input.name(), "permission denied; poolcheck cannot check what it cannot read")),
            List.of());
      } catch (IOException e) {
        problem =
            Optional.of(
                e.getCause() instanceof RegularFiles.Refused
                    ? e.getMessage()
                    : "cannot be read ("
                        + e.getClass().getSimpleName()
                        + "); check its permissions");
      }
    }
    if (problem.isPresent()) {
      if (!rules.reports(UNREADABLE.id())) {
        return new FileOutcome(
            List.of(),
            List.of(new CheckedDocument(input.name(), 0, "unknown", 0)),
            List.of(),
            List.of());
      }
      Finding f =
          new Finding(
              UNREADABLE.id(),
              UNREADABLE.severity(),
              problem.get(),
              input.name(),
              "",
              SourceRange.FILE_START);
      return new FileOutcome(
          List.of(f),
          List.of(new CheckedDocument(input.name(), 0, "unknown", 0)),
          List.of(),
          List.of());
    }
    return checkBytes(input, bytes);
  }

  private FileOutcome checkBytes(InputCollector.Input input, byte[] bytes) {
    List<Finding> raw = new ArrayList<>();
    List<CheckedDocument> documents = new ArrayList<>();
    List<ToolError> rawErrors = new ArrayList<>();
    List<SecretValues.Part> parts = new ArrayList<>();
    SourceFile source = null;
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (ParsedDocument doc : loader.load(input.name(), input.path(), bytes, request.kind())) {
      source = doc.source();
      raw.addAll(doc.problems());
      Extraction extraction = extractor.extract(doc, request.kind());
      request.operation().ifPresent(o -> KindDetection.assumeOperation(extraction.pools(), o));
      raw.addAll(extraction.findings());
      documents.add(
          new CheckedDocument(
              input.name(),
              doc.index(),
              extraction.kind().map(k -> k.id()).orElse("unknown"),
              extraction.pools().size()));
      for (PoolDocument extracted : extraction.pools()) {
        PoolDocument pool = capped(withResolvedApiVersion(extracted, raw), raw);
        RuleContext context = new RuleContext(request.asOf(), rules.data());
        for (Rule rule : rules.rules()) {
          runRule(rule, pool, context, raw, rawErrors, reported);
        }
      }
      parts.add(
          new SecretValues.Part(
              doc,
              extraction.pools(),
              extraction.kind().filter(k -> k == DocumentKind.ARM_TEMPLATE).isPresent()));
    }
    raw.removeIf(f -> !rules.reports(f.ruleId()));
    if (raw.isEmpty() && rawErrors.isEmpty()) {
      // Nothing to show, so no secret to hide: skip the masking work.
      return new FileOutcome(List.of(), documents, List.of(), List.of());
    }
    // The one redaction boundary: the file's secrets are known before anything about it leaves.
    SecretValues secrets = SecretValues.ofFile(source, parts);
    List<Finding> findings = new ArrayList<>(raw.size());
    TreeSet<Integer> lines = new TreeSet<>();
    for (Finding f : raw) {
      findings.add(scrubbed(f, secrets));
      lines.add(f.line());
    }
    List<ToolError> errors = new ArrayList<>(rawErrors.size());
    for (ToolError e : rawErrors) {
      errors.add(new ToolError(secrets.scrub(e.source()), secrets.scrub(e.message())));
    }
    List<Excerpt> excerpts = new ArrayList<>();
    if (source != null) {
      for (var line : linesOf(source.text(), lines).entrySet()) {
        excerpts.add(
            new Excerpt(input.name(), line.getKey(), secrets.mask(line.getKey(), line.getValue())));
      }
    }
    return new FileOutcome(findings, documents, errors, excerpts);
  }

  /**
   * The pool as rules may see it: cut at {@link DepthCap#MAX_DEPTH} levels, with one warning where
   * it was cut, so that deep nesting cannot silence the rules (the wasm stack ran out at 185).
   */
  private static PoolDocument capped(PoolDocument pool, List<Finding> out) {
    Optional<String> tooDeep = DepthCap.firstTooDeep(pool.canonical());
    if (tooDeep.isEmpty()) {
      return pool;
    }
    String pointer = pool.pointers().toSource(tooDeep.get());
    out.add(
        new Finding(
            UNREADABLE.id(),
            dev.poolcheck.engine.model.Severity.WARNING,
            "nested deeper than "
                + DepthCap.MAX_DEPTH
                + " levels below the pool; the rules see what lies deeper cut off, so nothing in"
                + " it is checked: flatten it",
            pool.fileName(),
            pointer,
            pool.source().positions().locate(pointer)));
    return new PoolDocument(
        pool.source(),
        pool.kind(),
        pool.sourcePointer(),
        DepthCap.cut(pool.canonical()),
        pool.pointers());
  }

  /**
   * The wanted 1-based lines of a text, as {@link SourceFile#line} cuts them, in one pass (asking
   * for each line separately would scan the text once per finding).
   */
  static java.util.SortedMap<Integer, String> linesOf(String text, TreeSet<Integer> wanted) {
    java.util.SortedMap<Integer, String> out = new java.util.TreeMap<>();
    int line = 1;
    int start = 0;
    for (int want : wanted) {
      while (line < want && start <= text.length()) {
        int nl = text.indexOf('\n', start);
        start = nl < 0 ? text.length() + 1 : nl + 1;
        line++;
      }
      if (start > text.length()) {
        out.put(want, "");
        continue;
      }
      int end = text.indexOf('\n', start);
      String s = end < 0 ? text.substring(start) : text.substring(start, end);
      out.put(want, s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
    }
    return out;
  }

  /**
   * The pool with canonical {@code resolvedApiVersion}: the api-version its schema checks use and
   * every version-dependent rule reads (document, else request, else newest shipped; see {@link
   * ApiVersions}). Reports, once per pool, a version that is not shipped or not an api-version.
   */
  private PoolDocument withResolvedApiVersion(PoolDocument pool, List<Finding> out) {
    if (!(pool.canonical() instanceof ObjectNode canonical)) {
      return pool;
    }
    ApiVersions.Plane plane =
        switch (pool.kind()) {
          case MANAGEMENT, ARM_TEMPLATE -> ApiVersions.Plane.MANAGEMENT;
          default -> ApiVersions.Plane.DATA_PLANE;
        };
    JsonNode declared = canonical.get("apiVersion");
    ApiVersions.Choice choice =
        ApiVersions.shipped()
            .choose(
                plane,
                declared != null && declared.isTextual()
                    ? Optional.of(declared.asText())
                    : Optional.empty(),
                requestedApiVersion);
    ObjectNode resolved = canonical.deepCopy();
    resolved.put("resolvedApiVersion", choice.version());
    PoolDocument checked =
        new PoolDocument(
            pool.source(), pool.kind(), pool.sourcePointer(), resolved, pool.pointers());
    ApiVersionFindings.of(plane, choice)
        .ifPresent(
            note -> {
              String pointer =
                  note.source() == ApiVersions.Source.DOCUMENT
                      ? pool.pointers().toSource("/apiVersion")
                      : pool.sourcePointer();
              out.add(
                  new Finding(
                      note.descriptor().id(),
                      note.descriptor().severity(),
                      note.message(),
                      pool.fileName(),
                      pointer,
                      pool.source().positions().locate(pointer)));
            });
    return checked;
  }

  private void runRule(
      Rule rule,
      PoolDocument pool,
      RuleContext context,
      List<Finding> out,
      List<ToolError> errors,
      java.util.Set<String> bundlesReported) {
    RuleDescriptor d = rule.descriptor();
    List<Violation> violations;
    try {
      violations = rule.check(pool, context);
    } catch (PoolcheckException e) {
      // One error per bundle (or cause) and file: a stopped or disabled bundle says so once, not
      // once per pool and entrypoint.
      String key =
          e instanceof PolicyBundleException b ? "policy bundle " + b.bundle() : e.getMessage();
      if (bundlesReported.add(key)) {
        errors.add(new ToolError(d.id(), e.getMessage() + " (while checking " + where(pool) + ")"));
      }
      return;
    } catch (RuntimeException | StackOverflowError e) {
      errors.add(
          new ToolError(
              d.id(),
              "rule '"
                  + d.id()
                  + "' failed while checking "
                  + where(pool)
                  + ": "
                  + e.getClass().getSimpleName()
                  + "; the other rules and files were still checked"));
      return;
    }
    Optional<String> address = TerraformNames.address(pool);
    for (Violation v : violations) {
      String pointer =
          v.space() == Violation.PointerSpace.CANONICAL
              ? pool.pointers().toSource(v.pointer())
              : v.pointer();
      out.add(
          new Finding(
              d.id(),
              v.severity() != null ? v.severity() : d.severity(),
              address.isPresent()
                  ? TerraformNames.message(address.get(), v.message())
                  : v.message(),
              pool.fileName(),
              pointer,
              pool.source().positions().locate(pointer)));
    }
  }

  private static String where(PoolDocument pool) {
    return pool.fileName() + (pool.sourcePointer().isEmpty() ? "" : " at " + pool.sourcePointer());
  }

  private static Finding scrubbed(Finding f, SecretValues secrets) {
    String message = secrets.scrub(f.message());
    String pointer = secrets.scrub(f.pointer());
    return message.equals(f.message()) && pointer.equals(f.pointer())
        ? f
        : new Finding(f.ruleId(), f.severity(), message, f.file(), pointer, f.range(), f.status());
  }

  /**
   * Reads a file only when it is a regular file no larger than the loader accepts ({@link
   * RegularFiles} refuses devices, FIFOs, pseudo-files and larger files with one message); standard
   * input at most one byte more than that, so endless input never fills the memory and the loader
   * judges its size.
   */
  private byte[] read(Optional<Path> path, InputStream stdin) throws IOException {
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1);
    if (path.isEmpty()) {
      return stdin.readNBytes(cap);
    }
    try {
      return RegularFiles.read(path.get(), limits.maxBytes());
    } catch (RegularFiles.Refused e) {
      throw new IOException("not read: it " + e.getMessage(), e);
    }
  }
}
