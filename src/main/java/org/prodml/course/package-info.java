/**
 * The course: its notes in order, each note's learning objective and exercises, and how an exercise
 * is graded. A course note is one folder of {@code notebooks/} (the note and its {@code
 * note.yaml}); {@code course.yaml} orders the folders. An exercise is graded by rules ({@code
 * rules/exercises/<note id>/}), never by the text of the learner's paragraphs: the rules read what
 * the note's pipeline measured, the learner's answers and how the learner's own rules behaved on
 * held data, and a failed check reveals the next hint. {@link org.prodml.course.SystemAnatomy}
 * measures the course's first claim on this very code base: how small the model code is among
 * everything around it.
 */
package org.prodml.course;
