package org.prodml.transform;

/**
 * What a model family needs from its inputs, for the automatic plan: linear models need numbers on
 * comparable scales and categories as one-hot (or hashed) indicators; tree models split on raw
 * numbers and read a category as one nominal code.
 */
public enum Encoding {
  LINEAR,
  TREE
}
