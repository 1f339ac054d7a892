package org.prodml.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One parameter a stage takes: its name (the word a paragraph writes, {@code on=test}, and the
 * command line's option, {@code --on}), what it means, and, when its values are a fixed list, the
 * values. Help, completion, drop-downs and error messages are all derived from this declaration, so
 * a new model type or check appears everywhere at once.
 *
 * @param choices the allowed values in the order they are offered (the first is the default of a
 *     drop-down); empty when any value goes
 */
public record Parameter(String name, String meaning, List<String> choices) {

  public Parameter {
    choices = List.copyOf(choices);
  }

  public static Parameter of(String name, String meaning) {
    return new Parameter(name, meaning, List.of());
  }

  /** A parameter whose values are an enum's, by the label each constant gives. */
  public static <E extends Enum<E>> Parameter of(
      String name, String meaning, Class<E> values, Function<E, String> label) {
    return new Parameter(
        name, meaning, Arrays.stream(values.getEnumConstants()).map(label).toList());
  }

  /** The table a stage reads: one word for every stage. */
  public static final String ON = "on";

  /** The reference a stage compares its table with. */
  public static final String AGAINST = "against";

  /** Rule threshold overrides, {@code name:value} pairs. */
  public static final String THRESHOLDS = "thresholds";

  /** The meaning shown for a choice parameter: the meaning, then its values. */
  public String described() {
    return choices.isEmpty() ? meaning : meaning + " [" + String.join(", ", choices) + "]";
  }
}
