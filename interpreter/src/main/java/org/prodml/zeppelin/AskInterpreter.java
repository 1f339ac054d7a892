package org.prodml.zeppelin;

import java.util.Properties;

/**
 * {@code %prodml.ask}: answers to the readiness questions and to exercise questions, one {@code id:
 * answer} per line, checked against the question catalog before any is kept.
 */
public final class AskInterpreter extends StageInterpreter {
  public AskInterpreter(Properties properties) {
    super(properties, "ask");
  }
}
