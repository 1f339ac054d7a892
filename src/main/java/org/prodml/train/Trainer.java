package org.prodml.train;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.prodml.transform.FeatureMatrix;
import org.prodml.transform.FitScope;
import org.prodml.transform.FittedTransforms;
import org.prodml.transform.Frame;
import org.prodml.transform.Placement;
import org.prodml.transform.TransformPlan;
import org.prodml.work.Work;
import smile.base.cart.CART;
import smile.base.cart.Loss;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.math.MathEx;
import smile.regression.LinearModel;
import smile.regression.OLS;
import smile.regression.RegressionTree;
import tech.tablesaw.api.Table;

/**
 * Trains a model on a table through its fitted transforms. Every random choice comes from the seed:
 * a forest's trees each get a seed drawn from it, boosting and the rest reseed Smile's generator
 * before fitting, so the same seed gives the same model (same fingerprint). Without a seed, a fresh
 * one is drawn and not kept: the run is recorded as unseeded and cannot be repeated. Forests grow
 * tree by tree, reporting progress and checking for a cancel between trees.
 */
public final class Trainer {
  /** Rows of the training matrix whose predictions make a model's fingerprint. */
  static final int PROBE_ROWS = 256;

  /**
   * Threads that grow forest trees, one per core. Plain threads, each growing one whole tree at a
   * time, so a tree's random numbers all come from its own seed.
   */
  private static final ExecutorService FOREST_POOL =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
              Thread t = new Thread(r, "prodml-forest-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            }
          });

  private Trainer() {}

  /**
   * @param table the training rows (rows without a label are left out)
   * @param transforms transforms fitted on these rows (or on the table they were split from)
   * @param timeColumn the time column, to record when the training data ends; may be null
   */
  /**
   * The automatic transform plan for a model type (its encoding, materialized), fitted on the
   * training rows only: a test or serving row never contributes to a statistic the model uses.
   */
  public static FittedTransforms automaticTransforms(
      Table training, String tableName, List<String> features, ModelType type) {
    return TransformPlan.auto(
            training, features, type.encoding(), Placement.MATERIALIZED, FitScope.TRAINING)
        .fit(training, tableName);
  }

  public static TrainedModel train(
      Table table, FittedTransforms transforms, ModelSpec spec, String timeColumn, Work work) {
    LabelSpec label = spec.label();
    Task task = label.task(table);
    if (!spec.type().supports(task)) {
      throw new IllegalArgumentException(
          spec.type().label()
              + " cannot learn a "
              + task.label()
              + " label ("
              + label.describe()
              + ")"
              + (task == Task.REGRESSION
                  ? "; use linear, forest, gbt or baseline, or derive classes with above="
                  : "; use logistic, forest, gbt or baseline"));
    }
    if (transforms.featureNames().contains(SmileBridge.LABEL)
        || transforms.sources().contains(label.column())) {
      throw new IllegalArgumentException(
          "the label "
              + label.column()
              + " is among the model's inputs; leave it out of the features");
    }
    long started = System.nanoTime();
    FeatureMatrix x = transforms.apply(table);
    work.report(0.05);
    boolean seeded = spec.seed() != null;
    long seed = seeded ? spec.seed() : new SecureRandom().nextLong();
    List<String> classes = task == Task.CLASSIFICATION ? label.classes(table) : List.of();
    int[] classIndex = task == Task.CLASSIFICATION ? label.classIndex(table, classes) : null;
    double[] values = task == Task.REGRESSION ? label.values(table) : null;
    int[] rows = labelled(classIndex, values);
    if (rows.length < 2) {
      throw new IllegalArgumentException(
          "fewer than 2 training rows have a label " + label.describe());
    }
    if (task == Task.CLASSIFICATION) {
      // Classes are those present: a class absent from these rows cannot be learned.
      boolean[] seen = new boolean[classes.size()];
      for (int r : rows) {
        seen[classIndex[r]] = true;
      }
      List<String> present = new ArrayList<>();
      for (int k = 0; k < classes.size(); k++) {
        if (seen[k]) {
          present.add(classes.get(k));
        }
      }
      if (present.size() < 2 && spec.type() != ModelType.BASELINE) {
        throw new IllegalArgumentException(
            "the training rows hold one class only ("
                + present
                + "); a classifier needs two or more");
      }
      if (present.size() != classes.size()) {
        classes = present;
        classIndex = label.classIndex(table, classes);
      }
    }
    Predictor predictor =
        fit(spec, task, classes, x, rows, classIndex, values, seed, work.part(0.05, 0.95));
    long millis = (System.nanoTime() - started) / 1_000_000;
    String fingerprint =
        fingerprint(predictor, x, rows, transforms.scope().name() + "/" + transforms.placement());
    work.report(1.0);
    String end = null;
    double endSeconds = Double.NaN;
    if (timeColumn != null && table.columnNames().contains(timeColumn)) {
      double[] t = Frame.of(table, List.of(timeColumn)).numbers(timeColumn);
      int last = -1;
      for (int r = 0; r < t.length; r++) {
        if (!Double.isNaN(t[r]) && (last < 0 || t[r] > t[last])) {
          last = r;
        }
      }
      if (last >= 0) {
        end = table.column(timeColumn).getString(last);
        endSeconds = t[last];
      }
    }
    double[] range = {Double.NaN, Double.NaN};
    if (values != null) {
      range[0] = Double.POSITIVE_INFINITY;
      range[1] = Double.NEGATIVE_INFINITY;
      for (int r : rows) {
        range[0] = Math.min(range[0], values[r]);
        range[1] = Math.max(range[1], values[r]);
      }
    }
    return new TrainedModel(
        spec,
        task,
        classes,
        transforms,
        predictor,
        seeded,
        seeded ? seed : 0,
        rows.length,
        millis,
        end,
        endSeconds,
        fingerprint,
        range);
  }

  private static int[] labelled(int[] classIndex, double[] values) {
    int n = classIndex != null ? classIndex.length : values.length;
    int[] rows = new int[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      boolean ok = classIndex != null ? classIndex[r] >= 0 : !Double.isNaN(values[r]);
      if (ok) {
        rows[k++] = r;
      }
    }
    return Arrays.copyOf(rows, k);
  }

  private static Predictor fit(
      ModelSpec spec,
      Task task,
      List<String> classes,
      FeatureMatrix x,
      int[] rows,
      int[] classIndex,
      double[] values,
      long seed,
      Work work) {
    return switch (spec.type()) {
      case BASELINE -> baseline(task, classes.size(), rows, classIndex, values);
      case LOGISTIC -> {
        double[][] data = SmileBridge.rows(x, rows);
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
          y[i] = classIndex[rows[i]];
        }
        LogisticRegression model =
            SmileRunner.run(
                () -> {
                  MathEx.setSeed(seed);
                  return LogisticRegression.fit(
                      data, y, spec.lambda(), spec.tolerance(), spec.iterations());
                },
                work);
        int k = classes.size();
        yield (Predictor)
            features -> {
              double[] p = new double[k];
              model.predict(features, p);
              return p;
            };
      }
      case LINEAR -> {
        DataFrame df = SmileBridge.frame(x, rows, values);
        LinearModel model =
            SmileRunner.run(
                () -> OLS.fit(Formula.lhs(SmileBridge.LABEL), df, spec.method(), false, false),
                work);
        yield (Predictor) features -> new double[] {model.predict(features)};
      }
      case FOREST -> forest(spec, task, classes.size(), x, rows, classIndex, values, seed, work);
      case GBT -> {
        StructType schema = SmileBridge.schema(x);
        Formula formula = Formula.lhs(SmileBridge.LABEL);
        if (task == Task.CLASSIFICATION) {
          DataFrame df = SmileBridge.frame(x, rows, classIndex);
          GradientTreeBoost model =
              SmileRunner.run(
                  () -> {
                    MathEx.setSeed(seed);
                    return GradientTreeBoost.fit(
                        formula,
                        df,
                        spec.trees(),
                        spec.maxDepth(),
                        spec.maxNodes(),
                        spec.nodeSize(),
                        spec.shrinkage(),
                        spec.subsample());
                  },
                  work);
          int k = classes.size();
          yield (Predictor)
              features -> {
                double[] p = new double[k];
                model.predict(SmileBridge.tuple(features, schema), p);
                return p;
              };
        }
        DataFrame df = SmileBridge.frame(x, rows, values);
        smile.regression.GradientTreeBoost model =
            SmileRunner.run(
                () -> {
                  MathEx.setSeed(seed);
                  return smile.regression.GradientTreeBoost.fit(
                      formula,
                      df,
                      Loss.ls(),
                      spec.trees(),
                      spec.maxDepth(),
                      spec.maxNodes(),
                      spec.nodeSize(),
                      spec.shrinkage(),
                      spec.subsample());
                },
                work);
        yield (Predictor)
            features -> new double[] {model.predict(SmileBridge.tuple(features, schema))};
      }
    };
  }

  private static Predictor baseline(
      Task task, int k, int[] rows, int[] classIndex, double[] values) {
    if (task == Task.CLASSIFICATION) {
      double[] prior = new double[k];
      for (int r : rows) {
        prior[classIndex[r]]++;
      }
      for (int c = 0; c < k; c++) {
        prior[c] /= rows.length;
      }
      return features -> prior.clone();
    }
    double sum = 0;
    for (int r : rows) {
      sum += values[r];
    }
    double mean = sum / rows.length;
    return features -> new double[] {mean};
  }

  /**
   * A random forest grown tree by tree on a small pool of threads: each tree gets its own seed
   * drawn from the run's seed, draws its bootstrap sample from that seed and reseeds Smile's
   * per-thread generator with it before growing (Smile picks each node's candidate features from
   * that generator), so the forest is the same on every run with the same seed, whatever thread
   * grows which tree. Progress is reported per tree; a cancel skips the trees not yet started and
   * returns within 50 ms. (Smile's own RandomForest.fit is not used: it gives no hook between
   * trees, and its out-of-bag bookkeeping throws on small multi-class windows whose out-of-bag rows
   * hold two classes.)
   */
  private static Predictor forest(
      ModelSpec spec,
      Task task,
      int k,
      FeatureMatrix x,
      int[] rows,
      int[] classIndex,
      double[] values,
      long seed,
      Work work) {
    int trees = spec.trees();
    if (trees < 1) {
      throw new IllegalArgumentException("a forest needs at least one tree");
    }
    long[] seeds = new long[trees];
    SplittableRandom random = new SplittableRandom(seed);
    for (int t = 0; t < trees; t++) {
      seeds[t] = random.nextLong();
    }
    boolean classification = task == Task.CLASSIFICATION;
    StructType schema = SmileBridge.schema(x);
    DataFrame predictors = SmileBridge.features(x, rows);
    int[][] order = CART.order(predictors);
    int n = rows.length;
    int[] y = new int[classification ? n : 0];
    double[] yv = new double[classification ? 0 : n];
    for (int i = 0; i < n; i++) {
      if (classification) {
        y[i] = classIndex[rows[i]];
      } else {
        yv[i] = values[rows[i]];
      }
    }
    StructField response =
        classification
            ? new StructField(SmileBridge.LABEL, DataTypes.IntegerType)
            : new StructField(SmileBridge.LABEL, DataTypes.DoubleType);
    int p = x.width();
    int mtry =
        spec.mtry() > 0
            ? Math.min(p, spec.mtry())
            : classification ? Math.max(1, (int) Math.floor(Math.sqrt(p))) : Math.max(1, p / 3);
    int maxNodes = spec.maxNodes() > 0 ? spec.maxNodes() : Math.max(2, n / 5);
    double subsample = spec.subsample();
    DecisionTree[] classifiers = new DecisionTree[classification ? trees : 0];
    RegressionTree[] regressors = new RegressionTree[classification ? 0 : trees];
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger grown = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < trees; t++) {
      int tree = t;
      futures.add(
          FOREST_POOL.submit(
              () -> {
                if (stop.get()) {
                  return;
                }
                MathEx.setSeed(seeds[tree]);
                int[] samples = sample(n, subsample, new SplittableRandom(seeds[tree]));
                if (classification) {
                  classifiers[tree] =
                      new DecisionTree(
                          predictors,
                          y,
                          response,
                          k,
                          SplitRule.GINI,
                          spec.maxDepth(),
                          maxNodes,
                          spec.nodeSize(),
                          mtry,
                          samples,
                          order);
                } else {
                  regressors[tree] =
                      new RegressionTree(
                          predictors,
                          Loss.ls(yv),
                          response,
                          spec.maxDepth(),
                          maxNodes,
                          spec.nodeSize(),
                          mtry,
                          samples,
                          order);
                }
                work.report((double) grown.incrementAndGet() / trees);
              }));
    }
    try {
      for (Future<?> f : futures) {
        while (true) {
          try {
            f.get(50, TimeUnit.MILLISECONDS);
            break;
          } catch (TimeoutException e) {
            if (work.isCancelled()) {
              throw new CancellationException("cancelled");
            }
          }
        }
      }
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } catch (CancellationException e) {
      stop.set(true);
      throw e;
    } catch (ExecutionException e) {
      stop.set(true);
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
    if (classification) {
      return features -> {
        smile.data.Tuple tuple = SmileBridge.tuple(features, schema);
        double[] sum = new double[k];
        double[] post = new double[k];
        for (DecisionTree tree : classifiers) {
          tree.predict(tuple, post);
          for (int c = 0; c < k; c++) {
            sum[c] += post[c];
          }
        }
        for (int c = 0; c < k; c++) {
          sum[c] /= classifiers.length;
        }
        return sum;
      };
    }
    return features -> {
      smile.data.Tuple tuple = SmileBridge.tuple(features, schema);
      double sum = 0;
      for (RegressionTree tree : regressors) {
        sum += tree.predict(tuple);
      }
      return new double[] {sum / regressors.length};
    };
  }

  /**
   * How often each row is drawn for one tree: a bootstrap (n draws with replacement) when {@code
   * subsample} is 1, else that share of rows drawn without replacement.
   */
  static int[] sample(int n, double subsample, SplittableRandom random) {
    int[] samples = new int[n];
    if (subsample >= 1.0) {
      for (int i = 0; i < n; i++) {
        samples[random.nextInt(n)]++;
      }
      return samples;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int take = Math.max(1, (int) Math.round(n * subsample));
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(n - i);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
      samples[order[i]] = 1;
    }
    return samples;
  }

  /**
   * A hash of the model's predictions on a fixed probe: up to {@link #PROBE_ROWS} training rows at
   * evenly spaced positions (which depend on the data, never on the seed). Outputs are rounded to
   * 1e-9 first, so only a different model, not the last bit of a sum, changes the hash. How the
   * transforms meet new rows (fitted once or per batch, materialized or in the model) is hashed
   * too: two models that agree on the training rows but encode a request differently are not the
   * same model.
   */
  static String fingerprint(Predictor predictor, FeatureMatrix x, int[] rows, String serving) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(serving.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      int probe = Math.min(PROBE_ROWS, rows.length);
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
      for (int i = 0; i < probe; i++) {
        int r = rows[(int) ((long) i * rows.length / probe)];
        for (double v : predictor.predict(x.row(r))) {
          buffer.clear();
          buffer.putLong(Double.isFinite(v) ? Math.round(v * 1e9) : Double.doubleToLongBits(v));
          sha.update(buffer.array());
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
