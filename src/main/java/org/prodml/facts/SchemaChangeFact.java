package org.prodml.facts;

/**
 * A column present in one dataset and absent from the other: change is "missing" (in the reference,
 * not in the current data) or "new" (in the current data only).
 */
public record SchemaChangeFact(String column, String change, String reference, String current) {}
