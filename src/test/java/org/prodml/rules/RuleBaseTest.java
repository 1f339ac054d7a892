package org.prodml.rules;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prodml.facts.ColumnProfileFact;

class RuleBaseTest {
  static ColumnProfileFact column(String name, double missingShare) {
    return new ColumnProfileFact(
        "d",
        "train",
        name,
        "numeric",
        "DOUBLE",
        100,
        (long) (missingShare * 100),
        missingShare,
        0,
        0,
        0,
        50,
        0.5,
        0,
        1,
        0.5,
        0.1,
        null,
        0.0);
  }

  @Test
  void smoke() {
    long t0 = System.nanoTime();
    RuleBase base = RuleFiles.compile(List.of(Path.of("rules/data-validation")));
    long t1 = System.nanoTime();
    Judgement j = base.evaluate(List.of(column("a", 0.2), column("b", 0.01)));
    long t2 = System.nanoTime();
    System.out.println("compile ms " + (t1 - t0) / 1e6 + " eval ms " + (t2 - t1) / 1e6);
    System.out.println(j);
    assertEquals(1, j.findings().size());
    Judgement k =
        base.evaluate(List.of(column("a", 0.2)), Map.of("missing.maxShare", 0.5), r -> true);
    assertEquals(0, k.findings().size());
  }
}
