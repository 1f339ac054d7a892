package org.prodml.zeppelin;

import java.util.Properties;

/** {@code %prodml.audit}: the audit stage. */
public final class AuditInterpreter extends StageInterpreter {
  public AuditInterpreter(Properties properties) {
    super(properties, "audit");
  }
}
