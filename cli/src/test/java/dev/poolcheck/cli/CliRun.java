package dev.poolcheck.cli;

import dev.poolcheck.engine.api.CheckRequest;
import dev.poolcheck.engine.model.CheckResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the CLI with captured streams, checking with a stand-in for the engine that
 * records the requests it gets and answers with a fixed result.
 */
final class CliRun {

  final int exitCode;
  final String out;
  final String err;
  final List<CheckRequest> requests;

  private CliRun(int exitCode, String out, String err, List<CheckRequest> requests) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.requests = requests;
  }

  /** The single request the command sent to the engine. */
  CheckRequest request() {
    if (requests.size() != 1) {
      throw new AssertionError("expected one check, got " + requests.size() + "; err: " + err);
    }
    return requests.get(0);
  }

  static Builder in(Path workingDir) {
    return new Builder(workingDir);
  }

  static final class Builder {
    private final Path workingDir;
    private InputStream stdin = InputStream.nullInputStream();
    private Map<String, String> env = Map.of();
    private boolean terminal;
    private PoolChecker answer = request -> Results.clean();

    private Builder(Path workingDir) {
      this.workingDir = workingDir;
    }

    Builder stdin(String text) {
      this.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Builder env(Map<String, String> variables) {
      this.env = variables;
      return this;
    }

    Builder terminal() {
      this.terminal = true;
      return this;
    }

    Builder answering(CheckResult result) {
      this.answer = request -> result;
      return this;
    }

    Builder answering(PoolChecker checker) {
      this.answer = checker;
      return this;
    }

    CliRun run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      List<CheckRequest> requests = new ArrayList<>();
      PoolChecker recording =
          request -> {
            requests.add(request);
            return answer.check(request);
          };
      Shell shell =
          new Shell(
              stdin,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              workingDir,
              env,
              terminal);
      int code = Main.run(args, shell, recording);
      return new CliRun(
          code,
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8),
          requests);
    }
  }
}
