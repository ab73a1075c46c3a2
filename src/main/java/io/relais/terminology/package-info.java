/**
 * Terminology: what Relais knows of how words and phrases are to be written in each target language, whoever
 * translates. The glossary of protected terms ({@link io.relais.terminology.Glossary}, seeded from
 * {@code glossary/seed.tsv} by {@link io.relais.terminology.GlossarySeed}), the segment translation memory
 * ({@link io.relais.terminology.TranslationMemory}, editors' texts winning over the engines') and its concordance
 * search ({@link io.relais.terminology.Concordance}); {@code /api/glossary}. It is also where the editors'
 * per-language dictionary and the fixes learned from editors' corrections (propagated to other translations) will
 * live. Engines, quality checks, review and the console use it through this API; it uses only the article module
 * (the source language) and the HTTP helpers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terminology")
package io.relais.terminology;
