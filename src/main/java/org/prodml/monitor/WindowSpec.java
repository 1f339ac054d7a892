package org.prodml.monitor;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How served data is cut into monitoring windows: calendar months, or fixed runs of days from the
 * first day of the data.
 *
 * @param months true for calendar months
 * @param days the window length in days when not by month
 */
public record WindowSpec(boolean months, int days) {

  public static WindowSpec month() {
    return new WindowSpec(true, 30);
  }

  public static WindowSpec days(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a window needs at least one day");
    }
    return new WindowSpec(false, days);
  }

  /** "month", "week", or a number of days ("14d" or "14"). */
  public static WindowSpec parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "month", "monthly", "1m" -> month();
      case "week", "weekly", "1w", "7d" -> days(7);
      case "day", "daily", "1d" -> days(1);
      default -> {
        try {
          yield days(Integer.parseInt(t.endsWith("d") ? t.substring(0, t.length() - 1) : t));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "window must be month, week or a number of days such as 14d, not '" + text + "'");
        }
      }
    };
  }

  /** The first day of the window holding {@code day}, given the first day of the data. */
  public LocalDate start(LocalDate first, LocalDate day) {
    if (months) {
      return day.withDayOfMonth(1);
    }
    long offset = ChronoUnit.DAYS.between(first, day);
    return first.plusDays(offset - Math.floorMod(offset, days));
  }

  /** The last day of the window starting on {@code start}. */
  public LocalDate end(LocalDate start) {
    return months ? start.plusMonths(1).minusDays(1) : start.plusDays(days - 1L);
  }

  public String label(LocalDate start) {
    return months ? start.toString().substring(0, 7) : start.toString();
  }

  /** Approximate length in days (for display and model-age arithmetic). */
  public int lengthDays() {
    return months ? 30 : days;
  }

  public String describe() {
    return months ? "calendar month" : days + "-day";
  }
}
