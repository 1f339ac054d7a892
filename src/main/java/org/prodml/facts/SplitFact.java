package org.prodml.facts;

/**
 * How the data was split into training and test rows.
 *
 * @param method "random", "stratified", "time" (train on the past, test on the future) or "group"
 *     (every row of a group on one side)
 * @param source the table that was split
 * @param seeded whether a seed fixed the shuffle (a time split needs none)
 * @param seed the seed, 0 when unseeded
 * @param testFraction the share of rows asked for the test side
 * @param trainRows rows in training
 * @param testRows rows in test
 * @param timeColumn the data's time column, null when it has none
 * @param groupColumn the data's group column, null when it has none
 * @param trainMaxTime the last training time (ISO text), null without a time column
 * @param testMinTime the first test time (ISO text), null without a time column
 * @param timeOverlapShare share of test rows not later than the last training time (0 for a time
 *     split; about 1 − testFraction for a random split of time-ordered data); NaN without a time
 *     column
 * @param sharedGroups group values with rows on both sides (0 for a group split)
 * @param testGroups group values on the test side
 */
public record SplitFact(
    String method,
    String source,
    boolean seeded,
    long seed,
    double testFraction,
    long trainRows,
    long testRows,
    String timeColumn,
    String groupColumn,
    String trainMaxTime,
    String testMinTime,
    double timeOverlapShare,
    long sharedGroups,
    long testGroups) {}
