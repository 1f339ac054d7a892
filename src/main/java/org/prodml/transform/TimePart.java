package org.prodml.transform;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

/** A calendar part of a date or time column, in UTC (the data carries no time zone). */
final class TimePart extends FittedTransform {
  final String part;

  TimePart(TransformSpec spec, String part) {
    super(spec);
    this.part = part;
  }

  static TimePart of(TransformSpec spec, Frame frame) {
    String c = spec.columns().get(0);
    if (!frame.isTime(c)) {
      throw new IllegalArgumentException("timepart " + c + ": not a date or time column");
    }
    String part = spec.option("part", "hour").toLowerCase(Locale.ROOT);
    if (!List.of("hour", "dayofweek", "month", "dayofyear").contains(part)) {
      throw new IllegalArgumentException(
          "timepart "
              + c
              + ": part must be hour, dayofweek, month or dayofyear, not '"
              + part
              + "'");
    }
    return new TimePart(spec, part);
  }

  @Override
  public void apply(Frame frame) {
    String c = spec().columns().get(0);
    double[] seconds = frame.numbers(c);
    double[] out = new double[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      if (Double.isNaN(seconds[i])) {
        out[i] = Double.NaN;
        continue;
      }
      ZonedDateTime t = Instant.ofEpochSecond((long) seconds[i]).atZone(ZoneOffset.UTC);
      out[i] =
          switch (part) {
            case "hour" -> t.getHour();
            case "dayofweek" -> t.getDayOfWeek().getValue();
            case "month" -> t.getMonthValue();
            default -> t.getDayOfYear();
          };
    }
    frame.putNumbers(c + "." + part, out);
  }

  @Override
  public List<String> outputs() {
    return List.of(spec().columns().get(0) + "." + part);
  }

  @Override
  public String parameters() {
    return "part=" + part;
  }
}
