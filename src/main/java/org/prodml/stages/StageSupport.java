package org.prodml.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.prodml.data.DataInputException;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Progress;
import org.prodml.pipeline.StageException;
import org.prodml.render.TableBlock;
import org.prodml.rules.Judgement;
import org.prodml.rules.RuleMetadata;
import org.prodml.text.Format;
import org.prodml.work.Work;

/** What the model stages share: running library code, seeds, rule judgement, number display. */
final class StageSupport {
  private StageSupport() {}

  /** The library's view of a stage's progress. */
  static Work work(Progress progress) {
    return Work.of(progress::report, progress::isCancelled);
  }

  /** Runs library code; its argument errors become one-line stage errors. */
  static <T> T library(Supplier<T> call) {
    try {
      return call.get();
    } catch (CancellationException | StageException | DataInputException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new StageException(e.getMessage());
    }
  }

  /**
   * The seed a paragraph asks for: {@code seed=none} for an unseeded run (recorded as such), a
   * number, or the note's default seed when absent.
   */
  static Long seed(Params params, PipelineState state) {
    String text = params.string("seed", null);
    if (text == null) {
      return state.config().defaultSeed();
    }
    if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("random")) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new StageException("parameter 'seed' must be a whole number or none, not '" + text + "'");
    }
  }

  /** The rules the filter accepts over every fact of the note, with the paragraph's overrides. */
  static Judgement judge(PipelineState state, Params params, Predicate<RuleMetadata> filter) {
    return judge(state, state.facts(), ValidateStage.thresholds(params), filter);
  }

  static Judgement judge(PipelineState state, List<Object> facts, Map<String, Double> thresholds, Predicate<RuleMetadata> filter) {
    try {
      return state.rules().evaluate(facts, thresholds, filter);
    } catch (IllegalArgumentException e) {
      throw new StageException(e.getMessage());
    }
  }

  static Predicate<RuleMetadata> stage(org.prodml.rules.Stage stage) {
    return r -> r.stage() == stage;
  }

  static String number(double d) {
    return Double.isNaN(d) ? "" : Format.number(d);
  }

  static String percent(double d) {
    return Double.isNaN(d) ? "" : Format.percent(d);
  }

  /** A two-column table of names and values. */
  static TableBlock keyValues(String title, List<String[]> pairs) {
    List<List<String>> rows = new ArrayList<>();
    for (String[] p : pairs) {
      rows.add(List.of(p[0], p[1]));
    }
    return TableBlock.of(title, List.of("what", "value"), rows);
  }

  static String findingsSummary(int findings) {
    return findings == 0 ? "no finding" : findings + " finding" + (findings == 1 ? "" : "s");
  }
}
