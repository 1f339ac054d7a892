package org.prodml.zeppelin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.zeppelin.display.GUI;
import org.apache.zeppelin.display.ui.OptionInput.ParamOption;
import org.apache.zeppelin.interpreter.InterpreterContext;
import org.prodml.pipeline.Parameter;
import org.prodml.pipeline.Params;
import org.prodml.pipeline.Stage;
import org.prodml.pipeline.StageException;
import org.prodml.pipeline.StageRegistry;
import org.prodml.pipeline.StageResult;
import org.prodml.render.Block;

/**
 * {@code %prodml.<stage>}: runs one library stage on the note's pipeline. The paragraph's local
 * properties ({@code %prodml.train(model=forest, trees=50)}) are the stage's parameters and its
 * body is the stage's longer input. Each stage has a subclass that only names it, so Zeppelin can
 * address it by class name from {@code interpreter-setting.json}.
 */
public abstract class StageInterpreter extends ProdmlGroupInterpreter {
  private final String stageName;

  protected StageInterpreter(Properties properties, String stageName) {
    super(properties);
    this.stageName = stageName;
  }

  public String stageName() {
    return stageName;
  }

  @Override
  String paragraphStage() {
    return stageName;
  }

  /**
   * Parameters offered as a drop-down when the paragraph does not set them, each with the option
   * the drop-down starts on; the options are the stage's declared choices for that parameter. Only
   * used when the stage really has the parameter and declares its choices.
   */
  protected Map<String, String> dropDowns() {
    return Map.of();
  }

  @Override
  List<Block> run(
      String body,
      InterpreterContext context,
      ProdmlSession session,
      NotePipeline note,
      ParagraphProgress progress) {
    Stage stage = stage(session.pipeline().registry());
    Map<String, String> values = new LinkedHashMap<>(context.getLocalProperties());
    addChosen(stage, values, context.getGui());
    StageResult result =
        session.pipeline().run(note.state(), stageName, new Params(values, body), progress);
    note.recordFindings(stageName, result.findings());
    return result.blocks();
  }

  private Stage stage(StageRegistry registry) {
    if (!registry.has(stageName)) {
      throw new StageException(
          "%prodml."
              + stageName
              + " is not available yet: this build has no '"
              + stageName
              + "' stage (it has "
              + String.join(", ", registry.all().keySet())
              + ")");
    }
    return registry.get(stageName);
  }

  /** A dynamic form for each choice the paragraph leaves open; its value becomes the parameter. */
  private void addChosen(Stage stage, Map<String, String> values, GUI gui) {
    if (gui == null) {
      return;
    }
    for (Map.Entry<String, String> dropDown : dropDowns().entrySet()) {
      String parameter = dropDown.getKey();
      String given = values.get(parameter);
      List<String> choices = stage.parameter(parameter).map(Parameter::choices).orElse(List.of());
      if (choices.isEmpty() || (given != null && !given.isBlank())) {
        continue;
      }
      List<String> ordered = new ArrayList<>(List.of(dropDown.getValue()));
      choices.stream().filter(c -> !c.equals(dropDown.getValue())).forEach(ordered::add);
      ParamOption[] options =
          ordered.stream().map(o -> new ParamOption(o, o)).toArray(ParamOption[]::new);
      Object chosen = gui.select(parameter, options, dropDown.getValue());
      if (chosen != null && !chosen.toString().isBlank()) {
        values.put(parameter, chosen.toString());
      }
    }
  }

  @Override
  void moreCompletions(Map<String, String> candidates, ProdmlSession session, NotePipeline note) {
    StageRegistry registry = session.pipeline().registry();
    if (registry.has(stageName)) {
      registry
          .get(stageName)
          .parameters()
          .forEach(
              p -> {
                candidates.put(p.name(), "parameter: " + p.described());
                p.choices().forEach(choice -> candidates.putIfAbsent(choice, p.name() + " value"));
              });
    }
  }
}
