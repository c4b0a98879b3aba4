package dev.poolcheck.engine.document;

import dev.poolcheck.engine.model.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text: UTF-8 with or without a byte order mark, UTF-16 and UTF-32 with one. Anything that
 * does not decode cleanly, or holds NUL characters, is refused with the place where it went wrong.
 */
final class InputDecoder {

  /** The decoded text, or why there is none and where. */
  record Decoded(String text, String problem, SourcePosition at) {
    boolean ok() {
      return problem == null;
    }
  }

  private InputDecoder() {}

  static Decoded decode(byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    String bomName = null;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      skip = 3;
    } else if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      skip = 4;
      bomName = "UTF-32";
    } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      skip = 4;
      bomName = "UTF-32";
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
      bomName = "UTF-16";
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
      bomName = "UTF-16";
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharBuffer out =
        CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, bytes.length + 16L));
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int bad = in.position();
      out.flip();
      String before = out.toString();
      SourcePosition at = new LineStarts(before).position(before.length());
      String encoding = bomName == null ? "UTF-8" : bomName;
      String message =
          String.format(
              Locale.ROOT,
              "the file is not valid %s: byte 0x%02X at %s does not start a valid character;"
                  + " save the file as UTF-8",
              encoding,
              bytes[bad] & 0xFF,
              at);
      return new Decoded(null, message, at);
    }
    out.flip();
    String text = out.toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      SourcePosition at = new LineStarts(text).position(nul);
      String hint =
          bomName == null && looksLikeUtf16WithoutBom(bytes)
              ? " (it looks like UTF-16 without a byte order mark; save it as UTF-8)"
              : "; it looks like a binary file, not JSON or YAML";
      return new Decoded(null, "the file contains a NUL character at " + at + hint, at);
    }
    return new Decoded(text, null, SourcePosition.START);
  }

  private static boolean looksLikeUtf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 64);
    int zeros = 0;
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        zeros++;
      }
    }
    return n >= 4 && zeros * 3 >= n;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
