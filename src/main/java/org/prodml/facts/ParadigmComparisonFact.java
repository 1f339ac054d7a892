package org.prodml.facts;

/**
 * A static and a dynamic paradigm run side by side on the same time-ordered data.
 *
 * <p>For {@code paradigm == "training"}: static trains once on the first period and serves all
 * later periods; dynamic retrains every few days. Quality is measured per period for both. For
 * {@code paradigm == "inference"}: static serves precomputed predictions for a known key space;
 * dynamic predicts per request. Measures that do not apply are NaN.
 *
 * @param paradigm "training" or "inference"
 * @param dataset the data simulated on
 * @param metric the quality metric per period
 * @param periods periods compared
 * @param staticMean mean quality of static over the periods
 * @param dynamicMean mean quality of dynamic
 * @param staticWorst worst period of static
 * @param dynamicWorst worst period of dynamic
 * @param periodsStaticBehind periods where static is worse than dynamic by more than the tolerance
 * @param largestGap largest amount static is worse than dynamic in one period
 * @param staticRuns trainings (training paradigm) or predictions computed (inference) by static
 * @param dynamicRuns the same for dynamic
 * @param staticCostMs training time (training) or total serving time (inference) of static
 * @param dynamicCostMs the same for dynamic
 * @param stalenessDays model age at which static first fell behind dynamic by more than the
 *     tolerance (NaN when it never did): the staleness the simulation measured
 * @param staticCoverage share of requests static answered (inference)
 * @param dynamicCoverage share dynamic answered (inference)
 * @param staticP99Ms p99 latency of static per request (inference)
 * @param dynamicP99Ms p99 latency of dynamic per request (inference)
 * @param tailRequestShare share of requests whose key is rare or unseen in training (inference)
 * @param modelType the model both sides train (logistic, forest …)
 * @param periodDays length of each evaluation period (training; 0 for inference)
 * @param retrainDays days between dynamic's trainings (training; 0 for inference)
 * @param windowDays days each dynamic training learns from, 0 for all so far (training)
 */
public record ParadigmComparisonFact(
    String paradigm,
    String dataset,
    String metric,
    int periods,
    double staticMean,
    double dynamicMean,
    double staticWorst,
    double dynamicWorst,
    int periodsStaticBehind,
    double largestGap,
    long staticRuns,
    long dynamicRuns,
    double staticCostMs,
    double dynamicCostMs,
    double stalenessDays,
    double staticCoverage,
    double dynamicCoverage,
    double staticP99Ms,
    double dynamicP99Ms,
    double tailRequestShare,
    String modelType,
    int periodDays,
    int retrainDays,
    int windowDays) {}
