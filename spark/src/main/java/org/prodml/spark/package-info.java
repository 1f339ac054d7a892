/**
 * Scale-out: the profile measured on Apache Spark, for data larger than one machine or kept in a
 * cluster's storage (HDFS, object stores). The field's answer there is Deequ on Spark or TFDV on
 * Beam; this is the same idea with ProdML's own profile, so the same rules judge it.
 *
 * <p><b>One accumulator, two engines.</b> Each Spark partition feeds its rows to the streaming
 * profiler's own accumulators ({@link org.prodml.profile.PartialProfile}) and writes them as bytes
 * (each sketch in its own byte format); Spark merges the bytes in a tree on the executors, as the
 * streaming profiler merges the parts its threads read. The merged profile is written to a file,
 * and {@code ./prodml} judges it in its own JVM: Spark, Drools and Zeppelin never share a
 * classpath. So from the profile on there is one code path: the same facts, rules, findings and
 * reports whichever engine measured the data.
 *
 * <p><b>Cost.</b> Spark starts in 5 to 15 seconds and its first job takes more: on one machine the
 * streaming profiler is an order of magnitude faster ({@code scripts/bench-spark.sh}). Spark is for
 * data that has outgrown the machine, never the default.
 *
 * <p><b>Packaging.</b> This package is compiled against Spark (provided) and packaged apart, in
 * {@code target/prodml-spark.jar} with the library's classes, for {@code spark-submit}; {@code
 * prodml.jar} and the Zeppelin interpreter folder hold none of it.
 */
package org.prodml.spark;
