package dev.poolcheck.engine.model;

/**
 * Something that kept the tool from doing its job (an unreadable path, a broken policy bundle, an
 * invalid configuration). Any tool error makes the run exit with 2; other files are still checked.
 *
 * @param source the file, bundle or option concerned
 * @param message what went wrong and what to do, with a position where one is known
 */
public record ToolError(String source, String message) {}
