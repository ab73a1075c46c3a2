package io.relais.console.internal;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs one operator action: records it in the audit log (done, or refused with the reason, in English) and leaves the
 * outcome for the next page as a flash message in the UI language, so that every console form posts, redirects and
 * shows what happened. Forms whose input must survive a refusal use {@link #attempt} and render the form again.
 */
@Component
class ConsoleActions {

    private final ConsoleAudit audit;
    private final MessageSource messages;

    ConsoleActions(ConsoleAudit audit, MessageSource messages) {
        this.audit = audit;
        this.messages = messages;
    }

    /** {@code work} does the action and returns what to tell the operator (also the audit detail). */
    String run(Authentication auth, RedirectAttributes redirect, String action, String subject, Supplier<Said> work,
               String back) {
        Refused refused = attempt(auth, action, subject, () -> {
            Said said = work.get();
            redirect.addFlashAttribute("message", text(said));
            return said;
        });
        if (refused != null) {
            redirect.addFlashAttribute("problem", refused.text());
            if (refused.detail() != null) {
                redirect.addFlashAttribute("problemDetail", refused.detail());
            }
        }
        return "redirect:" + back;
    }

    /**
     * Does the action and audits it; returns null when it was done, else the refusal (already audited), for the
     * caller to show beside the form it renders again with what was typed.
     */
    Refused attempt(Authentication auth, String action, String subject, Supplier<Said> work) {
        try {
            Said said = work.get();
            audit.done(auth.getName(), action, subject, english(said));
            return null;
        } catch (ConsoleRefusal refusal) {
            String detail = refusal.detail();
            audit.refused(auth.getName(), action, subject,
                    english(refusal.said()) + (detail == null ? "" : " (" + detail + ")"));
            return new Refused(refusal.field(), text(refusal.said()), detail);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException refused) {
            audit.refused(auth.getName(), action, subject, refused.getMessage());
            return new Refused(null, text(Said.of("console.refused", refused.getMessage())), null);
        }
    }

    /** A refusal as a form shows it: the field at fault (or null), the sentence, and the module's own words. */
    record Refused(String field, String text, String detail) {
    }

    String text(Said said) {
        return said.in(messages, LocaleContextHolder.getLocale());
    }

    private String english(Said said) {
        return said.in(messages, Locale.ROOT);   // the base bundle: English
    }
}
