/**
 * Articles, their revisions (with the raw payload each was read from) and their sources, and the one language they
 * are all written in ({@link io.relais.article.Article#SOURCE_LANGUAGE}). Knows nothing of translations: those are
 * the {@code translation} module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package io.relais.article;
