package org.prodml.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local[2] Spark session for every Spark test of a test JVM (surefire fork): a session costs 5
 * to 15 seconds to start and its first job more, so the tests share it, and it stops when the JVM
 * does. Files are cut into parts of 16 KB, so even the small shipped datasets are profiled in
 * several partitions whose parts Spark merges.
 */
final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  static synchronized SparkSession get() {
    if (session == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop", "error");
      System.setProperty("org.slf4j.simpleLogger.log.org.sparkproject", "warn");
      session = SparkProfiler.session("local[2]");
      session.conf().set("spark.sql.shuffle.partitions", "2");
      session.conf().set("spark.sql.files.maxPartitionBytes", "8k");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
