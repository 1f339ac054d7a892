package org.prodml.data.scenario;

/**
 * A file a learner's rule is tried on but never sees: made by the same seeded generator as the
 * scenario, from another span of the source data, with the scenario's flaw ({@code flawed}) or
 * without it, so that a rule tuned to the two files a note shows must also hold on these.
 *
 * @param description what the file is, without naming it ("2014, wind missing on about 8% of the
 *     days")
 * @param csv the file's content
 */
public record HeldBackCase(String description, boolean flawed, String csv) {}
