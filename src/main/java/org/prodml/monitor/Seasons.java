package org.prodml.monitor;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The yearly cycle of the training data, so that a monitoring window is compared with the same
 * season of training: a July window with the training Julys, not with the whole year. Seasons are
 * calendar months. The training data spans a cycle when it has rows in every month but at most one
 * and covers at least {@value #CYCLE_DAYS} days: a year, or a season with a break (a football
 * season from July to May) that the later data repeats; otherwise every window is compared with all
 * of the training data, and the evidence says so. A window in a month training has no rows of is
 * compared with all of it, and its volume is expected to be as low as training's in that month.
 */
final class Seasons {
  /** The fewest days a cycle covers: a year less an off-season of about two months. */
  static final int CYCLE_DAYS = 300;

  private final LocalDate[] days;
  private final boolean fullCycle;
  private final LocalDate first;
  private final LocalDate last;

  private Seasons(LocalDate[] days) {
    this.days = days;
    LocalDate lo = null;
    LocalDate hi = null;
    EnumSet<Month> seen = EnumSet.noneOf(Month.class);
    for (LocalDate d : days) {
      if (d != null) {
        lo = lo == null || d.isBefore(lo) ? d : lo;
        hi = hi == null || d.isAfter(hi) ? d : hi;
        seen.add(d.getMonth());
      }
    }
    this.first = lo;
    this.last = hi;
    this.fullCycle =
        lo != null
            && java.time.temporal.ChronoUnit.DAYS.between(lo, hi) + 1 >= CYCLE_DAYS
            && seen.size() >= 11;
  }

  /** The training rows' days (null where the time is missing). */
  static Seasons of(double[] seconds) {
    LocalDate[] days = new LocalDate[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      days[i] = Double.isNaN(seconds[i]) ? null : Monitor.day(seconds[i]);
    }
    return new Seasons(days);
  }

  boolean fullCycle() {
    return fullCycle;
  }

  /** The months of the days from {@code start} to {@code end}. */
  static Set<Month> months(LocalDate start, LocalDate end) {
    EnumSet<Month> months = EnumSet.noneOf(Month.class);
    for (LocalDate d = start; !d.isAfter(end) && months.size() < 12; d = d.plusDays(1)) {
      months.add(d.getMonth());
    }
    return months;
  }

  /** The training rows dated in those months (every dated row when the data is not a cycle). */
  int[] rows(Set<Month> months) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      if (days[i] != null && (!fullCycle || months.contains(days[i].getMonth()))) {
        rows.add(i);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Training rows per day in those months against rows per day over the whole training span: how
   * busy that season is (1 when the data is not a cycle).
   */
  double index(Set<Month> months) {
    if (!fullCycle) {
      return 1;
    }
    long all = 0;
    long inSeason = 0;
    for (LocalDate d : days) {
      if (d != null) {
        all++;
        inSeason += months.contains(d.getMonth()) ? 1 : 0;
      }
    }
    long spanDays = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
    long seasonDays = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      seasonDays += months.contains(d.getMonth()) ? 1 : 0;
    }
    if (seasonDays == 0 || all == 0) {
      return 1;
    }
    return ((double) inSeason / seasonDays) / ((double) all / spanDays);
  }

  /** How a window's reference is named: "train", or "train, same months (Jul)". */
  String reference(Set<Month> months) {
    if (!fullCycle) {
      return "train";
    }
    return "train, same months ("
        + months.stream()
            .sorted()
            .map(m -> m.getDisplayName(TextStyle.SHORT, Locale.ROOT))
            .collect(Collectors.joining(", "))
        + ")";
  }
}
