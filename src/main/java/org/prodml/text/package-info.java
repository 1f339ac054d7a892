/**
 * Text the way every front end shows it: numbers to four significant digits, shares as percentages,
 * an empty cell where nothing was measured, and HTML escaping for the few places that build HTML
 * without a template.
 */
package org.prodml.text;
