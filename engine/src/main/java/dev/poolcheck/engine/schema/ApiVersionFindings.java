package dev.poolcheck.engine.schema;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.poolcheck.engine.model.RuleDescriptor;
import dev.poolcheck.engine.model.Severity;
import dev.poolcheck.engine.schema.ApiVersions.Choice;
import dev.poolcheck.engine.schema.ApiVersions.Match;
import dev.poolcheck.engine.schema.ApiVersions.Plane;
import dev.poolcheck.engine.schema.ApiVersions.Source;
import java.util.List;
import java.util.Optional;

/**
 * The findings the engine makes, before any rule runs, about the api-version a pool is checked
 * against: one per pool, only when the written version is not what is used. Their metadata lives
 * here once so the catalog, the docs and every finding agree.
 */
public final class ApiVersionFindings {

  public static final String NOT_SHIPPED = "api-version-not-shipped";
  public static final String INVALID = "api-version-invalid";

  private static final String SINCE = "0.1.0";

  public static final RuleDescriptor NOT_SHIPPED_DESCRIPTOR =
      RuleDescriptor.builtIn(
          NOT_SHIPPED,
          "The api-version has no schema in poolcheck; the nearest shipped one is used",
          Severity.INFO,
          SINCE,
          "poolcheck ships the schemas of every stable Batch api-version from 2023-05-01 on"
              + " (management) and 2023-05-01.17.0 on (data plane). A document that declares"
              + " another version, a preview or one older than those, is checked against the"
              + " newest shipped version not newer than it (or the oldest shipped), and this"
              + " note says which.");

  public static final RuleDescriptor INVALID_DESCRIPTOR =
      RuleDescriptor.builtIn(
          INVALID,
          "The api-version is not a date-shaped Batch api-version",
          Severity.WARNING,
          SINCE,
          "An api-version is a date such as 2024-07-01 (data plane: 2024-07-01.20.0). Azure"
              + " rejects a request or deployment with any other value; poolcheck checks the pool"
              + " against the newest shipped version instead.");

  private ApiVersionFindings() {}

  /** Metadata of both findings. */
  public static List<RuleDescriptor> descriptors() {
    return List.of(INVALID_DESCRIPTOR, NOT_SHIPPED_DESCRIPTOR);
  }

  /** A finding about one pool's api-version: its descriptor and message. */
  public record Note(RuleDescriptor descriptor, String message, Source source) {}

  /** The note to report for a choice, if the written version is not the one used. */
  public static Optional<Note> of(Plane plane, Choice choice) {
    if (choice.match() == Match.EXACT || choice.written().isEmpty()) {
      return Optional.empty();
    }
    String written = choice.written().get();
    String where =
        choice.source() == Source.REQUEST
            ? " (from --api-version or the configuration's apiVersion)"
            : "";
    List<String> shipped = ApiVersions.shipped().of(plane);
    String planeName = plane == Plane.MANAGEMENT ? "management" : "data-plane";
    if (choice.match() == Match.INVALID) {
      String shown =
          SchemaValidation.quotable(TextNode.valueOf(written), "/apiVersion")
              ? "`" + written + "`"
              : "the value";
      return Optional.of(
          new Note(
              INVALID_DESCRIPTOR,
              "api-version "
                  + shown
                  + where
                  + " is not an api-version (a date such as `"
                  + shipped.get(0)
                  + "`); the pool is checked against "
                  + choice.version()
                  + ", the newest shipped "
                  + planeName
                  + " version; write the api-version the pool is deployed with",
              choice.source()));
    }
    String how =
        choice.version().equals(shipped.get(shipped.size() - 1))
                && ApiVersions.datePart(written).compareTo(ApiVersions.datePart(choice.version()))
                    < 0
            ? ", the oldest shipped"
            : ", the newest shipped version not newer than it";
    return Optional.of(
        new Note(
            NOT_SHIPPED_DESCRIPTOR,
            "api-version "
                + written
                + where
                + " has no schema in poolcheck; the pool is checked against "
                + choice.version()
                + how
                + " (shipped "
                + planeName
                + " versions: "
                + String.join(", ", shipped)
                + ")",
            choice.source()));
  }
}
