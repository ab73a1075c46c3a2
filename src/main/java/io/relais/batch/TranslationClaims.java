package io.relais.batch;

/**
 * Who is translating what right now: the express lane and the backlog job (and, in a cluster, every node's) claim
 * an (article, revision, language) before translating it and release it once what they stored has committed, so
 * that the same translation is never worked on twice at once. The cluster module implements it across nodes; on
 * one machine the batch module keeps the claims in memory (a process that dies takes its claims with it).
 */
public interface TranslationClaims {

    /** Claims the translation for the calling thread; false when another thread or node holds it. */
    boolean claim(long articleId, int revision, String lang);

    /** Gives a claim of the calling thread back. */
    void release(long articleId, int revision, String lang);

    /** Whether anyone holds the claim (a claim of a node that died counts until it expires). */
    boolean held(long articleId, int revision, String lang);
}
