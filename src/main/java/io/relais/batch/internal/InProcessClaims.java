package io.relais.batch.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.relais.batch.TranslationClaims;

/** The claims of one machine, in memory: they die with the process, and so does the work they covered. */
final class InProcessClaims implements TranslationClaims {

    private record Key(long articleId, int revision, String lang) {
    }

    private final Set<Key> held = ConcurrentHashMap.newKeySet();

    @Override
    public boolean claim(long articleId, int revision, String lang) {
        return held.add(new Key(articleId, revision, lang));
    }

    @Override
    public void release(long articleId, int revision, String lang) {
        held.remove(new Key(articleId, revision, lang));
    }

    @Override
    public boolean held(long articleId, int revision, String lang) {
        return held.contains(new Key(articleId, revision, lang));
    }
}
