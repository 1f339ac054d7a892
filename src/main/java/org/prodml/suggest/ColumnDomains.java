package org.prodml.suggest;

import java.util.ArrayList;
import java.util.List;
import org.prodml.facts.ColumnDomainFact;
import org.prodml.profile.ColumnProfile;
import org.prodml.profile.DatasetProfile;
import org.prodml.profile.ValueCount;

/**
 * The categorical values each column of a profile holds, as facts, so rules can check every value
 * against an allowed domain (suggested domain rules read them). Only categorical and boolean
 * columns have a domain; ordered columns (numbers, times) are checked by range instead.
 */
public final class ColumnDomains {
  private ColumnDomains() {}

  /** One fact per categorical or boolean column of the profile, tagged with the data's role. */
  public static List<ColumnDomainFact> facts(DatasetProfile profile, String role) {
    List<ColumnDomainFact> facts = new ArrayList<>();
    for (ColumnProfile c : profile.columns()) {
      if (c.kind().ordered()) {
        continue;
      }
      List<String> values = c.frequencies().stream().map(ValueCount::value).toList();
      facts.add(
          new ColumnDomainFact(profile.source(), role, c.name(), values, c.frequenciesComplete()));
    }
    return facts;
  }
}
