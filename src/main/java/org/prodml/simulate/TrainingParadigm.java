package org.prodml.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.prodml.evaluate.Evaluator;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.train.Predictions;
import org.prodml.train.TrainedModel;
import org.prodml.train.Trainer;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Static against dynamic training on time-ordered data. Static trains once on the first period and
 * serves every later period; dynamic retrains on a schedule, on a sliding or growing window of the
 * most recent data. Both are scored on each period's rows as it arrives. When the world moves
 * (seasons, a change in how labels are recorded), the static model's quality falls and the dynamic
 * one follows; the price is the retrains.
 */
public final class TrainingParadigm {
  private TrainingParadigm() {}

  public static TrainingSimulation run(
      Table data, String dataset, TrainingSimulationSpec spec, Work work) {
    String time = spec.timeColumn();
    if (time == null || !data.columnNames().contains(time)) {
      throw new IllegalArgumentException(
          "a training-paradigm simulation needs the data's time column");
    }
    double[] seconds = Frame.of(data, List.of(time)).numbers(time);
    long[] day = new long[seconds.length];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int r = 0; r < seconds.length; r++) {
      day[r] =
          Double.isNaN(seconds[r]) ? Long.MIN_VALUE : Math.floorDiv((long) seconds[r], 86_400L);
      if (day[r] != Long.MIN_VALUE) {
        first = Math.min(first, day[r]);
        last = Math.max(last, day[r]);
      }
    }
    if (first == Long.MAX_VALUE) {
      throw new IllegalArgumentException("time column " + time + " has no values");
    }
    long firstEval = first + spec.initialDays();
    if (firstEval > last) {
      throw new IllegalArgumentException(
          "the first period (" + spec.initialDays() + " days) covers all the data; shorten it");
    }
    int periodsTotal = (int) ((last - firstEval) / spec.periodDays() + 1);
    Table initial = data.rows(rowsBetween(day, first, firstEval - 1));
    TrainedModel staticModel = train(initial, spec, work);
    long staticMillis = staticModel.trainingMillis();
    long dynamicMillis = staticModel.trainingMillis();
    long retrains = 1;
    TrainedModel dynamicModel = staticModel;
    long lastRetrainDay = firstEval;
    boolean higher = Evaluator.higherIsBetter(staticModel.task());
    List<PeriodResult> periods = new ArrayList<>();
    for (int p = 0; p < periodsTotal; p++) {
      work.checkCancelled();
      long start = firstEval + (long) p * spec.periodDays();
      long end = Math.min(last, start + spec.periodDays() - 1);
      boolean retrained = false;
      long trainingRows = dynamicModel.trainingRows();
      if (p > 0 && start - lastRetrainDay >= spec.retrainEveryDays()) {
        long from = spec.windowDays() == 0 ? first : Math.max(first, start - spec.windowDays());
        Table window = data.rows(rowsBetween(day, from, start - 1));
        dynamicModel = train(window, spec, work);
        dynamicMillis += dynamicModel.trainingMillis();
        retrains++;
        lastRetrainDay = start;
        retrained = true;
        trainingRows = dynamicModel.trainingRows();
      }
      int[] rows = rowsBetween(day, start, end);
      if (rows.length == 0) {
        continue;
      }
      Table period = data.rows(rows);
      double staticValue = quality(staticModel, period);
      double dynamicValue = quality(dynamicModel, period);
      periods.add(
          new PeriodResult(
              LocalDate.ofEpochDay(start).toString(),
              LocalDate.ofEpochDay(start).toString(),
              LocalDate.ofEpochDay(end).toString(),
              rows.length,
              staticValue,
              dynamicValue,
              age(staticModel, end),
              age(dynamicModel, end),
              retrained,
              trainingRows));
      work.report((p + 1.0) / periodsTotal);
    }
    return new TrainingSimulation(
        dataset,
        Evaluator.headlineMetric(staticModel.task()),
        higher,
        LocalDate.ofEpochDay(first) + " to " + LocalDate.ofEpochDay(firstEval - 1),
        periods,
        fact(
            dataset,
            staticModel,
            periods,
            higher,
            spec.tolerance(),
            retrains,
            staticMillis,
            dynamicMillis,
            spec),
        spec);
  }

  /** Whole days from the model's last training day to {@code day}. */
  private static double age(TrainedModel model, long day) {
    return day - Math.floorDiv((long) model.trainingDataEndSeconds(), 86_400L);
  }

  private static TrainedModel train(Table rows, TrainingSimulationSpec spec, Work work) {
    TransformPlan plan =
        spec.plan() != null
            ? spec.plan()
            : TransformPlan.auto(
                rows,
                spec.features(),
                spec.model().type().encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING);
    FittedTransforms transforms = plan.fit(rows, "window");
    return Trainer.train(
        rows, transforms, spec.model(), spec.timeColumn(), Work.of(f -> {}, work::isCancelled));
  }

  private static double quality(TrainedModel model, Table period) {
    Predictions p = model.predict(period);
    return Evaluator.headline(model, p, period, null);
  }

  private static int[] rowsBetween(long[] day, long from, long to) {
    int count = 0;
    for (long d : day) {
      count += d >= from && d <= to ? 1 : 0;
    }
    int[] rows = new int[count];
    int k = 0;
    for (int r = 0; r < day.length; r++) {
      if (day[r] >= from && day[r] <= to) {
        rows[k++] = r;
      }
    }
    return rows;
  }

  static ParadigmComparisonFact fact(
      String dataset,
      TrainedModel staticModel,
      List<PeriodResult> periods,
      boolean higher,
      double tolerance,
      long retrains,
      long staticMillis,
      long dynamicMillis,
      TrainingSimulationSpec spec) {
    double staticSum = 0;
    double dynamicSum = 0;
    int counted = 0;
    double staticWorst = Double.NaN;
    double dynamicWorst = Double.NaN;
    int behind = 0;
    double largestGap = Double.NaN;
    double staleness = Double.NaN;
    for (PeriodResult p : periods) {
      if (Double.isNaN(p.staticValue()) || Double.isNaN(p.dynamicValue())) {
        continue;
      }
      counted++;
      staticSum += p.staticValue();
      dynamicSum += p.dynamicValue();
      staticWorst =
          Double.isNaN(staticWorst)
              ? p.staticValue()
              : higher
                  ? Math.min(staticWorst, p.staticValue())
                  : Math.max(staticWorst, p.staticValue());
      dynamicWorst =
          Double.isNaN(dynamicWorst)
              ? p.dynamicValue()
              : higher
                  ? Math.min(dynamicWorst, p.dynamicValue())
                  : Math.max(dynamicWorst, p.dynamicValue());
      double gap = higher ? p.dynamicValue() - p.staticValue() : p.staticValue() - p.dynamicValue();
      largestGap = Double.isNaN(largestGap) ? gap : Math.max(largestGap, gap);
      if (gap > tolerance) {
        behind++;
        if (Double.isNaN(staleness)) {
          // The age the static model had on the first day of the first period it lost.
          staleness = p.staticAgeDays() - daysIn(p) + 1;
        }
      }
    }
    return new ParadigmComparisonFact(
        "training",
        dataset,
        Evaluator.headlineMetric(staticModel.task()),
        counted,
        counted == 0 ? Double.NaN : staticSum / counted,
        counted == 0 ? Double.NaN : dynamicSum / counted,
        staticWorst,
        dynamicWorst,
        behind,
        largestGap,
        1,
        retrains,
        staticMillis,
        dynamicMillis,
        staleness,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        spec.model().type().label(),
        spec.periodDays(),
        spec.retrainEveryDays(),
        spec.windowDays());
  }

  private static double daysIn(PeriodResult p) {
    return LocalDate.parse(p.end()).toEpochDay() - LocalDate.parse(p.start()).toEpochDay() + 1;
  }
}
