package io.relais.terminology;

/**
 * A protected term: how a French term is written in a target language ({@code targetLang} {@code *}: every
 * language); a null {@code targetTerm} means "do not translate".
 */
public record GlossaryTerm(long id, String targetLang, String sourceTerm, String targetTerm) {

    public boolean doNotTranslate() {
        return targetTerm == null;
    }

    /** What the term becomes in the translation. */
    public String rendering() {
        return targetTerm == null ? sourceTerm : targetTerm;
    }
}
