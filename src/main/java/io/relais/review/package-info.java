/**
 * Editors' review: users and roles (EDITOR per language, ADMIN), the review queue and its actions (edit with
 * optimistic locking, approve, reject) with an audit log; approved edits go into the translation memory and the feed
 * is republished. The JSON API is under {@code /api/review}; the web UI is still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package io.relais.review;
