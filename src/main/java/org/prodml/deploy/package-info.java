/**
 * Testing a model before it serves, the way the course's "unicorn model" is tested. You cannot
 * write a loss test before training, but you can check that training is reproducible, that the
 * model answers calls in the expected shape, that the whole pipeline runs end to end, that a new
 * version is not worse than the last one (a tight bound, against bugs) nor below a floor (a loose
 * bound, against slow decay), and that the serving side can load and feed it.
 */
package org.prodml.deploy;
