package org.prodml.data.scenario;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.prodml.data.CsvDamage;

/**
 * A teaching dataset made from a shipped dataset with flaws planted on purpose, so a lesson can
 * show a flaw the real data does not have. Built with a fixed seed from files that are only read, a
 * scenario is the same bytes on every run.
 *
 * <p>Besides what it builds, a scenario says in one line what is planted and which course notes
 * read it: the scenarios' README is written from these, so the table cannot miss a scenario.
 */
public abstract class Scenario {
  private final String name;
  private final String source;
  private final String sourceFile;
  private final long seed;
  private final String planted;
  private final List<Integer> courseNotes;

  /**
   * @param sourceFile the file of the source dataset the rows come from: {@code data.csv}, or one
   *     of its spans when a lesson damages only the data a deployed model was served
   * @param planted what is planted, one line of Markdown for the README's table
   * @param courseNotes the numbers of the course notes that read the scenario
   */
  Scenario(
      String name,
      String source,
      String sourceFile,
      long seed,
      String planted,
      int... courseNotes) {
    this.name = name;
    this.source = source;
    this.sourceFile = sourceFile;
    this.seed = seed;
    this.planted = planted;
    this.courseNotes = Arrays.stream(courseNotes).boxed().toList();
  }

  /** The folder name under {@code datasets/scenarios/}. */
  public final String name() {
    return name;
  }

  /** The shipped dataset it is made from: a folder of {@code datasets/}. */
  public final String source() {
    return source;
  }

  /**
   * The file of {@link #source()} that is read, relative to its folder ({@code data.csv} or a
   * span).
   */
  public final String sourceFile() {
    return sourceFile;
  }

  public final long seed() {
    return seed;
  }

  /** What is planted, in one line of Markdown. */
  public final String planted() {
    return planted;
  }

  /** The numbers of the course notes that read this scenario. */
  public final List<Integer> courseNotes() {
    return courseNotes;
  }

  /** Builds the scenario's files from the shipped datasets below {@code datasets}. */
  public abstract ScenarioFolder build(Path datasets);

  /**
   * Files with and without this scenario's flaw that a learner's rule is tried on but never sees
   * (made in memory, never written under {@code datasets/}); none unless a write-a-rule exercise
   * reads this scenario.
   */
  public List<HeldBackCase> heldBack(Path datasets) {
    return List.of();
  }

  /**
   * The rows of one span of a shipped file, dates from {@code from} up to (not including) {@code
   * until}, with every random draw from {@code seed}.
   */
  static CsvDamage span(Path datasets, String file, String from, String until, long seed) {
    return CsvDamage.of(datasets.resolve(file), seed)
        .keepRows(r -> r.get("date").compareTo(from) >= 0 && r.get("date").compareTo(until) < 0);
  }

  /** The source file (only read), with every random draw from this scenario's seed. */
  final CsvDamage readSource(Path datasets) {
    return CsvDamage.of(datasets.resolve(source).resolve(sourceFile), seed);
  }
}
