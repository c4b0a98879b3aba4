package dev.poolcheck.engine.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads a file a repository names (an input, {@code --config}, {@code --policy}, {@code
 * --baseline}, a path in {@code .poolcheck.yaml}) only when it is a regular file of bounded size.
 * {@code /dev/zero} or {@code /dev/urandom} would be read without end, a FIFO would block forever,
 * and the kernel's pseudo-files ({@code /proc/self/environ}) hold the environment, credentials
 * included, while claiming to be empty regular files.
 */
public final class RegularFiles {

  /** Folders of pseudo-files that are never read, whatever a path or a link says. */
  static final List<Path> PSEUDO_FILE_SYSTEMS = List.of(Path.of("/proc"), Path.of("/sys"));

  private RegularFiles() {}

  /** Why a file was not read; the message says what the file is and what poolcheck expects. */
  public static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  /**
   * The bytes of a regular file of at most {@code maxBytes}.
   *
   * @throws Refused when the file is not a regular file, lies in {@code /proc} or {@code /sys}, or
   *     is larger than {@code maxBytes}
   * @throws IOException when it cannot be read
   */
  public static byte[] read(Path file, long maxBytes) throws IOException {
    check(file, maxBytes);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        // It grew since it was looked at, or its size was not what it said.
        throw new Refused(tooLarge(maxBytes));
      }
      return bytes;
    }
  }

  /** Checks what {@link #read} checks before it opens the file. */
  public static void check(Path file, long maxBytes) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attrs.isRegularFile()) {
      throw new Refused(
          attrs.isDirectory()
              ? "is a directory, not a file"
              : "is not a regular file (a device, FIFO or socket); poolcheck reads only regular"
                  + " files");
    }
    Path real = file.toRealPath();
    for (Path pseudo : PSEUDO_FILE_SYSTEMS) {
      if (real.startsWith(pseudo)) {
        throw new Refused(
            "lies in " + pseudo + ", whose files are the system's state, never pool definitions");
      }
    }
    if (attrs.size() > maxBytes) {
      throw new Refused(tooLarge(maxBytes));
    }
  }

  private static String tooLarge(long maxBytes) {
    return "is larger than "
        + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB" : (maxBytes >> 10) + " KiB")
        + ", the most poolcheck reads";
  }
}
