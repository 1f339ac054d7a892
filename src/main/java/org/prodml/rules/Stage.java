package org.prodml.rules;

/** The pipeline stage a rule judges; a rule's {@code @stage} metadata names one of these. */
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
  AUDIT,
  READINESS,
  EXERCISE;
}
