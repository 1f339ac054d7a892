package org.prodml.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prodml.facts.ParadigmComparisonFact;
import org.prodml.serve.DynamicInference;
import org.prodml.serve.ServingPath;
import org.prodml.serve.ServingResult;
import org.prodml.serve.StaticInference;
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
 * Static against dynamic inference on the same requests. The model is trained once on an early
 * period; static inference precomputes its predictions for the keys seen then (airports, routes),
 * dynamic runs it per request. On a long-tailed key space, static misses the rare and new keys that
 * dynamic answers, while answering the rest faster and with older predictions.
 */
public final class InferenceParadigm {
  private InferenceParadigm() {}

  public static InferenceSimulation run(
      Table data, String dataset, InferenceSimulationSpec spec, Work work) {
    String time = spec.timeColumn();
    if (time == null || !data.columnNames().contains(time)) {
      throw new IllegalArgumentException(
          "an inference-paradigm simulation needs the data's time column");
    }
    double[] seconds = Frame.of(data, List.of(time)).numbers(time);
    double first =
        Arrays.stream(seconds)
            .filter(s -> !Double.isNaN(s))
            .min()
            .orElseThrow(
                () -> new IllegalArgumentException("time column " + time + " has no values"));
    double cut = Math.floor(first / 86_400) * 86_400 + spec.trainDays() * 86_400.0;
    List<Integer> trainRows = new ArrayList<>();
    List<Integer> requestRows = new ArrayList<>();
    Integer[] byTime = new Integer[seconds.length];
    for (int r = 0; r < seconds.length; r++) {
      byTime[r] = r;
    }
    Arrays.sort(byTime, (a, b) -> Double.compare(seconds[a], seconds[b]));
    for (int r : byTime) {
      if (Double.isNaN(seconds[r])) {
        continue;
      }
      if (seconds[r] < cut) {
        trainRows.add(r);
      } else if (requestRows.size() < spec.maxRequests()) {
        requestRows.add(r);
      }
    }
    if (trainRows.size() < 2 || requestRows.isEmpty()) {
      throw new IllegalArgumentException(
          "the first "
              + spec.trainDays()
              + " days leave "
              + trainRows.size()
              + " training rows and "
              + requestRows.size()
              + " requests; change trainDays");
    }
    Table train = data.rows(trainRows.stream().mapToInt(Integer::intValue).toArray());
    Table requests = data.rows(requestRows.stream().mapToInt(Integer::intValue).toArray());
    TransformPlan plan =
        spec.plan() != null
            ? spec.plan()
            : TransformPlan.auto(
                train,
                spec.features(),
                spec.model().type().encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING);
    FittedTransforms transforms = plan.fit(train, "train");
    TrainedModel model = Trainer.train(train, transforms, spec.model(), time, work.part(0, 0.5));
    work.checkCancelled();
    long t0 = System.nanoTime();
    StaticInference table =
        StaticInference.precompute(
            model, train, spec.keyColumns(), spec.minCount(), Integer.MAX_VALUE);
    long precomputeMillis = (System.nanoTime() - t0) / 1_000_000;
    ServingResult staticResult = table.serve(requests, time);
    work.report(0.6);
    work.checkCancelled();
    ServingResult dynamicResult =
        DynamicInference.serve(model, requests, ServingPath.SHARED, table.keySpace(), time);
    work.report(0.95);
    List<InferenceSimulation.WeekCoverage> weeks =
        weeks(requests, time, staticResult, dynamicResult);
    var s = staticResult.fact();
    var d = dynamicResult.fact();
    double staticCost = precomputeMillis + Arrays.stream(staticResult.latencyMs()).sum();
    double dynamicCost = Arrays.stream(dynamicResult.latencyMs()).sum();
    ParadigmComparisonFact fact =
        new ParadigmComparisonFact(
            "inference",
            dataset,
            s.metric(),
            weeks.size(),
            s.quality(),
            d.quality(),
            Double.NaN,
            Double.NaN,
            0,
            Double.NaN,
            s.predictionsComputed(),
            d.predictionsComputed(),
            staticCost,
            dynamicCost,
            Double.NaN,
            s.coverage(),
            d.coverage(),
            s.p99Ms(),
            d.p99Ms(),
            s.tailRequestShare(),
            model.spec().type().label(),
            0,
            0,
            0);
    work.report(1);
    return new InferenceSimulation(
        dataset,
        model.id(),
        spec.keyColumns(),
        model.trainingRows(),
        staticResult,
        dynamicResult,
        weeks,
        precomputeMillis,
        fact);
  }

  private static List<InferenceSimulation.WeekCoverage> weeks(
      Table requests, String time, ServingResult s, ServingResult d) {
    double[] seconds = Frame.of(requests, List.of(time)).numbers(time);
    TreeMap<LocalDate, long[]> byWeek = new TreeMap<>();
    LocalDate first = LocalDate.ofEpochDay(Math.floorDiv((long) seconds[0], 86_400L));
    for (int r = 0; r < seconds.length; r++) {
      LocalDate day = LocalDate.ofEpochDay(Math.floorDiv((long) seconds[r], 86_400L));
      LocalDate week = first.plusDays(Math.floorDiv(day.toEpochDay() - first.toEpochDay(), 7L) * 7);
      long[] c = byWeek.computeIfAbsent(week, k -> new long[3]);
      c[0]++;
      c[1] += s.answered()[r] ? 1 : 0;
      c[2] += d.answered()[r] ? 1 : 0;
    }
    List<InferenceSimulation.WeekCoverage> weeks = new ArrayList<>();
    for (Map.Entry<LocalDate, long[]> e : byWeek.entrySet()) {
      long[] c = e.getValue();
      weeks.add(
          new InferenceSimulation.WeekCoverage(
              e.getKey().toString(), c[0], (double) c[1] / c[0], (double) c[2] / c[0]));
    }
    return weeks;
  }
}
