package io.relais.translation;

/**
 * The published translations of a language changed (a translation was stored, approved, edited, rejected or
 * re-translated): that language's feeds are to be rebuilt. Published once per language per transaction.
 */
public record PublishedSetChanged(String lang) {
}
