package io.relais.console.internal;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs one operator action: records it in the audit log (done, or refused with the reason) and leaves the outcome
 * for the next page as a flash message, so that every console form posts, redirects and shows what happened.
 */
@Component
class ConsoleActions {

    private final ConsoleAudit audit;

    ConsoleActions(ConsoleAudit audit) {
        this.audit = audit;
    }

    /** {@code work} does the action and returns what to tell the operator (also the audit detail). */
    String run(Authentication auth, RedirectAttributes redirect, String action, String subject, Supplier<String> work,
               String back) {
        try {
            String detail = work.get();
            audit.done(auth.getName(), action, subject, detail);
            redirect.addFlashAttribute("message", detail);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException refused) {
            audit.refused(auth.getName(), action, subject, refused.getMessage());
            redirect.addFlashAttribute("problem", refused.getMessage());
        }
        return "redirect:" + back;
    }
}
