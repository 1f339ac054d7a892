package org.prodml.profile;

import java.util.List;
import org.prodml.text.Choices;

/**
 * Which engine measures a file's profile: the streaming profiler in this JVM (the default: 3M rows
 * in seconds, in bounded memory), or Spark, for data that outgrows one machine or lives in a
 * cluster's storage. Both build the same accumulators ({@link PartialProfile}), so both give the
 * same profile; Spark costs seconds of start-up on any data.
 *
 * @param master Spark's master URL ({@code local[*]}, {@code spark://host:7077}, …); null for the
 *     streaming engine
 */
public record ProfileEngine(Kind kind, String master) {
  public static final String DEFAULT_MASTER = "local[*]";
  public static final ProfileEngine STREAMING = new ProfileEngine(Kind.STREAMING, null);

  /** The engines, by the word an option or parameter gives. */
  public enum Kind {
    STREAMING("streaming"),
    SPARK("spark");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The words of the engines: streaming, spark. */
  public static List<String> words() {
    return Choices.words(Kind.values(), Kind::label);
  }

  /**
   * The engine a word names (null: streaming), with Spark's master (null: {@value
   * #DEFAULT_MASTER}).
   *
   * @throws IllegalArgumentException for another word, or a master without the Spark engine
   */
  public static ProfileEngine of(String word, String master) {
    Kind kind =
        word == null ? Kind.STREAMING : Choices.parse(Kind.values(), Kind::label, word, "engine");
    if (kind == Kind.STREAMING) {
      if (master != null) {
        throw new IllegalArgumentException("a master is Spark's: give engine spark with it");
      }
      return STREAMING;
    }
    return new ProfileEngine(kind, master == null ? DEFAULT_MASTER : master);
  }

  public boolean isSpark() {
    return kind == Kind.SPARK;
  }
}
