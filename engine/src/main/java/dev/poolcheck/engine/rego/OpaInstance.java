package dev.poolcheck.engine.rego;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.styra.opa.wasm.OpaWasm_Env;
import com.styra.opa.wasm.OpaWasm_ModuleExports;
import com.styra.opa.wasm.OpaWasm_ModuleImports;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live instance of a policy compiled with {@code opa build -t wasm}: our host of OPA's wasm ABI
 * (version 1, minor 2 or later), on Chicory. It provides the module's imports (its memory, {@code
 * opa_abort} and the built-in functions of {@link HostBuiltins}) through the bindings opa-java-wasm
 * generates ({@link OpaWasm_ModuleImports}, {@link OpaWasm_ModuleExports}), and evaluates with the
 * single-call {@code opa_eval} export: the input's JSON is written straight after the loaded data
 * and the heap is reset to that point for every evaluation, so nothing is allocated or freed per
 * evaluation on the Java side.
 *
 * <p>Not thread-safe: one evaluation at a time.
 */
final class OpaInstance implements OpaWasm_ModuleImports, OpaWasm_Env {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int INITIAL_PAGES = 10;

  private final Memory memory;
  private final OpaWasm_ModuleExports exports;
  private final HostBuiltins.Builtin[] builtins;
  private final String[] builtinNames;
  private final Map<String, Integer> entrypoints;
  private final int baseHeapPtr;
  private int dataHeapPtr;
  private int dataAddr = -1;

  /**
   * Instantiates the module.
   *
   * @param maxMemoryPages the most wasm pages (64 KiB) the instance's memory may grow to
   * @throws IllegalArgumentException when the module is not an OPA policy of a supported ABI
   */
  OpaInstance(PolicyModule module, int maxMemoryPages) {
    this.memory =
        new ByteArrayMemory(
            new MemoryLimits(Math.min(INITIAL_PAGES, maxMemoryPages), maxMemoryPages));
    Instance.Builder builder =
        Instance.builder(module.wasm())
            .withImportValues(toImportValues())
            .withMemoryFactory(limits -> memory);
    if (module.machineFactory() != null) {
      builder.withMachineFactory(module.machineFactory());
    }
    this.exports = new OpaWasm_ModuleExports(builder.build());
    long major = exports.opaWasmAbiVersion().getValue();
    long minor = exports.opaWasmAbiMinorVersion().getValue();
    if (major != 1 || minor < 2) {
      throw new IllegalArgumentException(
          "it uses OPA wasm ABI " + major + "." + minor + "; poolcheck runs ABI 1.2 and later");
    }
    Map<String, Integer> ids = readIdMap(exports.builtins());
    int size = ids.values().stream().mapToInt(i -> i + 1).max().orElse(0);
    this.builtins = new HostBuiltins.Builtin[size];
    this.builtinNames = new String[size];
    ids.forEach(
        (name, id) -> {
          builtinNames[id] = name;
          builtins[id] = HostBuiltins.named(name);
        });
    this.entrypoints = Collections.unmodifiableMap(readIdMap(exports.entrypoints()));
    this.baseHeapPtr = exports.opaHeapPtrGet();
    this.dataHeapPtr = baseHeapPtr;
  }

  /** The module's entrypoints: name ({@code main/deny}) to id. */
  Map<String, Integer> entrypoints() {
    return entrypoints;
  }

  /** Replaces the data document the policy sees. */
  void loadData(String dataJson) {
    exports.opaHeapPtrSet(baseHeapPtr);
    dataAddr = parseJson(dataJson.getBytes(StandardCharsets.UTF_8), "its data");
    dataHeapPtr = exports.opaHeapPtrGet();
  }

