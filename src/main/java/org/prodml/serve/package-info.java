/**
 * Serving predictions, statically or dynamically. A precomputed lookup table answers in
 * microseconds and can be checked before it ships, but knows only the keys it was built for, so the
 * long tail of rare keys goes unanswered and every answer ages until the next batch run. A model
 * run per request answers anything, fresh, at the cost of compute and latency on every call, and
 * only stays faithful if the serving path encodes features exactly as training did.
 */
package org.prodml.serve;
