package org.prodml.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prodml.data.CsvDamage;
import org.prodml.note.NoteFiles;
import org.prodml.pipeline.DataRoots;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Pipeline;
import org.prodml.pipeline.PipelineConfig;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.StageRegistry;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TextBlock;
import org.prodml.rules.RuleSource;
import org.prodml.stages.CheckStage;
import org.prodml.work.Work;

/** Exercises graded by rules: a choice, and a learner's own validation rule, with hints. */
class CheckStageTest {
  final Pipeline pipeline = new Pipeline(new StageRegistry(List.of(new CheckStage())));
  @TempDir Path dir;
  PipelineState state;

  @BeforeEach
  void catalog() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules/exercises/TESTNOTE"));
    Path note = Files.createDirectories(dir.resolve("notebooks/1 Training"));
    Files.writeString(
        note.resolve("Training_TESTNOTE.zpln"),
        NoteFiles.write(
            NoteFiles.build(
                "TESTNOTE",
                "Training",
                List.of(
                    new NoteFiles.Paragraph("", "%prodml.ask"),
                        new NoteFiles.Paragraph("", "%prodml.check(exercise=flowers)"),
                    new NoteFiles.Paragraph("", "%prodml.rules"),
                        new NoteFiles.Paragraph("", "%prodml.check(exercise=fahrenheit-rule)")))));
    Files.writeString(
        note.resolve("note.yaml"),
        """
        id: TESTNOTE
        objective: Choose how to train
        section: Static versus dynamic training
        exercises:
          - id: flowers
            title: Valentine's flowers
            kind: choice
            task: A flower model trained on summer sales fails in February. Static or dynamic training?
            verifies: That the answer names the training that keeps up with the seasons.
            hints: [Think about what changes in February., The data changes with the seasons.]
            choice:
              question: "Which training?"
              options: [static, dynamic, neither]
              aliases: {online: dynamic}
              answer: dynamic
              why: Demand moves with the seasons.
            solved:
              paragraph_TESTNOTE_0001: "%prodml.ask\\nexercise.flowers: dynamic"
          - id: fahrenheit-rule
            title: A rule for a unit change
            kind: write-rule
            task: Write a rule that catches temp_max arriving in Fahrenheit.
            verifies: That the rule fires on temp_max in the Fahrenheit file only.
            hints: [Compare the serving maximum with the training maximum.]
            ruleData:
              reference: train.csv
              clean: serving.csv
              damaged: serving-f.csv
              label: weather
              time: date
              subject: temp_max
              flaw: temp_max in Fahrenheit
            solved:
              paragraph_TESTNOTE_0003: "%prodml.rules"
        """);
    Files.writeString(
        rules.resolve("FlowersAnsweredDynamic.drl"),
        """
        package rules.exercises;
        import org.prodml.facts.*;
        rule "EX-001 Flowers: dynamic training chosen"
          @id("EX-001") @severity("INFO") @topic("TRAINING_MODE") @stage("EXERCISE")
          @exercise("flowers") @verdict("pass")
          @explanation("You chose {answer} training.") @remedy("Nothing to do.")
        when
          ExerciseCheckFact(exercise == "flowers")
          ExerciseAnswerFact(question == "flowers", answer == "dynamic")
        then
          insert(Evidence.of("flowers", "answer", "dynamic"));
        end
        """);
    Files.writeString(
        rules.resolve("FahrenheitRuleWorks.drl"),
        """
        package rules.exercises;
        import org.prodml.facts.*;
        rule "EX-002 A learner rule fires on the damaged data only"
          @id("EX-002") @severity("INFO") @topic("RANGE") @stage("EXERCISE")
          @exercise("fahrenheit-rule") @verdict("pass")
          @explanation("Your rule {rule} fired on the damaged data ({subjects}) and not on the clean data.") @remedy("Nothing to do.")
        when
          ExerciseCheckFact(exercise == "fahrenheit-rule")
          LearnerRuleFact($id : ruleId, data == "damaged", fired, subjects contains "temp_max", $s : subjects)
          LearnerRuleFact(ruleId == $id, data == "clean", !fired)
        then
          insert(Evidence.of("fahrenheit-rule", "rule", $id, "subjects", $s));
        end
        """);
    Path questions = Files.createDirectories(dir.resolve("rules/questions"));
    try (var files = Files.list(Path.of("rules/questions"))) {
      for (Path q : files.filter(Files::isRegularFile).toList()) {
        Files.copy(q, questions.resolve(q.getFileName()));
      }
    }
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.copy(
        Path.of("datasets/seattle-weather/spans/train-2012-2013.csv"), data.resolve("train.csv"));
    Files.copy(
        Path.of("datasets/seattle-weather/spans/serving-2015.csv"), data.resolve("serving.csv"));
    CsvDamage.of(data.resolve("serving.csv"), 1)
        .rescale("temp_max", 1.8, 32)
        .write(data.resolve("serving-f.csv"));
    state =
        new PipelineState(
            new PipelineConfig(
                DataRoots.of(data),
                List.of(dir.resolve("rules")),
                null,
                dir.resolve("notebooks"),
                50,
                42));
  }

  String check(String exercise) {
    StageResult r =
        pipeline.run(state, "check", Params.of(Map.of("exercise", exercise)), Work.NONE);
    return ((TextBlock) r.blocks().get(0)).text() + "\n" + r.blocks().get(1);
  }

  @Test
  void anUnchangedAnswerIsTheSameAttemptAndAChangedOneRevealsTheNextHint() {
    answer("static");
    String first = check("flowers");
    assertTrue(first.startsWith("exercise flowers: FAIL (attempt 1)"), first);
    assertTrue(
        first.contains("Hint 1 of 2") && first.contains("Think about what changes in February."),
        first);
    String again = check("flowers");
    assertTrue(again.startsWith("exercise flowers: FAIL (attempt 1)"), "the same answer: " + again);
    assertTrue(again.contains("Hint 1 of 2"), "no new hint for the same answer: " + again);
    answer("Static training.");
    assertTrue(
        check("flowers").startsWith("exercise flowers: FAIL (attempt 1)"),
        "the same option in other words is the same answer");
    answer("neither");
    String second = check("flowers");
    assertTrue(second.startsWith("exercise flowers: FAIL (attempt 2)"), second);
    assertTrue(
        second.contains("Hint 2 of 2") && second.contains("The data changes with the seasons."),
        second);
    answer("online");
    String passed = check("flowers");
    assertTrue(passed.startsWith("exercise flowers: PASS (attempt 3)"), passed);
    assertTrue(
        passed.contains("Demand moves with the seasons."),
        "the course's answer is shown once passed");
  }

  /** What a learner's %prodml.ask paragraph records, as the note's paragraph of the exercise. */
  private void answer(String text) {
    state.replaceAnswers("paragraph_TESTNOTE_0001", Map.of("exercise.flowers", text));
    state.paragraphRan("paragraph_TESTNOTE_0001", "ask", true);
  }

  @Test
  void aLearnerRuleMustFireOnTheDamagedDataAndNotOnTheCleanData() {
    assertTrue(check("fahrenheit-rule").contains("FAIL"), "no rule written yet");
    String tooBroad =
        """
        package rules.learner;
        import org.prodml.facts.*;
        rule "MY-1 every numeric column"
          @id("MY-1") @severity("WARNING") @topic("RANGE") @stage("VALIDATE")
          @explanation("{subject} seen") @remedy("look")
        when $c : ColumnProfileFact(role == "serving", kind == "numeric")
        then insert(Evidence.of($c.column()));
        end
        """;
    state.putNoteRules(new RuleSource("paragraph p1", tooBroad));
    state.paragraphRan("paragraph_TESTNOTE_0003", "rules", true);
    assertTrue(check("fahrenheit-rule").contains("FAIL"), "fires on the clean data too");
    String right =
        """
        package rules.learner;
        import org.prodml.facts.*;
        rule "MY-1 temp_max beyond any Seattle day"
          @id("MY-1") @severity("WARNING") @topic("RANGE") @stage("VALIDATE")
          @explanation("{subject} reaches {max}") @remedy("check the unit")
        when $c : ColumnProfileFact(role == "serving", column == "temp_max", max > 45)
        then insert(Evidence.of($c.column(), "max", $c.max()));
        end
        """;
    state.putNoteRules(new RuleSource("paragraph p1", right));
    String passed = check("fahrenheit-rule");
    assertTrue(passed.contains("PASS"), passed);
    assertTrue(passed.contains("MY-1"), passed);
  }

  @Test
  void unknownExercisesNameTheOnesThereAre() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.prodml.pipeline.StageException.class, () -> check("nope"));
    assertEquals("no exercise 'nope'; the course has flowers, fahrenheit-rule", e.getMessage());
  }
}
