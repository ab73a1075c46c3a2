/**
 * Articles, their revisions and their sources; also the translations of each revision with their state
 * and quality issues, so that batch, review and publish share one store through this API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Articles")
package io.relais.article;
