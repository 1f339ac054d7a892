package org.prodml.monitor;

import java.util.List;
import java.util.Locale;
import org.prodml.text.Choices;

/**
 * What a declared monitoring watches on served data: the inputs' drift, the volume of requests,
 * non-finite inputs, the model's age, and live quality where labels arrive. The one list every
 * paragraph, option, help text and error message takes its words from.
 */
public enum MonitoringCheck {
  DRIFT,
  VOLUME,
  NAN,
  AGE,
  QUALITY;

  /** The word a paragraph or option writes: {@code drift}, {@code nan} … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> labels() {
    return Choices.words(values(), MonitoringCheck::label);
  }

  public static MonitoringCheck parse(String text) {
    return Choices.parse(values(), MonitoringCheck::label, text, "monitoring check");
  }
}
