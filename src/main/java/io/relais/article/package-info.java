/**
 * Articles, their revisions (with the raw payload each was read from) and their sources. Knows nothing of
 * translations: those are the {@code translation} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package io.relais.article;
