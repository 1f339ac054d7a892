package org.prodml.rules;

/**
 * When a rule is judged: the pipeline stage whose facts it reads (a rule's {@code @stage} metadata
 * names one), or READINESS (the production-readiness questions and flaws, judged by the audit) and
 * EXERCISE (the course's graders, judged by a check). The stage members are exactly the registered
 * stages' names, upper-cased; a test holds the two lists together and the lint refuses any other.
 */
public enum Stage {
  LOAD,
  PROFILE,
  VALIDATE,
  TRANSFORM,
  SPLIT,
  TRAIN,
  EVALUATE,
  SERVE,
  MONITOR,
  SIMULATE,
  DEPLOY,
  ANATOMY,
  AUDIT,
  ASK,
  CHECK,
  READINESS,
  EXERCISE;
}
