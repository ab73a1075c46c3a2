package io.relais.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.relais.article.Sources;
import io.relais.ingest.DeadLetters;

/** The console's first page: what needs attention and the audit log of operator actions. */
@Controller
class ConsoleHome {

    private final ConsoleAudit audit;
    private final Sources sources;
    private final DeadLetters deadLetters;

    ConsoleHome(ConsoleAudit audit, Sources sources, DeadLetters deadLetters) {
        this.audit = audit;
        this.sources = sources;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("failing", sources.findAll().stream().filter(s -> s.consecutiveFailures() > 0).toList());
        model.addAttribute("deadLetters", deadLetters.count());
        model.addAttribute("audit", audit.recent(100));
        return "console/home";
    }
}
