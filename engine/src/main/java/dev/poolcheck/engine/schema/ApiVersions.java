package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The api-versions poolcheck ships schemas for, per plane, and the choice of the one a document is
 * checked against.
 *
 * <p>The version comes from the document when it declares one (an ARM resource's {@code
 * apiVersion}, an Azure example's {@code parameters.api-version}: canonical {@code apiVersion}),
 * else from the request ({@code --api-version}, configuration {@code apiVersion}), else it is the
 * newest shipped. A well-formed version poolcheck does not ship maps to the newest shipped version
 * not newer than it (the API as it stood at that date), or to the oldest shipped when it is older
 * than all of them; the date part decides, so {@code 2024-07-01} picks the data plane's {@code
 * 2024-07-01.20.0}. A value that is not an api-version is checked against the newest.
 */
public final class ApiVersions {

  /** The two REST APIs, each with its own api-versions. */
  public enum Plane {
    MANAGEMENT(PoolSchemas.MANAGEMENT_FILE),
    DATA_PLANE(PoolSchemas.DATA_PLANE_FILE);

    final String file;

    Plane(String file) {
      this.file = file;
    }
  }

  /** Where the chosen version came from. */
  public enum Source {
    /** Declared in the document. */
    DOCUMENT,
    /** Given with the request ({@code --api-version}, configuration {@code apiVersion}). */
    REQUEST,
    /** Nothing declared: the newest shipped. */
    NEWEST
  }

  /** How the written version relates to the chosen one. */
  public enum Match {
    /** A shipped version, as written (or the newest, when none was written). */
    EXACT,
    /** A well-formed version poolcheck does not ship: the nearest shipped one is used. */
    NEAREST,
    /** Not an api-version: the newest shipped is used. */
    INVALID
  }

  /**
   * The version a document is checked against.
   *
   * @param version a shipped api-version of the plane
   * @param source where it came from
   * @param match how the written value relates to it
   * @param written the value as written (document or request), empty for {@link Source#NEWEST}
   */
  public record Choice(String version, Source source, Match match, Optional<String> written) {}

  /** {@code 2024-07-01}, {@code 2024-07-01.20.0}, {@code 2024-05-01-preview}. */
  private static final Pattern VERSION =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(\\.\\d+\\.\\d+)?(-preview)?");

  private static final class Holder {
    static final ApiVersions SHIPPED =
        new ApiVersions(read(Plane.MANAGEMENT.file), read(Plane.DATA_PLANE.file));
  }

  private final List<String> management;
  private final List<String> dataPlane;

  /**
   * @param management the management-plane versions, newest first
   * @param dataPlane the data-plane versions, newest first
   */
  ApiVersions(List<String> management, List<String> dataPlane) {
    if (management.isEmpty() || dataPlane.isEmpty()) {
      throw new IllegalArgumentException("every plane ships at least one api-version");
    }
    this.management = List.copyOf(management);
    this.dataPlane = List.copyOf(dataPlane);
  }

  /** The versions of the shipped schemas ({@code x-api-versions} of each schema file). */
  public static ApiVersions shipped() {
    return Holder.SHIPPED;
  }

  /** The shipped versions of a plane, newest first. */
  public List<String> of(Plane plane) {
    return plane == Plane.MANAGEMENT ? management : dataPlane;
  }

  /** The newest shipped version of a plane. */
  public String newest(Plane plane) {
    return of(plane).get(0);
  }

  /** Whether {@code text} has the form of an api-version (shipped or not). */
  public static boolean wellFormed(String text) {
    return VERSION.matcher(text.trim()).matches();
  }

  /**
   * The version to check a document of {@code plane} against.
   *
   * @param declared what the document declares (canonical {@code apiVersion}); an ARM expression
   *     counts as not declared, since its value is only known at deployment
   * @param requested the request's version ({@code --api-version} or configuration)
   */
  public Choice choose(Plane plane, Optional<String> declared, Optional<String> requested) {
    Optional<String> fromDocument =
        declared
            .map(String::trim)
            .filter(s -> !s.isEmpty() && !(s.startsWith("[") && !s.startsWith("[[")));
    if (fromDocument.isPresent()) {
      return match(plane, fromDocument.get(), Source.DOCUMENT);
    }
    Optional<String> fromRequest = requested.map(String::trim).filter(s -> !s.isEmpty());
    if (fromRequest.isPresent()) {
      return match(plane, fromRequest.get(), Source.REQUEST);
    }
    return new Choice(newest(plane), Source.NEWEST, Match.EXACT, Optional.empty());
  }

  private Choice match(Plane plane, String written, Source source) {
    List<String> shipped = of(plane);
    for (String v : shipped) {
      if (v.equalsIgnoreCase(written)) {
        return new Choice(v, source, Match.EXACT, Optional.of(written));
      }
    }
    Matcher m = VERSION.matcher(written);
    if (!m.matches()) {
      return new Choice(shipped.get(0), source, Match.INVALID, Optional.of(written));
    }
    String date = m.group(1);
    // The same date on the other plane's form (2024-07-01 for 2024-07-01.20.0 and back) is the
    // same release: no note needed when nothing but the suffix differs.
    boolean preview = m.group(3) != null;
    List<String> byDate = new ArrayList<>(shipped);
    byDate.sort(Comparator.comparing(ApiVersions::datePart).reversed());
    for (String v : byDate) {
      if (datePart(v).equals(date) && !preview) {
        return new Choice(v, source, Match.EXACT, Optional.of(written));
      }
    }
    for (String v : byDate) {
      if (datePart(v).compareTo(date) <= 0) {
        return new Choice(v, source, Match.NEAREST, Optional.of(written));
      }
    }
    return new Choice(byDate.get(byDate.size() - 1), source, Match.NEAREST, Optional.of(written));
  }

  /** The {@code YYYY-MM-DD} part of a version. */
  static String datePart(String version) {
    return version.length() >= 10 ? version.substring(0, 10).toLowerCase(Locale.ROOT) : version;
  }

  private static List<String> read(String file) {
    String resource = PoolSchemas.CLASSPATH_BASE + file;
    try (InputStream in = ApiVersions.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the class path: " + resource);
      }
      JsonNode versions = new ObjectMapper().readTree(in).path("x-api-versions");
      List<String> out = new ArrayList<>();
      versions.fieldNames().forEachRemaining(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }
}
