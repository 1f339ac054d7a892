package org.prodml.facts;

import java.util.List;

/**
 * Values of a group column (an author, a patient, a user) seen in both a reference split and a
 * current split. Any shared group lets a model score well by recognising the group.
 */
public record GroupOverlapFact(
    String groupColumn,
    String reference,
    String current,
    long referenceGroups,
    long currentGroups,
    long sharedGroups,
    boolean exact,
    List<String> examples) {}
