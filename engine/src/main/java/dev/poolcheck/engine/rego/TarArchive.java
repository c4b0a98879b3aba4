package dev.poolcheck.engine.rego;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the regular files of a POSIX (ustar) tar stream, which is all {@code opa build} writes. A
 * dozen lines here instead of commons-compress, whose only use would be this.
 */
final class TarArchive {

  private static final int BLOCK = 512;

  private TarArchive() {}

  /** File name to content, without limits (for tests that unpack bundles they built). */
  static Map<String, byte[]> read(InputStream in) throws IOException {
    return read(in, Long.MAX_VALUE, Integer.MAX_VALUE);
  }

  /**
   * File name (without a leading {@code /}) to content.
   *
   * @param maxBytes the most all entries may hold together (a gzip bomb unpacks to gigabytes)
   * @param maxEntries the most entries the archive may hold
   */
  static Map<String, byte[]> read(InputStream in, long maxBytes, int maxEntries)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    byte[] header = new byte[BLOCK];
    long total = 0;
    int entries = 0;
    while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
      if (++entries > maxEntries) {
        throw new IOException("it holds more than " + maxEntries + " entries");
      }
      String name = field(header, 0, 100);
      String prefix = field(header, 345, 155);
      long size = size(field(header, 124, 12), name);
      char type = (char) header[156];
      if (size < 0 || size > Integer.MAX_VALUE) {
        throw new IOException("entry " + name + " has an impossible size");
      }
      total += size;
      if (total > maxBytes) {
        throw new IOException("it unpacks to more than " + (maxBytes >> 20) + " MiB");
      }
      byte[] content = in.readNBytes((int) size);
      if (content.length != size) {
        throw new IOException("entry " + name + " is truncated");
      }
      in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
      if (type == '0' || type == 0) {
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        files.put(path.startsWith("/") ? path.substring(1) : path, content);
      }
    }
    return files;
  }

  private static long size(String octal, String name) throws IOException {
    try {
      return Long.parseLong(octal.trim(), 8);
    } catch (NumberFormatException e) {
      throw new IOException("entry " + name + " has no readable size", e);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }
}
