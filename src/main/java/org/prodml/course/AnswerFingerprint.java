package org.prodml.course;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prodml.facts.AnswerFact;
import org.prodml.facts.DeploymentCheckFact;
import org.prodml.facts.ExerciseAnswerFact;
import org.prodml.facts.ExerciseCheckFact;
import org.prodml.facts.ExerciseChoiceFact;
import org.prodml.facts.FindingFact;
import org.prodml.facts.ModelFact;
import org.prodml.facts.SplitFact;

/**
 * What a check graded, as a short hash: an attempt at an exercise is a check of a changed answer,
 * so re-running a check on the same answer counts no new attempt and reveals no new hint. The hash
 * covers the facts of the kinds the exercise's grading rules read (and of the findings, only those
 * the rules name), not the paragraph text: changing a comment is no new answer, changing a
 * parameter that changes what the pipeline measured is.
 *
 * <p>What a second run of the same answer may change is left out: how long things took (fields
 * ending in {@code Ms} or {@code Millis}), model ids and fingerprints (hashes of a model's
 * answers), the prose of a deployment check; and when the answer itself draws random numbers
 * without a seed (an unseeded split or model), every measured number, in a field or quoted in a
 * message, since chance decides those.
 */
public final class AnswerFingerprint {
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^\\s*import\\s+org\\.prodml\\.facts\\.(\\w+|\\*)\\s*;");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern QUOTED_NUMBER =
      Pattern.compile("(?<![A-Za-z0-9])(?<![A-Za-z]-)\\d+(?:[.,]\\d+)*");

  private AnswerFingerprint() {}

  /**
   * What the grading rules of an exercise read: the fact classes their DRL imports (all, for a
   * wildcard) and the string literals their conditions compare with (rule ids, topics).
   */
  public record Scope(Set<String> factTypes, Set<String> literals, boolean allTypes) {
    public static Scope of(Collection<String> drlTexts) {
      Set<String> types = new HashSet<>();
      Set<String> literals = new HashSet<>();
      boolean all = false;
      for (String text : drlTexts) {
        Matcher imp = IMPORT.matcher(text);
        while (imp.find()) {
          all |= imp.group(1).equals("*");
          types.add(imp.group(1));
        }
        int when = text.indexOf("when");
        int then = text.lastIndexOf("then");
        String conditions = when >= 0 && then > when ? text.substring(when, then) : text;
        Matcher lit = LITERAL.matcher(conditions);
        while (lit.find()) {
          literals.add(lit.group(1));
        }
      }
      return new Scope(Set.copyOf(types), Set.copyOf(literals), all);
    }

    boolean reads(Object fact) {
      if (fact instanceof ExerciseCheckFact) {
        return false;
      }
      if (!allTypes && !factTypes.contains(fact.getClass().getSimpleName())) {
        return false;
      }
      if (fact instanceof FindingFact f) {
        return literals.contains(f.topic())
            || literals.stream().anyMatch(l -> !l.isEmpty() && f.ruleId().startsWith(l));
      }
      return true;
    }
  }

  /** The fingerprint of the facts a check graded, as 16 hex digits. */
  public static String of(List<Object> facts, Scope scope) {
    Map<String, String> modelIds = new HashMap<>();
    boolean chance = false;
    for (Object fact : facts) {
      if (fact instanceof ModelFact m) {
        modelIds.put(m.model(), "model:" + m.modelType());
        chance |= m.randomized() && !m.seeded();
      } else if (fact instanceof SplitFact s) {
        chance |= !s.seeded() && s.method().equals("random");
      }
    }
    List<String> lines = new ArrayList<>();
    for (Object fact : facts) {
      if (scope.reads(fact)) {
        lines.add(canonical(fact, modelIds, chance));
      }
    }
    lines.sort(null);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String canonical(Object fact, Map<String, String> modelIds, boolean chance) {
    Class<?> type = fact.getClass();
    boolean answer = fact instanceof AnswerFact || fact instanceof ExerciseAnswerFact;
    StringBuilder line = new StringBuilder(type.getSimpleName()).append('{');
    if (!type.isRecord()) {
      return line.append(value(String.valueOf(fact), modelIds)).append('}').toString();
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String name = c.getName();
      if (name.endsWith("Ms") || name.endsWith("Millis")) {
        continue; // how long it took
      }
      if ((fact instanceof ModelFact && name.equals("fingerprint"))
          || (fact instanceof DeploymentCheckFact && name.equals("detail"))) {
        continue; // a hash of the model's answers, or prose quoting one
      }
      if (fact instanceof ExerciseChoiceFact choice
          && !choice.option().isEmpty()
          && name.equals("answer")) {
        continue; // the option an answer names is the answer, whatever its words
      }
      Class<?> t = c.getType();
      boolean number = t == double.class || t == float.class || t == long.class || t == int.class;
      if (chance && number && !answer) {
        continue; // drawn without a seed: chance decides it
      }
      Object v;
      try {
        v = c.getAccessor().invoke(fact);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + name, e);
      }
      String text = value(v, modelIds);
      if (chance && !answer) {
        // Figures quoted in words (a finding's message and evidence; rule ids such as DV-018 kept)
        // are drawn by chance too.
        text = QUOTED_NUMBER.matcher(text).replaceAll("#");
      }
      line.append(name).append('=').append(text).append(';');
    }
    return line.append('}').toString();
  }

  private static String value(Object v, Map<String, String> modelIds) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.6g", d);
    }
    if (v instanceof String s) {
      return modelIds.getOrDefault(s, s);
    }
    if (v instanceof Collection<?> c) {
      List<String> items = new ArrayList<>();
      c.forEach(item -> items.add(value(item, modelIds)));
      return items.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(String.valueOf(k), value(x, modelIds)));
      return sorted.toString();
    }
    return String.valueOf(v);
  }
}
