package org.prodml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The precision suite in {@code mvn verify}: every scenario of {@code datasets/precision} audited
 * as a user would, its findings scored against the scenario's expectations, the table printed, and
 * the suite's bar held: recall of the planted flaws at least {@value PrecisionSuite#MIN_RECALL}, no
 * CRITICAL on a clean control, every warning on a control explained (at most {@value
 * PrecisionSuite#MAX_EXPLAINED_PER_CONTROL}).
 */
class PrecisionSuiteTest {
  @Test
  void theAuditFindsThePlantedFlawsAndRaisesNoUnexplainedAlarmOnTheControls() {
    PrecisionSuite.Setup setup =
        new PrecisionSuite.Setup(
            List.of(Path.of("rules")), Path.of("rules").resolve("questions"), Path.of("notebooks"));
    List<PrecisionSuite.Score> scores = new ArrayList<>();
    for (Path scenario : PrecisionSuite.scenarios(Path.of("datasets", "precision"))) {
      scores.add(PrecisionSuite.run(scenario, setup, "test"));
    }
    PrecisionSuite.Result result = new PrecisionSuite.Result(scores);
    System.out.println(PrecisionSuite.table(result));
    assertTrue(scores.size() >= 10, "at least ten scenarios, found " + scores.size());
    assertTrue(result.planted() > 0, "the suite plants flaws");
    assertEquals(List.of(), result.shortfalls(), "the suite's bar");
    assertTrue(result.recall() >= PrecisionSuite.MIN_RECALL);
    assertEquals(0, result.criticalOnControls());
    assertEquals(0, result.unexplainedOnControls());
  }
}
