package io.relais.console.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.article.Source;
import io.relais.article.SourceStatistics;
import io.relais.article.Sources;
import io.relais.ingest.SourceCheck;
import io.relais.ingest.SourceManagement;

/**
 * Sources in the console: the list with each source's health and arrivals, a live check of a URL before adding it
 * (fetched, parsed, how many items, how many French), add, edit, pause / resume, delete.
 */
@Controller
@RequestMapping("/console/sources")
class ConsoleSourcesPages {

    private final Sources sources;
    private final SourceManagement management;
    private final SourceStatistics statistics;
    private final ConsoleActions actions;

    ConsoleSourcesPages(Sources sources, SourceManagement management, SourceStatistics statistics,
                        ConsoleActions actions) {
        this.sources = sources;
        this.management = management;
        this.statistics = statistics;
        this.actions = actions;
    }

    @GetMapping
    String list(@RequestParam(required = false) String check, Model model) {
        model.addAttribute("sources", sources.findAll().stream().filter(s -> s.kind() == Source.Kind.FEED).toList());
        model.addAttribute("others", sources.findAll().stream().filter(s -> s.kind() != Source.Kind.FEED).toList());
        model.addAttribute("arrivals", statistics.bySource());
        model.addAttribute("polling", sources.findAll().stream()
                .filter(s -> management.polling(s.id())).map(Source::id).toList());
        if (check != null && !check.isBlank()) {
            model.addAttribute("check", management.check(check));
            model.addAttribute("url", check);
        }
        return "console/sources";
    }

    /** The live check alone, as an HTML fragment for the add form's script (the page works without it). */
    @GetMapping("/check")
    String check(@RequestParam String url, Model model) {
        SourceCheck check = management.check(url);
        model.addAttribute("check", check);
        return "console/sources :: check";
    }

    @PostMapping
    String add(@RequestParam String url, @RequestParam(required = false) String name,
               @RequestParam(defaultValue = "15") long minutes, @RequestParam(defaultValue = "false") boolean fullArticle,
               @RequestParam(required = false) List<String> langs, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "source.add", url, () -> {
            Source added = management.add(url, name, Duration.ofSeconds(Math.max(1, Math.round(minutes * 60.0))),
                    fullArticle, langs);
            return "added source #" + added.id() + " " + added.url() + ", polled every " + minutes + " min";
        }, "/console/sources");
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("source", sources.find(id).orElseThrow(() -> new IllegalArgumentException("no source " + id)));
        return "console/source";
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam double minutes,
                @RequestParam(defaultValue = "false") boolean fullArticle, @RequestParam(required = false) List<String> langs,
                Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "source.edit", "#" + id, () -> {
            Source saved = management.edit(id, name, Duration.ofSeconds(Math.max(1, Math.round(minutes * 60))),
                    fullArticle, langs);
            return "saved source #" + id + " (" + (saved.name() == null ? saved.url() : saved.name()) + ")";
        }, "/console/sources");
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, @RequestParam boolean paused, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, paused ? "source.pause" : "source.resume", "#" + id, () -> {
            management.pause(id, paused);
            return (paused ? "paused" : "resumed") + " source #" + id;
        }, "/console/sources");
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "source.delete", "#" + id, () -> {
            management.delete(id);
            return "deleted source #" + id;
        }, "/console/sources");
    }
}