  /**
   * Evaluates an entrypoint.
   *
   * @param inputJson the input document as UTF-8 JSON
   * @return the result set as JSON text, {@code [{"result": ...}]} or {@code []}
   */
  String evaluate(int entrypoint, byte[] inputJson) {
    if (dataAddr == -1) {
      loadData("{}");
    }
    int inputAddr = dataHeapPtr;
    long missing = (long) inputAddr + inputJson.length - (long) memory.pages() * Memory.PAGE_SIZE;
    if (missing > 0) {
      int pages = (int) ((missing + Memory.PAGE_SIZE - 1) / Memory.PAGE_SIZE);
      if (memory.grow(pages) == -1) {
        throw new IllegalStateException("out of memory: the input does not fit in the memory cap");
      }
    }
    memory.write(inputAddr, inputJson, 0, inputJson.length);
    int resultAddr =
        exports.opaEval(
            0, entrypoint, dataAddr, inputAddr, inputJson.length, inputAddr + inputJson.length, 0);
    return readString(resultAddr);
  }

  private int parseJson(byte[] json, String what) {
    int addr = exports.opaMalloc(json.length);
    memory.write(addr, json, 0, json.length);
    int value = exports.opaJsonParse(addr, json.length);
    exports.opaFree(addr);
    if (value == 0) {
      throw new IllegalArgumentException(what + " is not valid JSON");
    }
    return value;
  }

  private Map<String, Integer> readIdMap(int valueAddr) {
    int textAddr = exports.opaJsonDump(valueAddr);
    String text = readString(textAddr);
    exports.opaFree(textAddr);
    Map<String, Integer> ids = new LinkedHashMap<>();
    try {
      JSON.readTree(text).properties().forEach(f -> ids.put(f.getKey(), f.getValue().asInt()));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("its id map is not JSON: " + e.getOriginalMessage(), e);
    }
    return ids;
  }

  /** The NUL-terminated UTF-8 string at {@code addr}. */
  private String readString(int addr) {
    int limit = memory.pages() * Memory.PAGE_SIZE;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    int at = addr;
    while (at < limit) {
      int chunk = Math.min(4096, limit - at);
      byte[] bytes = memory.readBytes(at, chunk);
      for (int i = 0; i < chunk; i++) {
        if (bytes[i] == 0) {
          out.write(bytes, 0, i);
          return out.toString(StandardCharsets.UTF_8);
        }
      }
      out.write(bytes, 0, chunk);
      at += chunk;
    }
    throw new IllegalStateException("a string in the policy's memory has no end");
  }

  private int callBuiltin(int id, int... argAddrs) {
    HostBuiltins.Builtin builtin = id >= 0 && id < builtins.length ? builtins[id] : null;
    if (builtin == null) {
      String name = id >= 0 && id < builtinNames.length ? builtinNames[id] : "#" + id;
      throw new UnsupportedOperationException(
          "it calls the built-in function " + name + ", which poolcheck does not provide");
    }
    JsonNode[] args = new JsonNode[argAddrs.length];
    try {
      for (int i = 0; i < args.length; i++) {
        int textAddr = exports.opaJsonDump(argAddrs[i]);
        String text = readString(textAddr);
        exports.opaFree(textAddr);
        args[i] = JSON.readTree(text);
      }
      return parseJson(JSON.writeValueAsBytes(builtin.apply(args)), "a built-in's result");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(builtinNames[id] + ": " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public OpaWasm_Env env() {
    return this;
  }

  @Override
  public Memory memory() {
    return memory;
  }

  @Override
  public void opaAbort(int addr) {
    throw new PolicyAbortedException("opa_abort - " + readString(addr));
  }

  @Override
  public int opaBuiltin0(int id, int ctx) {
    return callBuiltin(id);
  }

  @Override
  public int opaBuiltin1(int id, int ctx, int a) {
    return callBuiltin(id, a);
  }

  @Override
  public int opaBuiltin2(int id, int ctx, int a, int b) {
    return callBuiltin(id, a, b);
  }

  @Override
  public int opaBuiltin3(int id, int ctx, int a, int b, int c) {
    return callBuiltin(id, a, b, c);
  }

  @Override
  public int opaBuiltin4(int id, int ctx, int a, int b, int c, int d) {
    return callBuiltin(id, a, b, c, d);
  }

  /** The policy called {@code opa_abort}: a runtime error, or its heap is exhausted. */
  static final class PolicyAbortedException extends RuntimeException {
    PolicyAbortedException(String message) {
      super(message);
    }
  }
}
