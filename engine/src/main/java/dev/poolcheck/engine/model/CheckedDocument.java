package dev.poolcheck.engine.model;

/**
 * A document that was checked, for reports that list them (JUnit has one test case each).
 *
 * @param file the file as the user named it
 * @param index 0-based index of the document in the file (YAML streams may hold several)
 * @param kind the detected or forced kind id, or {@code unknown}
 * @param pools how many pools it declared
 */
public record CheckedDocument(String file, int index, String kind, int pools) {}
