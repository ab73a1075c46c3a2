package io.relais.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.ingest.DeadLetter;
import io.relais.ingest.DeadLetterRetry;
import io.relais.ingest.DeadLetters;

/**
 * Dead letters in the console: what could not be ingested, why, and the start of what it was; filtered by where it
 * came from and by words of the reason or origin; retry (inbox files) or discard.
 */
@Controller
@RequestMapping("/console/dead-letters")
class ConsoleDeadLettersPages {

    /**
     * A dead letter with the start of its payload, as text, the earlier attempts it repeats (retried, failed again)
     * and the later one that repeats it.
     */
    record Row(DeadLetter letter, String kind, boolean retryable, String preview, List<DeadLetter> earlier,
               DeadLetter later) {
    }

    private static final int PREVIEW = 1500;

    private final DeadLetters deadLetters;
    private final DeadLetterRetry retry;
    private final ConsoleActions actions;

    ConsoleDeadLettersPages(DeadLetters deadLetters, DeadLetterRetry retry, ConsoleActions actions) {
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.actions = actions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "false") boolean all, Model model) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<Row> rows = (all ? deadLetters.recentWithRetried(500) : deadLetters.recent(500)).stream()
                .map(l -> new Row(l, kind(l), retry.retryable(l) && !l.retried(), preview(l),
                        deadLetters.earlierAttempts(l.id()), l.retried() ? deadLetters.laterAttempt(l.id()).orElse(null) : null))
                .filter(r -> kind.isBlank() || r.kind().equals(kind))
                .filter(r -> needle.isEmpty() || r.letter().reason().toLowerCase(Locale.ROOT).contains(needle)
                        || r.letter().origin().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("all", all);
        model.addAttribute("total", deadLetters.count());
        return "console/dead-letters";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "dead-letter.retry", "#" + id, () -> {
            DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new ConsoleRefusal(null, "console.notFound"));
            if (letter.retried()) {
                throw new ConsoleRefusal(null, "console.dead.retriedAlready", id);
            }
            if (!retry.retryable(letter)) {
                throw new ConsoleRefusal(null, Said.of("console.dead.notRetryable"), DeadLetterRetry.NOT_RETRYABLE);
            }
            return Said.of("console.dead.retried", id, retry.retry(id));
        }, "/console/dead-letters");
    }

    @PostMapping("/{id}/discard")
    String discard(@PathVariable long id, @RequestParam(required = false) String confirmed, Authentication auth,
                   Model model, RedirectAttributes redirect) {
        DeadLetter letter = deadLetters.find(id).orElse(null);
        if (letter != null && !Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.dead.discardTitle", id)),
                            "/console/dead-letters/" + id + "/discard")
                    .line(actions.text(Said.of("console.dead.discardWhat", letter.origin(), letter.reason(),
                            letter.payloadBytes())))
                    .button(actions.text(Said.of("console.dead.discardButton")))
                    .back("/console/dead-letters")
                    .show(model);
        }
        return actions.run(auth, redirect, "dead-letter.discard", "#" + id, () -> {
            if (letter == null) {
                throw new ConsoleRefusal(null, "console.notFound");
            }
            deadLetters.discard(id);
            return Said.of("console.dead.discarded", id, letter.origin());
        }, "/console/dead-letters");
    }

    /** inbox, feed (a fetched feed or one of its items) or api (pushed). */
    static String kind(DeadLetter letter) {
        String origin = letter.origin();
        if (origin.startsWith("inbox/")) {
            return "inbox";
        }
        if (origin.startsWith("http:") || origin.startsWith("https:") || origin.startsWith("file:")) {
            return "feed";
        }
        return "api";
    }

    private String preview(DeadLetter letter) {
        byte[] bytes = deadLetters.payload(letter.id()).orElse(new byte[0]);
        String text = new String(bytes, 0, Math.min(bytes.length, PREVIEW * 4), StandardCharsets.UTF_8);
        // control characters other than line breaks and tabs would only garble the page
        text = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "·");
        return text.length() > PREVIEW ? text.substring(0, PREVIEW) + " …" : text;
    }
}
