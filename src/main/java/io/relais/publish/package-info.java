/**
 * Republishing: one RSS 2.0 and one Atom 1.0 feed per target language, built with Rome from the published
 * translations, served under {@code /feeds/{lang}/} and written to {@code feeds/{lang}/} after each run.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package io.relais.publish;
