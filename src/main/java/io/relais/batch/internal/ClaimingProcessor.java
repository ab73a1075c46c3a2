package io.relais.batch.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.relais.article.Article;
import io.relais.batch.TranslationClaims;
import io.relais.translation.TranslationResult;
import io.relais.translation.Translations;

/**
 * Around the localize processor, in both lanes: claims the translation, checks that it is still missing (the other
 * lane may have stored it since this step read it: the backlog reads a page ahead), translates it, and gives the
 * claim back once the chunk's transaction has ended — after the commit, so that whoever claims it next sees what
 * was stored. A translation someone else holds is deferred to the end of the step ({@link DeferringReader}). So the
 * express lane and the backlog never translate the same thing twice, whatever the order they reach it in.
 */
final class ClaimingProcessor implements ItemProcessor<Article, TranslationResult> {

    private static final Logger log = LoggerFactory.getLogger(ClaimingProcessor.class);

    private final LocalizeProcessor delegate;
    private final TranslationClaims claims;
    private final Translations translations;
    private final int maxAttempts;

    ClaimingProcessor(LocalizeProcessor delegate, TranslationClaims claims, Translations translations, int maxAttempts) {
        this.delegate = delegate;
        this.claims = claims;
        this.translations = translations;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public TranslationResult process(Article article) throws Exception {
        String lang = delegate.lang();
        if (!claims.claim(article.id(), article.revision(), lang)) {
            Deferred deferred = Deferred.current();
            if (deferred != null && deferred.defer(article)) {
                log.debug("Article #{} into {} is being translated elsewhere: offered again at the end", article.id(), lang);
            } else {
                log.info("Article #{} into {} is still being translated elsewhere: left to it", article.id(), lang);
            }
            return null;
        }
        boolean releasedLater = false;
        try {
            if (!stillWaiting(article, lang)) {
                return null;   // stored by the other lane since this step read it
            }
            TranslationResult result = delegate.process(article);
            releasedLater = releaseAfterTransaction(article, lang);
            return result;
        } finally {
            if (!releasedLater) {
                claims.release(article.id(), article.revision(), lang);
            }
        }
    }

    private boolean stillWaiting(Article article, String lang) {
        return translations.needingTranslationBetween(lang, maxAttempts, article.id(), article.id(), 1).stream()
                .anyMatch(a -> a.revision() == article.revision());
    }

    /** Releases the claim when the chunk's transaction ends (committed or not); false outside a transaction. */
    private boolean releaseAfterTransaction(Article article, String lang) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                claims.release(article.id(), article.revision(), lang);
            }
        });
        return true;
    }
}
