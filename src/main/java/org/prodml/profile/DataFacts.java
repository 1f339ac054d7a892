package org.prodml.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prodml.data.ColumnRoles;
import org.prodml.facts.LabelBalanceFact;

/**
 * The facts the data-validation rules judge, from the training profile and the profiles of the
 * other data (test, serving) compared with it: per-column profiles, column roles, label association
 * and balance, skew, schema changes, volume, and group and time overlap between training and test.
 */
public final class DataFacts {
  private DataFacts() {}

  /** The comparison name for data of a role against training: "train-serving", "train-test". */
  public static String comparisonName(String role) {
    return "train-" + role;
  }

  /**
   * @param train the reference (training) profile
   * @param others profiles of other data by role ("test", "serving"), compared with training
   */
  public static Result build(
      DatasetProfile train, Map<String, DatasetProfile> others, ColumnRoles roles) {
    List<Object> facts = new ArrayList<>(ProfileFacts.of(train, "train"));
    facts.addAll(roles.facts(train.columnNames()));
    facts.addAll(ProfileFacts.associations(train, roles.nonFeatures(train.columnNames())));
    LabelBalanceFact balance = ProfileFacts.labelBalance(train);
    if (balance != null) {
      facts.add(balance);
    }
    facts.addAll(FeatureCorrelations.of(train, roles.features(train.columnNames())));
    Map<String, ProfileComparison.Result> comparisons = new LinkedHashMap<>();
    for (Map.Entry<String, DatasetProfile> e : others.entrySet()) {
      String role = e.getKey();
      DatasetProfile other = e.getValue();
      facts.addAll(ProfileFacts.of(other, role));
      ProfileComparison.Result comparison =
          ProfileComparison.compare(train, "train", other, role, comparisonName(role));
      comparisons.put(role, comparison);
      facts.addAll(comparison.columns());
      facts.addAll(comparison.schemaChanges());
      if (role.equals("serving")) {
        facts.add(ProfileComparison.volume(train, "train", other, role));
      }
      if (!role.equals("serving") && train.group() != null && other.group() != null) {
        facts.add(ProfileComparison.groupOverlap(train, "train", other, role));
      }
      if (role.equals("test") && train.time() != null && other.time() != null) {
        facts.add(ProfileComparison.timeOverlap(train, "train", other, role));
      }
    }
    return new Result(facts, comparisons);
  }

  /** The facts, and each comparison by the role compared with training. */
  public record Result(List<Object> facts, Map<String, ProfileComparison.Result> comparisons) {}
}
