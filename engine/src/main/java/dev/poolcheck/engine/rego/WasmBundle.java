package dev.poolcheck.engine.rego;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.poolcheck.engine.document.RegularFiles;
import dev.poolcheck.engine.model.PoolcheckException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A policy compiled with {@code opa build -t wasm}: the wasm module and the bundle's data.
 * opa-java-wasm loads only the module, so the bundle ({@code .tar.gz}) is unpacked here.
 *
 * @param name what the user called it (the path as given), used in every error message
 * @param wasm the {@code /policy.wasm} module
 * @param data the bundle's {@code data.json} files merged at their directories, an object
 */
public record WasmBundle(String name, byte[] wasm, ObjectNode data) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The largest bundle file read (the built-in bundle is well under 1 MiB). */
  static final long MAX_BUNDLE_BYTES = 32L << 20;

  /** The most a bundle may unpack to, and the most files it may hold (gzip bombs). */
  static final long MAX_UNPACKED_BYTES = 128L << 20;

  static final int MAX_ENTRIES = 10_000;
  private static final byte[] WASM_MAGIC = {0, 'a', 's', 'm'};
  private static final int GZIP_MAGIC = 0x8b1f;

  /** Reads a {@code .tar.gz} bundle or a bare {@code policy.wasm} (which then has no data). */
  public static WasmBundle read(Path file) {
    byte[] bytes;
    try {
      bytes = RegularFiles.read(file, MAX_BUNDLE_BYTES);
    } catch (RegularFiles.Refused e) {
      throw new PoolcheckException(
          "policy bundle " + file + " is not read: it " + e.getMessage(), e);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PoolcheckException(
          "policy bundle "
              + file
              + " does not exist; build it with 'opa build -t wasm -e main/deny ...' or fix the"
              + " path given with --policy or in the configuration",
          e);
    } catch (IOException e) {
      throw new PoolcheckException(
          "cannot read policy bundle "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + "); check"
              + " that it is a readable file",
          e);
    }
    return read(file.toString(), bytes);
  }

  /** Reads a bundle from memory; {@code name} is used in error messages. */
  public static WasmBundle read(String name, byte[] bytes) {
    if (startsWith(bytes, WASM_MAGIC)) {
      return new WasmBundle(name, bytes, JsonNodeFactory.instance.objectNode());
    }
    if (bytes.length < 2 || ((bytes[0] & 0xff) | (bytes[1] & 0xff) << 8) != GZIP_MAGIC) {
      throw broken(name, "it is neither a gzipped tar bundle nor a wasm module");
    }
    Map<String, byte[]> files;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      files = TarArchive.read(in, MAX_UNPACKED_BYTES, MAX_ENTRIES);
    } catch (IOException | UncheckedIOException e) {
      throw broken(name, "it is not a readable gzipped tar archive (" + e.getMessage() + ")");
    }
    byte[] wasm = files.get("policy.wasm");
    if (wasm == null || !startsWith(wasm, WASM_MAGIC)) {
      throw broken(name, "it holds no policy.wasm (was it built with opa build -t wasm?)");
    }
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      String path = file.getKey();
      if (path.equals("data.json") || path.endsWith("/data.json")) {
        try {
          mergeAt(data, path, parseData(name, path, file.getValue()));
        } catch (Conflict e) {
          throw broken(name, e.getMessage());
        }
      }
    }
    return new WasmBundle(name, wasm, data);
  }

  private static JsonNode parseData(String bundle, String path, byte[] content) {
    try {
      return JSON.readTree(content);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw broken(bundle, path + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw broken(bundle, path + " is unreadable (" + e.getMessage() + ")");
    }
  }

  /** OPA puts the data of {@code a/b/data.json} at {@code data.a.b}. */
  private static void mergeAt(ObjectNode root, String path, JsonNode value) {
    String[] dirs = path.split("/");
    ObjectNode target = root;
    for (int i = 0; i < dirs.length - 1; i++) {
      if (!dirs[i].isEmpty()) {
        JsonNode existing = target.get(dirs[i]);
        if (existing != null && !(existing instanceof ObjectNode)) {
          throw new Conflict(path, String.join(".", java.util.Arrays.copyOf(dirs, i + 1)));
        }
        target = existing != null ? (ObjectNode) existing : target.putObject(dirs[i]);
      }
    }
    if (value instanceof ObjectNode object) {
      merge(target, object, path, "");
    }
  }

  /** Objects merge member by member, as OPA merges data files; any other clash is a conflict. */
  private static void merge(ObjectNode target, ObjectNode value, String path, String at) {
    for (var field : value.properties()) {
      JsonNode existing = target.get(field.getKey());
      String key = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
      if (existing instanceof ObjectNode e && field.getValue() instanceof ObjectNode v) {
        merge(e, v, path, key);
      } else if (existing != null && !existing.equals(field.getValue())) {
        throw new Conflict(path, key);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  /** Two data files of a bundle that give one key different values. */
  private static final class Conflict extends RuntimeException {
    Conflict(String path, String key) {
      super(path + " sets data." + key + ", which another data file of the bundle sets too");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static PoolcheckException broken(String name, String why) {
    return new PoolcheckException(
        "policy bundle "
            + name
            + " cannot be used: "
            + why
            + ". Build it with opa build -t wasm -e main/deny (see docs/writing-policies.md).");
  }
}
