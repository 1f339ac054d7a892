/**
 * Scenario datasets: teaching data generated from the shipped datasets with flaws planted on
 * purpose (a label proxy, groups shared across a split, a feature fed by a model's output, an
 * unreliable source, sensor faults, a feed normalised per batch), seeded and byte-identical on
 * every run, each with a datasheet that tells teachers which flaw is where.
 *
 * <p>Every planted-flaw dataset of the course is a {@link org.prodml.data.scenario.Scenario}: a
 * class that damages its source file with {@link org.prodml.data.CsvDamage} and assembles its
 * folder with {@code ScenarioBuilder} (the data, spans, a {@code dataset.json} that is a {@link
 * org.prodml.data.DatasetSpec}, a DATASHEET.md), registered in {@link
 * org.prodml.data.scenario.Scenarios#all()}. The folder's README, a table of the registered
 * scenarios, is written from the same list. {@code ./prodml datasets scenarios} writes them all;
 * tests check that the committed files are exactly what it writes.
 *
 * <p>The precision suite's scenarios ({@link org.prodml.data.scenario.PrecisionScenario}, in {@link
 * org.prodml.data.scenario.Scenarios#precision()}, under {@code datasets/precision/}) are made the
 * same way from real tables the rules were never written against: clean controls split honestly,
 * and planted flaws, each folder with its {@link org.prodml.data.scenario.Expectations} of what an
 * audit must find, which {@code ./prodml datasets precision} scores.
 */
package org.prodml.data.scenario;
