package org.prodml.profile;

import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.ColumnProfileFact;
import org.prodml.facts.DatasetFact;
import org.prodml.facts.LabelAssociationFact;
import org.prodml.facts.LabelBalanceFact;

/** Turns a measured profile into the facts rules reason over. */
public final class ProfileFacts {
  private ProfileFacts() {}

  /** The dataset fact and one column fact per column, tagged with the data's role. */
  public static List<Object> of(DatasetProfile profile, String role) {
    List<Object> facts = new ArrayList<>();
    facts.add(
        new DatasetFact(
            profile.source(),
            role,
            profile.rows(),
            profile.columns().size(),
            profile.duplicateRows(),
            profile.rows() == 0 ? 0 : (double) profile.duplicateRows() / profile.rows(),
            profile.rowsPerDay()));
    for (ColumnProfile c : profile.columns()) {
      facts.add(column(profile.source(), role, c));
    }
    return facts;
  }

  public static ColumnProfileFact column(String dataset, String role, ColumnProfile c) {
    NumericSummary n = c.numeric();
    long present = c.count() - c.missing() - c.invalid();
    String top = null;
    double topShare = Double.NaN;
    if (!c.frequencies().isEmpty()) {
      ValueCount first = c.frequencies().get(0);
      top = first.value();
      topShare = present == 0 ? 0 : (double) first.count() / present;
    }
    return new ColumnProfileFact(
        dataset,
        role,
        c.name(),
        c.kind().label(),
        c.type().name(),
        c.count(),
        c.missing(),
        c.missingShare(),
        c.nan(),
        c.inf(),
        c.invalid(),
        c.distinct(),
        present <= 0 ? 0 : Math.min(1, (double) c.distinct() / present),
        n == null ? Double.NaN : n.min(),
        n == null ? Double.NaN : n.max(),
        n == null ? Double.NaN : n.mean(),
        n == null ? Double.NaN : n.stddev(),
        top,
        topShare);
  }

  /** Each feature's association with the label (features only: not the time or group column). */
  public static List<LabelAssociationFact> associations(
      DatasetProfile profile, List<String> nonFeatures) {
    List<LabelAssociationFact> facts = new ArrayList<>();
    for (Association a : profile.associations()) {
      if (!nonFeatures.contains(a.feature())) {
        facts.add(
            new LabelAssociationFact(
                profile.source(),
                a.feature(),
                profile.label(),
                a.measure(),
                a.value(),
                a.powerMeasure(),
                a.power(),
                a.logLossGain(),
                a.rows()));
      }
    }
    return facts;
  }

  /** The class balance of a categorical label, or null when the label is numeric or absent. */
  public static LabelBalanceFact labelBalance(DatasetProfile profile) {
    if (profile.label() == null) {
      return null;
    }
    ColumnProfile label = profile.column(profile.label()).orElseThrow();
    if (label.kind().ordered() || label.frequencies().isEmpty()) {
      return null;
    }
    long total = label.frequencies().stream().mapToLong(ValueCount::count).sum();
    ValueCount majority = label.frequencies().get(0);
    ValueCount minority = label.frequencies().get(label.frequencies().size() - 1);
    return new LabelBalanceFact(
        profile.source(),
        label.name(),
        label.frequencies().size(),
        minority.value(),
        (double) minority.count() / total,
        majority.value(),
        (double) majority.count() / total);
  }
}
