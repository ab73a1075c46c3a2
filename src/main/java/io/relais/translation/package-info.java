/**
 * Translations: one record per (article revision, language) with its engine, route, text, quality score and
 * issues; its states and the transitions editors may make ({@link io.relais.translation.TranslationAction}); the
 * store ({@link io.relais.translation.Translations}), which publishes
 * {@link io.relais.translation.PublishedSetChanged} whenever a language's published set changes and
 * {@link io.relais.translation.TranslationChanged} in the transaction of each action that changes a translation.
 * Batch writes here, review changes states here, publish reads the published set from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Translations")
package io.relais.translation;
