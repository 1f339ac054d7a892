package org.prodml.course;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.prodml.data.DataInputException;
import org.prodml.io.AtomicFiles;

/**
 * A learner's progress: for each exercise, how many different answers were checked (an attempt is a
 * check of a changed answer, told apart by its {@link AnswerFingerprint}), the latest verdict,
 * whether it ever passed, and which hints were revealed. Kept in one small JSON file of the
 * learner's workspace ({@value Workspace#PROGRESS}), shared by Zeppelin paragraphs, {@code ./prodml
 * run} and {@code ./prodml course}; or, for a note run outside a workspace, in memory for that run
 * only, so nothing is ever written into the course's own folders.
 *
 * <p>The file is read and written under a lock, each change written atomically, so a Zeppelin
 * paragraph and a command run at the same moment do not lose each other's attempt.
 */
public final class ExerciseProgress {
  /** How many answer fingerprints an exercise keeps: enough to know a learner's recent answers. */
  static final int ANSWERS_KEPT = 200;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private File memory;

  private ExerciseProgress(Path file) {
    this.file = file;
    this.memory = file == null ? new File(System.getProperty("user.name", ""), Map.of()) : null;
  }

  /** Progress for one run, kept in memory only. */
  public static ExerciseProgress inMemory() {
    return new ExerciseProgress(null);
  }

  /** Progress kept in a file (created on the first check). */
  public static ExerciseProgress file(Path file) {
    return new ExerciseProgress(file.toAbsolutePath().normalize());
  }

  /** The file the progress is kept in; empty when it is kept in memory. */
  public Optional<Path> location() {
    return Optional.ofNullable(file);
  }

  /**
   * One exercise's progress.
   *
   * @param attempts how many different answers were checked
   * @param verdict the latest check's verdict, PASS or FAIL
   * @param passed whether any check passed
   * @param hintsRevealed the hints revealed so far, as indexes into the exercise's hints, in the
   *     order they were revealed
   * @param answersSeen the fingerprints of the answers checked, oldest first
   * @param lastChecked when the latest check ran (ISO-8601, UTC)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ExerciseState(
      String note,
      int attempts,
      String verdict,
      boolean passed,
      List<Integer> hintsRevealed,
      List<String> answersSeen,
      String lastChecked) {
    public ExerciseState {
      hintsRevealed = hintsRevealed == null ? List.of() : List.copyOf(hintsRevealed);
      answersSeen = answersSeen == null ? List.of() : List.copyOf(answersSeen);
    }

    static ExerciseState none(String note) {
      return new ExerciseState(note, 0, "", false, List.of(), List.of(), "");
    }
  }

  /** The learner and every exercise's progress, as the file holds them. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record File(String learner, Map<String, ExerciseState> exercises) {
    File {
      exercises =
          exercises == null
              ? Map.of()
              : Collections.unmodifiableMap(new LinkedHashMap<>(exercises));
    }
  }

  /**
   * What a check counted: the attempt it belongs to, whether the answer was new, and the hint to
   * show (an index into the exercise's hints; -1 when the check passed).
   */
  public record Checked(int attempt, boolean newAnswer, int hint) {}

  /**
   * Records a check: a new answer is a new attempt; a failed check shows the first hint, among
   * those that help with its failure, that was not revealed yet (after a new answer), or the one
   * revealed last (for an answer checked before), so re-running a check reveals nothing new.
   *
   * @param helpful the hints that help with this failure, as indexes, best first (ignored on a
   *     pass)
   */
  public synchronized Checked record(
      Exercise exercise, String fingerprint, boolean passed, List<Integer> helpful) {
    Checked[] result = new Checked[1];
    update(
        all -> {
          Map<String, ExerciseState> exercises = new LinkedHashMap<>(all.exercises());
          ExerciseState s =
              exercises.getOrDefault(exercise.id(), ExerciseState.none(exercise.note()));
          boolean newAnswer = !s.answersSeen().contains(fingerprint);
          int attempts = s.attempts() + (newAnswer || s.attempts() == 0 ? 1 : 0);
          List<String> seen = new ArrayList<>(s.answersSeen());
          if (newAnswer) {
            seen.add(fingerprint);
            while (seen.size() > ANSWERS_KEPT) {
              seen.remove(0);
            }
          }
          List<Integer> revealed = new ArrayList<>(s.hintsRevealed());
          int hint = -1;
          if (!passed && !helpful.isEmpty()) {
            Integer shownBefore = null;
            for (int i = revealed.size() - 1; i >= 0 && shownBefore == null; i--) {
              if (helpful.contains(revealed.get(i))) {
                shownBefore = revealed.get(i);
              }
            }
            if (newAnswer || shownBefore == null) {
              hint =
                  helpful.stream()
                      .filter(h -> !revealed.contains(h))
                      .findFirst()
                      .orElse(helpful.get(helpful.size() - 1));
              if (!revealed.contains(hint)) {
                revealed.add(hint);
              }
            } else {
              hint = shownBefore;
            }
          }
          exercises.put(
              exercise.id(),
              new ExerciseState(
                  exercise.note(),
                  attempts,
                  passed ? "PASS" : "FAIL",
                  s.passed() || passed,
                  revealed,
                  seen,
                  Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
          result[0] = new Checked(attempts, newAnswer, hint);
          return new File(all.learner(), exercises);
        });
    return result[0];
  }

  /** One exercise's progress, if it was ever checked. */
  public synchronized Optional<ExerciseState> of(String exercise) {
    return Optional.ofNullable(read().exercises().get(exercise));
  }

  /** Every exercise checked so far, by id. */
  public synchronized Map<String, ExerciseState> all() {
    return read().exercises();
  }

  /** The learner the progress belongs to. */
  public synchronized String learner() {
    return read().learner();
  }

  /**
   * Forgets an exercise's attempts, verdicts and hints; true when there was something to forget.
   */
  public synchronized boolean reset(String exercise) {
    boolean[] had = new boolean[1];
    update(
        all -> {
          Map<String, ExerciseState> exercises = new LinkedHashMap<>(all.exercises());
          had[0] = exercises.remove(exercise) != null;
          return new File(all.learner(), exercises);
        });
    return had[0];
  }

  /** Forgets every exercise's progress; returns how many exercises had some. */
  public synchronized int resetAll() {
    int[] had = new int[1];
    update(
        all -> {
          had[0] = all.exercises().size();
          return new File(all.learner(), Map.of());
        });
    return had[0];
  }

  /** Starts a progress file for a learner, unless one exists. */
  synchronized void create(String learner) {
    if (file != null && !Files.exists(file)) {
      AtomicFiles.write(file, write(new File(learner, Map.of())));
    }
  }

  private File read() {
    if (file == null) {
      return memory;
    }
    if (!Files.isRegularFile(file)) {
      return new File(System.getProperty("user.name", ""), Map.of());
    }
    try {
      File f = JSON.readValue(file.toFile(), File.class);
      return f == null ? new File("", Map.of()) : f;
    } catch (IOException e) {
      throw new DataInputException(
          file.toString(),
          "not a progress file: "
              + e.getMessage().lines().findFirst().orElse("")
              + " (./prodml course reset starts it again)");
    }
  }

  private void update(UnaryOperator<File> change) {
    if (file == null) {
      memory = change.apply(memory);
      return;
    }
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        AtomicFiles.write(file, write(change.apply(read())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String write(File f) {
    try {
      return JSON.writeValueAsString(f) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
