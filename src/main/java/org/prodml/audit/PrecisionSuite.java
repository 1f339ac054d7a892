package org.prodml.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prodml.data.scenario.Expectations;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.rules.Finding;
import org.prodml.rules.Severity;

/**
 * The precision suite: audits every scenario of {@code datasets/precision/} as a user would (the
 * command in its {@code expectations.json}), and scores the findings against what the scenario
 * planted and what is true of its real data. Recall is the share of planted flaws some finding of
 * an expected rule found; a CRITICAL on a clean control is a false alarm, and so is any warning or
 * CRITICAL finding that is neither expected nor explained by the scenario's datasheet. A scenario
 * of real anomalies counts neither for recall nor as a control; its findings are shown all the
 * same.
 */
public final class PrecisionSuite {
  /** The bar the suite must meet. */
  public static final double MIN_RECALL = 0.95;

  /** Explained warnings a control may carry: more would bury a real problem. */
  public static final int MAX_EXPLAINED_PER_CONTROL = 2;

  private PrecisionSuite() {}

  /** Where the suite reads its scenarios and rules. */
  public record Setup(List<Path> ruleFolders, Path questions, Path course) {}

  /** A planted flaw and the finding that found it (null when missed). */
  public record Found(Expectations.Planted planted, Finding finding) {
    public boolean found() {
      return finding != null;
    }
  }

  /**
   * One scenario's audit, scored.
   *
   * @param critical every CRITICAL finding
   * @param warnings every WARNING finding
   * @param expected WARNING and CRITICAL findings that found a planted flaw
   * @param explained WARNING and CRITICAL findings the scenario explains as true of its data
   * @param unexplained WARNING and CRITICAL findings neither planted nor explained: false alarms
   */
  public record Score(
      Expectations expectations,
      List<Found> planted,
      List<Finding> critical,
      List<Finding> warnings,
      List<Finding> expected,
      List<Finding> explained,
      List<Finding> unexplained,
      long millis) {

    public long found() {
      return planted.stream().filter(Found::found).count();
    }

    /** CRITICAL findings that are false alarms: any on a control, else the unexplained ones. */
    public List<Finding> falseCritical() {
      return expectations.control()
          ? critical
          : unexplained.stream().filter(Finding::isCritical).toList();
    }
  }

  /** The suite's scores, and whether they meet the bar. */
  public record Result(List<Score> scores) {
    public long planted() {
      return scores.stream().mapToLong(s -> s.planted().size()).sum();
    }

    public long found() {
      return scores.stream().mapToLong(Score::found).sum();
    }

    public double recall() {
      return planted() == 0 ? Double.NaN : (double) found() / planted();
    }

    public long criticalOnControls() {
      return controls().mapToLong(s -> s.critical().size()).sum();
    }

    public long unexplainedOnControls() {
      return controls().mapToLong(s -> s.unexplained().size()).sum();
    }

    public long unexplained() {
      return scores.stream().mapToLong(s -> s.unexplained().size()).sum();
    }

    private java.util.stream.Stream<Score> controls() {
      return scores.stream().filter(s -> s.expectations().control());
    }

    /** What keeps the suite below its bar; empty when it meets it. */
    public List<String> shortfalls() {
      List<String> problems = new ArrayList<>();
      if (planted() > 0 && recall() < MIN_RECALL) {
        problems.add(String.format(Locale.ROOT, "recall %.3f is below %.2f", recall(), MIN_RECALL));
      }
      controls()
          .forEach(
              s -> {
                String name = s.expectations().scenario();
                if (!s.critical().isEmpty()) {
                  problems.add(name + ": " + s.critical().size() + " CRITICAL on a control");
                }
                if (!s.unexplained().isEmpty()) {
                  problems.add(name + ": " + s.unexplained().size() + " unexplained warnings");
                }
                if (s.explained().size() > MAX_EXPLAINED_PER_CONTROL) {
                  problems.add(
                      name
                          + ": "
                          + s.explained().size()
                          + " explained warnings (at most "
                          + MAX_EXPLAINED_PER_CONTROL
                          + ")");
                }
              });
      return problems;
    }
  }

