package dev.poolcheck.bench.corpus;

/** The serialisation a corpus file is written in. */
public enum Format {
  JSON("json"),
  YAML("yaml");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }
}
