/**
 * Editors' review: the review queue and its actions (edit with optimistic locking, approve, reject, re-translate)
 * with an audit log; approved edits go into the translation memory (the {@code terminology} module's). The JSON API
 * is under {@code /api/review}, the web pages under {@code /review/{lang}} and {@code /review/items/{id}}. Which
 * action is allowed in which state is the {@code translation} module's rule; users and roles are the {@code system}
 * module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package io.relais.review;
