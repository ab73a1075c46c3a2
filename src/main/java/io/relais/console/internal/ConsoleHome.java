package io.relais.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;

/** The console's first page: what needs attention and the audit log of operator actions. */
@Controller
class ConsoleHome {

    /** A failing source with its error in the operator's words. */
    record Failing(Source source, String error) {
    }

    private final ConsoleAudit audit;
    private final Sources sources;
    private final DeadLetters deadLetters;
    private final ConsoleActions actions;

    ConsoleHome(ConsoleAudit audit, Sources sources, DeadLetters deadLetters, ConsoleActions actions) {
        this.audit = audit;
        this.sources = sources;
        this.deadLetters = deadLetters;
        this.actions = actions;
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("failing", sources.findAll().stream().filter(s -> s.consecutiveFailures() > 0)
                .map(s -> {
                    Said said = SourceErrors.explain(s.lastError());
                    return new Failing(s, said == null ? null : actions.text(said));
                }).toList());
        model.addAttribute("deadLetters", deadLetters.count());
        model.addAttribute("audit", audit.recent(100));
        return "console/home";
    }
}