  /** The scenario folders under {@code precisionFolder}, by name. */
  public static List<Path> scenarios(Path precisionFolder) {
    try (var list = Files.list(precisionFolder)) {
      return list.filter(p -> Files.isRegularFile(p.resolve(Expectations.FILE_NAME)))
          .sorted()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + precisionFolder, e);
    }
  }

  /** Audits the scenario in {@code folder} as its expectations say, and scores the findings. */
  public static Score run(Path folder, Setup setup, String version) {
    Expectations x = Expectations.read(folder.resolve(Expectations.FILE_NAME));
    Expectations.Audit a = x.audit();
    AuditRequest.Model model =
        a.model() == null
            ? null
            : new AuditRequest.Model(
                a.model(), null, null, null, null, null, a.window(), a.checks(), a.owner());
    AuditRequest request =
        new AuditRequest(
            folder.resolve(a.train()),
            a.test() == null ? null : folder.resolve(a.test()),
            a.serving() == null ? null : folder.resolve(a.serving()),
            a.label(),
            a.time(),
            a.group(),
            List.of(),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            null,
            model);
    PipelineConfig config =
        new PipelineConfig(
            new DataRoots(List.of(folder.toAbsolutePath().normalize())),
            setup.ruleFolders(),
            setup.questions(),
            setup.course(),
            PipelineConfig.DEFAULT_MAX_ROWS,
            PipelineConfig.DEFAULT_SEED);
    long start = System.nanoTime();
    AuditResult result =
        AuditRun.audit(
                request,
                config,
                file ->
                    folder
                        .toAbsolutePath()
                        .normalize()
                        .relativize(file.toAbsolutePath().normalize())
                        .toString(),
                version,
                line -> {})
            .result();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return score(x, result.findings(), millis);
  }

  /** Scores findings against a scenario's expectations. */
  static Score score(Expectations x, List<Finding> findings, long millis) {
    List<Found> planted = new ArrayList<>();
    for (Expectations.Planted p : x.planted()) {
      Finding by =
          findings.stream()
              .filter(f -> p.foundBy(f.ruleId(), f.subject()))
              .findFirst()
              .orElse(null);
      planted.add(new Found(p, by));
    }
    List<Finding> critical = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    List<Finding> expected = new ArrayList<>();
    List<Finding> explained = new ArrayList<>();
    List<Finding> unexplained = new ArrayList<>();
    for (Finding f : findings) {
      if (f.severity() == Severity.INFO) {
        continue;
      }
      (f.isCritical() ? critical : warnings).add(f);
      if (x.planted().stream().anyMatch(p -> p.foundBy(f.ruleId(), f.subject()))) {
        expected.add(f);
      } else if (x.explained().stream().anyMatch(e -> e.explains(f.ruleId(), f.subject()))) {
        explained.add(f);
      } else {
        unexplained.add(f);
      }
    }
    return new Score(x, planted, critical, warnings, expected, explained, unexplained, millis);
  }

  /**
   * The suite's table: one row per scenario, then the totals and the bar; each false alarm and
   * missed flaw listed below it.
   */
  public static String table(Result result) {
    StringBuilder b = new StringBuilder();
    String format = "%-36s %-8s %5s %7s %5s %8s %9s %9s %11s %7s%n";
    b.append(
        String.format(
            Locale.ROOT,
            format,
            "scenario",
            "kind",
            "held",
            "planted",
            "found",
            "CRITICAL",
            "false CRIT",
            "WARNING",
            "unexplained",
            "time"));
    for (Score s : result.scores()) {
      Expectations x = s.expectations();
      b.append(
          String.format(
              Locale.ROOT,
              format,
              x.scenario(),
              x.kind(),
              x.heldOut() ? "yes" : "",
              x.planting() ? String.valueOf(s.planted().size()) : "-",
              x.planting() ? String.valueOf(s.found()) : "-",
              s.critical().size(),
              s.falseCritical().size(),
              s.warnings().size(),
              s.unexplained().size(),
              String.format(Locale.ROOT, "%.1f s", s.millis() / 1000.0)));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "recall %d of %d planted flaws = %.3f; CRITICAL on controls %d; unexplained warnings %d on"
                + " controls, %d in all (WARNING and CRITICAL findings neither planted nor explained)%n",
            result.found(),
            result.planted(),
            result.recall(),
            result.criticalOnControls(),
            result.unexplainedOnControls(),
            result.unexplained()));
    for (Score s : result.scores()) {
      for (Found f : s.planted()) {
        if (!f.found()) {
          b.append("  missed  ")
              .append(s.expectations().scenario())
              .append(": ")
              .append(f.planted().flaw())
              .append(" (expected ")
              .append(String.join(" or ", f.planted().rules()))
              .append(")\n");
        }
      }
      for (Finding f : s.unexplained()) {
        b.append(f.isCritical() ? "  false CRITICAL  " : "  unexplained  ")
            .append(s.expectations().scenario())
            .append(": ")
            .append(f.ruleId())
            .append(" ")
            .append(f.subject())
            .append(": ")
            .append(shorten(f.message(), 140))
            .append("\n");
      }
    }
    List<String> shortfalls = result.shortfalls();
    b.append(
        shortfalls.isEmpty()
            ? "The suite meets its bar.\n"
            : "Below the bar: " + String.join("; ", shortfalls) + "\n");
    return b.toString();
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
