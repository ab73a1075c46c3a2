package io.relais.batch.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;

import io.relais.article.Article;

/**
 * The articles a step found claimed by another lane or node ({@link ClaimingProcessor}): offered again once, at the
 * step's end ({@link DeferringReader}), after the other one let go. Kept with the running step (its context's
 * attributes), so that the singleton reader and processor around step-scoped ones need no state of their own.
 */
final class Deferred {

    private static final String KEY = "relais.deferred";

    private final Deque<Article> waiting = new ArrayDeque<>();
    private final Set<Long> offeredAgain = new HashSet<>();

    /** The running step's, or null outside a step. */
    static Deferred current() {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null) {
            return null;
        }
        synchronized (context) {
            Object existing = context.getAttribute(KEY);
            if (existing instanceof Deferred deferred) {
                return deferred;
            }
            Deferred created = new Deferred();
            context.setAttribute(KEY, created);
            return created;
        }
    }

    /** Defers an article; false when it was deferred and offered again already (the other one keeps it). */
    synchronized boolean defer(Article article) {
        if (offeredAgain.contains(article.id())) {
            return false;
        }
        waiting.addLast(article);
        return true;
    }

    /** The next deferred article, marked as offered again. */
    synchronized Article next() {
        Article article = waiting.pollFirst();
        if (article != null) {
            offeredAgain.add(article.id());
        }
        return article;
    }
}
