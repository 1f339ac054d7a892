package org.prodml.train;

import java.nio.file.Path;
import java.util.List;
import org.prodml.data.DataLoader;
import org.prodml.evaluate.Evaluator;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import tech.tablesaw.api.Table;

/**
 * Times a 50-tree random forest on the flights benchmark file (not a unit test: run it by hand).
 * Features: distance, origin and destination as nominal codes, hour of day; label delay > 15.
 *
 * <pre>
 * scripts/bench-data.sh   # makes datasets/bench/flights-200k.csv once
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     org.prodml.train.ForestBenchmark datasets/bench/flights-200k.csv 50
 * </pre>
 */
final class ForestBenchmark {
  private ForestBenchmark() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "datasets/bench/flights-200k.csv");
    int trees = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    long t0 = System.nanoTime();
    Table flights = DataLoader.load(file);
    long t1 = System.nanoTime();
    FittedTransforms transforms =
        TransformPlan.parse(
                flights,
                List.of("distance", "origin", "destination"),
                "timepart date part=hour",
                ModelType.FOREST.encoding(),
                Placement.MATERIALIZED,
                FitScope.TRAINING)
            .fit(flights, "train");
    long t2 = System.nanoTime();
    int[] reported = {0};
    TrainedModel forest =
        Trainer.train(
            flights,
            transforms,
            ModelSpec.of(ModelType.FOREST, new LabelSpec("delay", 15.0), 7L).with("trees", trees),
            "date",
            Work.of(f -> reported[0]++, () -> false));
    long t3 = System.nanoTime();
    double accuracy =
        Evaluator.headline(
            forest, forest.predict(flights.last(20_000)), flights.last(20_000), null);
    System.out.printf("rows %d, features %s%n", flights.rowCount(), transforms.featureNames());
    System.out.printf(
        "load %.2f s, fit transforms %.2f s, train %d trees %.2f s (model's own clock %d ms, %d progress reports)%n",
        (t1 - t0) / 1e9,
        (t2 - t1) / 1e9,
        trees,
        (t3 - t2) / 1e9,
        forest.trainingMillis(),
        reported[0]);
    System.out.printf(
        "model %s, training-set accuracy on the last 20000 rows %.4f, cores %d%n",
        forest.id(), accuracy, Runtime.getRuntime().availableProcessors());
  }
}
