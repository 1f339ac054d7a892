package org.prodml.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prodml.chart.Charts;
import org.prodml.course.SystemAnatomy;
import org.prodml.course.SystemAnatomy.PackagePart;
import org.prodml.course.SystemAnatomy.StagePart;
import org.prodml.course.SystemAnatomy.TopicPart;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.PipelineState;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageResult;
import org.prodml.render.TableBlock;
import org.prodml.rules.Finding;
import org.prodml.rules.Judgement;
import org.prodml.text.Format;
import org.prodml.work.Work;

/**
 * The course's Figure 1 with this system's own numbers: each stage's share of this note's run time
 * and of the findings the rules raised, and each library package's share of the code, with the
 * model code (package {@value SystemAnatomy#MODEL_PACKAGE}) marked. Run it after the pipeline.
 */
public final class AnatomyStage implements Stage {
  /**
   * The share of a production system's code that is model code, by the course's figure (after
   * Sculley et al.): 5% or less.
   */
  static final double COURSE_SHARE = 0.05;

  @Override
  public String name() {
    return "anatomy";
  }

  @Override
  public String summary() {
    return "how much of this system is model code: stage time, findings and lines of code per part";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public StageResult run(PipelineState state, Params params, Work work) {
    // The findings an audit would raise now (exercise rules judge learners, not the system).
    List<Object> facts = new ArrayList<>(state.facts());
    facts.addAll(StageSupport.answers(state).facts());
    Judgement judgement =
        StageSupport.judge(
            state, facts, Map.of(), r -> r.stage() != org.prodml.rules.Stage.EXERCISE);
    List<Finding> findings = judgement.findings();
    List<StagePart> stages = SystemAnatomy.stages(state.runs());
    List<TopicPart> topics = SystemAnatomy.topics(findings);
    Optional<Path> sources = SystemAnatomy.sourceRoot(state.config().ruleFolders());
    List<PackagePart> packages = sources.map(SystemAnatomy::packages).orElse(List.of());

    StringBuilder summary = new StringBuilder();
    StagePart training =
        stages.stream().filter(s -> s.stage().equals("train")).findFirst().orElse(null);
    long totalMillis = stages.stream().mapToLong(StagePart::millis).sum();
    summary
        .append("This note ran ")
        .append(stages.stream().mapToInt(StagePart::runs).sum())
        .append(" stage paragraphs in ")
        .append(totalMillis)
        .append(" ms; ");
    summary.append(
        training == null
            ? "none of them trained a model"
            : "training took "
                + training.millis()
                + " ms ("
                + Format.cellPercent(training.timeShare())
                + ")");
    summary
        .append(". Its paragraphs reported ")
        .append(stages.stream().mapToInt(StagePart::findings).sum())
        .append(" findings, ")
        .append(training == null ? 0 : training.findings())
        .append(" of them at the training; an audit of everything the note holds now raises ")
        .append(findings.size())
        .append(" findings from ")
        .append(judgement.firedRuleIds().stream().distinct().count())
        .append(" rules. ");
    if (sources.isEmpty()) {
      summary.append(
          "No library sources here (a packaged install ships none), so lines of code are not measured.");
    } else {
      long total = packages.stream().mapToLong(PackagePart::lines).sum();
      PackagePart model =
          packages.stream().filter(PackagePart::isModelCode).findFirst().orElse(null);
      summary
          .append("Of the library's ")
          .append(total)
          .append(" lines of code in ")
          .append(packages.size())
          .append(" packages, the model code (package ")
          .append(SystemAnatomy.MODEL_PACKAGE)
          .append(") is ")
          .append(
              model == null
                  ? "absent"
                  : model.lines() + " (" + Format.cellPercent(model.share()) + ")")
          .append(
              model == null
                  ? "."
                  : model.share() <= COURSE_SHARE
                      ? ", within the course's figure of "
                          + Format.cellPercent(COURSE_SHARE)
                          + " or less."
                      : ", a little above the course's figure of "
                          + Format.cellPercent(COURSE_SHARE)
                          + " or less.");
    }

    StageResult.Builder out = StageResult.builder().text(summary.toString());
    List<String> charts = new ArrayList<>();
    if (!packages.isEmpty()) {
      Map<String, Double> shares = new LinkedHashMap<>();
      packages.forEach(p -> shares.merge(p.role(), p.share(), Double::sum));
      Map<String, Map<String, Double>> byRole = new LinkedHashMap<>();
      shares.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .forEach(e -> byRole.put(e.getKey(), Map.of("share of the lines of code", e.getValue())));
      charts.add(
          Charts.groupedBars(
              "lines of code by part of the system (Figure 1 boxes)", "share of lines", byRole));
    }
    if (totalMillis > 0) {
      Map<String, Map<String, Double>> byStage = new LinkedHashMap<>();
      for (StagePart s : stages) {
        if (s.runs() > 0) {
          byStage.put(s.stage(), Map.of("share of the run time", s.timeShare()));
        }
      }
      charts.add(Charts.groupedBars("this note's run time by stage", "share of time", byStage));
    }
    if (!charts.isEmpty()) {
      out.html(Charts.row(charts));
    }
    List<List<String>> stageRows = new ArrayList<>();
    for (StagePart s : stages) {
      stageRows.add(
          List.of(
              s.stage() + (s.stage().equals("train") ? " (model code)" : ""),
              String.valueOf(s.runs()),
              String.valueOf(s.millis()),
              Format.cellPercent(s.timeShare()),
              String.valueOf(s.findings())));
    }
    out.table(
        TableBlock.of(
            "stages of this note: the time of their own work, and the findings their paragraphs"
                + " reported",
            List.of("stage", "paragraph runs", "time ms", "share of time", "findings"),
            stageRows));
    List<List<String>> topicRows = new ArrayList<>();
    for (TopicPart t : topics) {
      topicRows.add(
          List.of(
              t.topic(),
              String.valueOf(t.findings()),
              Format.cellPercent((double) t.findings() / findings.size()),
              String.valueOf(t.rulesFired())));
    }
    out.table(
        TableBlock.of(
            "findings by course topic (an audit of everything the note holds now)",
            List.of("topic", "findings", "share", "rules fired"),
            topicRows));
    if (sources.isEmpty()) {
      out.text(
          "Lines of code: not measured, no src/main/java/org/prodml beside the rule folders "
              + state.config().ruleFolders()
              + ".");
    } else {
      List<List<String>> packageRows = new ArrayList<>();
      for (PackagePart p : packages) {
        packageRows.add(
            List.of(
                p.name() + (p.isModelCode() ? " (model code)" : ""),
                p.role(),
                String.valueOf(p.files()),
                String.valueOf(p.lines()),
                Format.cellPercent(p.share())));
      }
      out.table(
          TableBlock.of(
              "library packages: non-blank, non-comment lines of Java in "
                  + sources.get().getFileName()
                  + "/*",
              List.of("package", "part of the system", "files", "lines of code", "share"),
              packageRows));
    }
    return out.build();
  }
}
