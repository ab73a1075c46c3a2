package io.relais.console.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.article.Source;
import io.relais.article.SourceStatistics;
import io.relais.article.Sources;
import io.relais.ingest.SourceCheck;
import io.relais.ingest.SourceManagement;
import io.relais.ingest.SourceRefusedException;

/**
 * Sources in the console: the list with each source's state told truthfully (healthy only after a successful read,
 * failing in the operator's words with the raw error behind a toggle), a live check of a URL before adding it
 * (fetched, parsed, how many items, how many French; a web page's announced feeds), add (refused with the reason
 * when the check fails, or added paused and shown failing), edit, poll now, pause / resume, delete (asked first),
 * and OPML import and export. A refused form comes back with what was typed and the field at fault.
 */
@Controller
@RequestMapping("/console/sources")
class ConsoleSourcesPages {

    /** The add and edit forms as typed. */
    record SourceForm(String url, String name, String minutes, boolean fullArticle, List<String> langs) {

        SourceForm {
            langs = langs == null ? List.of() : langs;
        }

        static SourceForm blank() {
            return new SourceForm("", "", "15", false, List.of());
        }

        static SourceForm of(Source s) {
            double minutes = s.pollIntervalSeconds() / 60.0;
            return new SourceForm(s.url(), s.name() == null ? "" : s.name(),
                    minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes),
                    s.fetchFullArticle(), s.languages() == null ? List.of() : s.languages());
        }
    }

    /** A source as the list shows it: its state in one word, its last error in the operator's words. */
    record SourceRow(Source source, String state, boolean polling, SourceStatistics.Arrivals arrivals, String error) {
    }

    private final Sources sources;
    private final SourceManagement management;
    private final SourceStatistics statistics;
    private final ConsoleActions actions;
    private final Opml opml;

    ConsoleSourcesPages(Sources sources, SourceManagement management, SourceStatistics statistics,
                        ConsoleActions actions, Opml opml) {
        this.sources = sources;
        this.management = management;
        this.statistics = statistics;
        this.actions = actions;
        this.opml = opml;
    }

    @GetMapping
    String list(@RequestParam(required = false) String check, @RequestParam(required = false) String name, Model model) {
        SourceForm form = SourceForm.blank();
        if (check != null && !check.isBlank()) {
            model.addAttribute("check", management.check(check.strip()));
            form = new SourceForm(check.strip(), name == null ? "" : name, "15", false, List.of());
        }
        return page(model, form, Map.of());
    }

    private String page(Model model, SourceForm form, Map<String, String> errors) {
        Map<Long, SourceStatistics.Arrivals> arrivals = statistics.bySource();
        List<SourceRow> rows = new ArrayList<>();
        List<Source> others = new ArrayList<>();
        for (Source s : sources.findAll()) {
            if (s.kind() != Source.Kind.FEED) {
                others.add(s);
                continue;
            }
            boolean polling = management.polling(s.id());
            Said error = SourceErrors.explain(s.lastError());
            rows.add(new SourceRow(s, state(s, polling), polling, arrivals.get(s.id()),
                    error == null ? null : actions.text(error)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("others", others);
        model.addAttribute("arrivals", arrivals);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        SourceCheck check = (SourceCheck) model.getAttribute("check");
        if (check != null && check.problem() != null) {
            Said said = SourceErrors.explain(check.problem());
            model.addAttribute("checkProblem", said == null ? check.problem() : actions.text(said));
        }
        return "console/sources";
    }

    /**
     * One word for the list: {@code paused}, {@code failing} (the last poll or check failed), {@code healthy} (read
     * successfully, and nothing failed since), {@code new} (not read yet), or {@code stopped} (active, but not polled
     * by this node: the URL policy refuses it, or another node of the cluster polls it).
     */
    static String state(Source s, boolean polling) {
        if (s.paused()) {
            return s.consecutiveFailures() > 0 ? "pausedFailing" : "paused";
        }
        if (s.consecutiveFailures() > 0) {
            return "failing";
        }
        if (s.lastSuccessAt() != null) {
            return polling ? "healthy" : "healthyElsewhere";
        }
        return polling ? "new" : "stopped";
    }

    /** The live check alone, as an HTML fragment for the add form's script (the page works without it). */
    @GetMapping("/check")
    String check(@RequestParam String url, Model model) {
        SourceCheck check = management.check(url);
        model.addAttribute("check", check);
        if (check.problem() != null) {
            Said said = SourceErrors.explain(check.problem());
            model.addAttribute("checkProblem", said == null ? check.problem() : actions.text(said));
        }
        return "console/sources :: check";
    }

    /**
     * Adds a source once its check passes. A failed check is refused with the reason and the form comes back as
     * typed, with a second button that adds it paused anyway: then it is shown failing, with the check's reason.
     */
    @PostMapping
    String add(@RequestParam(defaultValue = "") String url, @RequestParam(required = false) String name,
               @RequestParam(defaultValue = "15") String minutes,
               @RequestParam(defaultValue = "false") boolean fullArticle,
               @RequestParam(required = false) List<String> langs, @RequestParam(required = false) String anyway,
               Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        SourceForm form = new SourceForm(url.strip(), name, minutes, fullArticle, langs);
        Duration interval = interval(minutes);
        if (url.isBlank()) {
            return refused(model, form, response, "url", actions.text(Said.of("console.source.urlRequired")));
        }
        if (interval == null) {
            return refused(model, form, response, "minutes", actions.text(Said.of("console.source.minutesInvalid")));
        }
        boolean paused = "paused".equals(anyway);
        SourceCheck check = paused ? null : management.check(form.url());
        if (check != null && !check.usable()) {
            model.addAttribute("check", check);
            model.addAttribute("offerPaused", check.fetched() || check.problem() != null);
            String problem = actions.text(Said.of("console.source.checkFailed"));
            actions.attempt(auth, "source.add", form.url(), () -> {
                throw new ConsoleRefusal("url", Said.of("console.source.checkFailed"), check.problem());
            });
            return refused(model, form, response, "url", problem);
        }
        // no name typed: the feed's own title, as feed readers do
        String chosenName = (name == null || name.isBlank()) && check != null && check.feedTitle() != null
                ? check.feedTitle() : name;
        Said[] done = new Said[1];
        ConsoleActions.Refused refusal = actions.attempt(auth, "source.add", form.url(), () -> {
            Source added;
            try {
                added = management.add(form.url(), chosenName, interval, fullArticle, langs, paused);
            } catch (SourceRefusedException e) {
                throw refusal(e);
            }
            if (paused) {
                // shown failing, with the check's reason, until a poll succeeds
                SourceCheck failed = management.check(form.url());
                if (!failed.usable()) {
                    management.recordFailedCheck(added.id(), failed.problem() != null ? failed.problem()
                            : "the check found nothing to translate");
                }
                done[0] = Said.of("console.source.addedPaused", added.id(), added.url());
            } else {
                done[0] = Said.of("console.source.added", added.id(), added.url(), minutes);
            }
            return done[0];
        });
        if (refusal != null) {
            return refused(model, form, response, refusal.field() == null ? "url" : refusal.field(), refusal.text());
        }
        redirect.addFlashAttribute("message", actions.text(done[0]));
        return "redirect:/console/sources";
    }

    private String refused(Model model, SourceForm form, HttpServletResponse response, String field, String text) {
        response.setStatus(422);
        model.addAttribute("problem", text);
        return page(model, form, Map.of(field, text));
    }

    /** A refusal of the ingest module, on the form field it names, in the operator's words where there are some. */
    private static ConsoleRefusal refusal(SourceRefusedException e) {
        String field = e.field() == null ? null : switch (e.field()) {
            case "pollInterval" -> "minutes";
            case "languages" -> "langs";
            default -> e.field();
        };
        if (e.kind() == SourceRefusedException.Kind.CONFLICT && e.existingId() != null) {
            return new ConsoleRefusal(field, Said.of("console.source.duplicate", e.existingId()), e.getMessage());
        }
        if (e.kind() == SourceRefusedException.Kind.NOT_FOUND) {
            return new ConsoleRefusal(field, Said.of("console.notFound"), e.getMessage());
        }
        return new ConsoleRefusal(field, Said.of("console.refused", e.getMessage()), e.getMessage());
    }

    /** Minutes as typed: {@code 15}, {@code 0.5} or {@code 1,5}; at least one second; null when it is not a number. */
    static Duration interval(String minutes) {
        try {
            double value = Double.parseDouble(minutes.strip().replace(',', '.'));
            if (!(value > 0) || value > 60 * 24 * 31) {
                return null;
            }
            return Duration.ofSeconds(Math.max(1, Math.round(value * 60)));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Source source = find(id);
        return editPage(model, source, SourceForm.of(source), Map.of());
    }

    private String editPage(Model model, Source source, SourceForm form, Map<String, String> errors) {
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        Said error = SourceErrors.explain(source.lastError());
        model.addAttribute("error", error == null ? null : actions.text(error));
        model.addAttribute("state", state(source, management.polling(source.id())));
        return "console/source";
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @RequestParam(required = false) String name,
                @RequestParam(defaultValue = "") String minutes,
                @RequestParam(defaultValue = "false") boolean fullArticle, @RequestParam(required = false) List<String> langs,
                Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Source source = find(id);
        SourceForm form = new SourceForm(source.url(), name, minutes, fullArticle, langs);
        Duration interval = interval(minutes);
        if (interval == null) {
            response.setStatus(422);
            String text = actions.text(Said.of("console.source.minutesInvalid"));
            model.addAttribute("problem", text);
            return editPage(model, source, form, Map.of("minutes", text));
        }
        ConsoleActions.Refused refusal = actions.attempt(auth, "source.edit", "#" + id, () -> {
            try {
                Source saved = management.edit(id, name, interval, fullArticle, langs);
                return Said.of("console.source.saved", id, saved.name() == null ? saved.url() : saved.name());
            } catch (SourceRefusedException e) {
                throw refusal(e);
            }
        });
        if (refusal != null) {
            response.setStatus(422);
            model.addAttribute("problem", refusal.text());
            return editPage(model, source, form, Map.of(refusal.field() == null ? "name" : refusal.field(), refusal.text()));
        }
        Source saved = find(id);
        redirect.addFlashAttribute("message", actions.text(Said.of("console.source.saved", id,
                saved.name() == null ? saved.url() : saved.name())));
        return "redirect:/console/sources";
    }

    @PostMapping("/{id}/pause")
    String pause(@PathVariable long id, @RequestParam boolean paused, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, paused ? "source.pause" : "source.resume", "#" + id, () -> {
            try {
                management.pause(id, paused);
            } catch (SourceRefusedException e) {
                throw refusal(e);
            }
            return Said.of(paused ? "console.source.paused.done" : "console.source.resumed.done", id);
        }, "/console/sources");
    }

    @PostMapping("/{id}/poll")
    String pollNow(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "source.poll", "#" + id, () -> {
            try {
                management.pollNow(id);
            } catch (SourceRefusedException e) {
                throw new ConsoleRefusal(null, Said.of(find(id).paused() ? "console.source.pollPaused"
                        : "console.source.pollElsewhere", id), e.getMessage());
            }
            return Said.of("console.source.polled", id);
        }, "/console/sources");
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirmed, Authentication auth,
                  Model model, RedirectAttributes redirect) {
        if (!Confirmation.given(confirmed)) {
            Source source = find(id);
            SourceStatistics.Arrivals arrivals = statistics.bySource().get(id);
            long articles = arrivals == null ? 0 : arrivals.articles();
            return Confirmation.of(actions.text(Said.of("console.source.deleteTitle", label(source))),
                            "/console/sources/" + id + "/delete")
                    .line(actions.text(Said.of("console.source.deleteWhat", source.url())))
                    .line(articles > 0 ? actions.text(Said.of("console.source.deleteHasArticles", articles)) : null)
                    .button(actions.text(Said.of("console.source.deleteButton")))
                    .back("/console/sources")
                    .show(model);
        }
        return actions.run(auth, redirect, "source.delete", "#" + id, () -> {
            try {
                management.delete(id);
            } catch (SourceRefusedException e) {
                if (e.kind() == SourceRefusedException.Kind.CONFLICT) {
                    throw new ConsoleRefusal(null, Said.of("console.source.deleteRefused", id), e.getMessage());
                }
                throw refusal(e);
            }
            return Said.of("console.source.deleted", id);
        }, "/console/sources");
    }

    // --- OPML ---

    @GetMapping(value = "/opml", produces = "text/x-opml")
    ResponseEntity<String> exportOpml() {
        List<Source> feeds = sources.findAll().stream().filter(s -> s.kind() == Source.Kind.FEED).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "x-opml", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"relais-sources.opml\"")
                .body(opml.write(feeds));
    }

    /**
     * Imports an OPML subscription list: the first post shows what will be added and what is skipped (already a
     * source, or refused by the URL policy) and asks; the second adds them, polled from now on. An OPML file that
     * cannot be read comes back with its text and the reason.
     */
    @PostMapping("/opml")
    String importOpml(@RequestParam(defaultValue = "") String opmlText, @RequestParam(required = false) String confirmed,
                      Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<Opml.Outline> outlines;
        try {
            outlines = opml.read(opmlText);
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            String text = actions.text(Said.of("console.opml.unreadable"));
            actions.attempt(auth, "source.opml", opmlText.length() + " characters", () -> {
                throw new ConsoleRefusal("opml", Said.of("console.opml.unreadable"), e.getMessage());
            });
            model.addAttribute("opmlText", opmlText);
            model.addAttribute("problemDetail", e.getMessage());
            return refused(model, SourceForm.blank(), response, "opml", text);
        }
        Map<Opml.Outline, String> skipped = new LinkedHashMap<>();
        List<Opml.Outline> toAdd = new ArrayList<>();
        for (Opml.Outline outline : outlines) {
            if (sources.findByUrl(outline.url()).isPresent() || toAdd.stream().anyMatch(o -> o.url().equals(outline.url()))) {
                skipped.put(outline, actions.text(Said.of("console.opml.exists")));
            } else {
                toAdd.add(outline);
            }
        }
        if (!Confirmation.given(confirmed)) {
            Confirmation confirmation = Confirmation.of(actions.text(Said.of("console.opml.title", toAdd.size())),
                    "/console/sources/opml").harmless()
                    .field("opmlText", opmlText)
                    .button(actions.text(Said.of("console.opml.button", toAdd.size())))
                    .back("/console/sources");
            toAdd.forEach(o -> confirmation.line("+ " + (o.title() == null ? "" : o.title() + " — ") + o.url()));
            skipped.forEach((o, why) -> confirmation.line("· " + o.url() + " (" + why + ")"));
            if (toAdd.isEmpty()) {
                confirmation.line(actions.text(Said.of("console.opml.nothing")));
            }
            return confirmation.show(model);
        }
        return actions.run(auth, redirect, "source.opml", outlines.size() + " outlines", () -> {
            int added = 0;
            List<String> refused = new ArrayList<>();
            for (Opml.Outline o : toAdd) {
                try {
                    management.add(o.url(), o.title(), Duration.ofMinutes(15), false, null, false);
                    added++;
                } catch (SourceRefusedException e) {
                    refused.add(o.url() + ": " + e.getMessage());
                }
            }
            return Said.of("console.opml.done", added, skipped.size() + refused.size(),
                    refused.isEmpty() ? "" : String.join("; ", refused));
        }, "/console/sources");
    }

    private Source find(long id) {
        return sources.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no source " + id));
    }

    private static String label(Source s) {
        return s.name() == null ? s.url() : s.name();
    }
}
