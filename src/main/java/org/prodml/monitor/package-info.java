/**
 * Monitoring a model in production by replaying served data in time windows. Passing tests before
 * launch says nothing about next month: inputs drift away from the training data, volumes change
 * when an upstream source breaks, a NaN slips through, and the model itself ages. Each window is
 * measured against what training looked like, and a monitoring configuration says which of those
 * checks run and who is woken up when one fails.
 */
package org.prodml.monitor;
