package org.prodml.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A parameter whose values are an enum's constants, each with the word people write for it
 * (logistic, time, in-model). The words are listed once, in the enum, and every help text and error
 * message is made from them here.
 */
public final class Choices {
  private Choices() {}

  /** The words of the constants, in declaration order. */
  public static <E extends Enum<E>> List<String> words(E[] values, Function<E, String> word) {
    return Arrays.stream(values).map(word).toList();
  }

  /** "a, b or c". */
  public static <E extends Enum<E>> String listed(E[] values, Function<E, String> word) {
    List<String> words = words(values, word);
    return words.size() == 1
        ? words.get(0)
        : String.join(", ", words.subList(0, words.size() - 1))
            + " or "
            + words.get(words.size() - 1);
  }

  /** The constant whose word is the text (ignoring case and blanks), or null. */
  public static <E extends Enum<E>> E find(E[] values, Function<E, String> word, String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (E e : values) {
      if (word.apply(e).toLowerCase(Locale.ROOT).equals(t)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The constant whose word is the text.
   *
   * @param what what the value is, for the error: "model", "split method"
   * @throws IllegalArgumentException "{what} must be a, b or c, not 'x'"
   */
  public static <E extends Enum<E>> E parse(
      E[] values, Function<E, String> word, String text, String what) {
    E found = find(values, word, text);
    if (found == null) {
      throw new IllegalArgumentException(
          what + " must be " + listed(values, word) + ", not '" + text + "'");
    }
    return found;
  }
}
