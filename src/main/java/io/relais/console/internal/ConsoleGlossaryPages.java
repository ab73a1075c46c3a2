package io.relais.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.relais.terminology.Glossary;
import io.relais.terminology.GlossaryTerm;
import io.relais.translation.TargetLanguages;

/**
 * The glossary in the console: search, add, change, delete, import and export as TSV. Adding a term that exists with
 * another translation, deleting one, and an import that replaces existing translations are asked first; the search
 * filter survives every action; a refused add or import comes back with what was typed.
 */
@Controller
@RequestMapping("/console/glossary")
class ConsoleGlossaryPages {

    /** The add form as typed. */
    record TermForm(String target, String source, String translation) {
    }

    private final Glossary glossary;
    private final ConsoleActions actions;
    private final List<String> languages;

    ConsoleGlossaryPages(Glossary glossary, ConsoleActions actions, TargetLanguages languages) {
        this.glossary = glossary;
        this.actions = actions;
        this.languages = languages.languages();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String target, Model model) {
        return page(model, q, target, new TermForm("*", "", ""), "", Map.of());
    }

    private String page(Model model, String q, String target, TermForm form, String tsv, Map<String, String> errors) {
        String needle = q.strip().toLowerCase(Locale.ROOT);
        List<GlossaryTerm> all = glossary.all();
        model.addAttribute("terms", all.stream()
                .filter(t -> target.isBlank() || t.targetLang().equals(target))
                .filter(t -> needle.isEmpty() || t.sourceTerm().toLowerCase(Locale.ROOT).contains(needle)
                        || t.targetTerm() != null && t.targetTerm().toLowerCase(Locale.ROOT).contains(needle))
                .toList());
        model.addAttribute("q", q);
        model.addAttribute("target", target);
        model.addAttribute("total", all.size());
        model.addAttribute("form", form);
        model.addAttribute("tsv", tsv);
        model.addAttribute("errors", errors);
        return "console/glossary";
    }

    /** Back to the list with the operator's search as it was. */
    private static String back(String q, String target) {
        return UriComponentsBuilder.fromPath("/console/glossary")
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("target", Optional.ofNullable(target).filter(s -> !s.isBlank()))
                .encode().build().toUriString();
    }

    /**
     * Adds a term, or changes one: from its own row ({@code edit=yes}) at once; from the add form, a term that exists
     * with another translation is asked first, showing both.
     */
    @PostMapping
    String put(@RequestParam(defaultValue = "*") String target, @RequestParam(defaultValue = "") String source,
               @RequestParam(required = false) String translation, @RequestParam(required = false) String edit,
               @RequestParam(required = false) String confirmed, @RequestParam(defaultValue = "") String q,
               @RequestParam(defaultValue = "") String filter, Authentication auth, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        String french = source.strip();
        String rendering = translation == null || translation.isBlank() ? null : translation.strip();
        Map<String, String> invalid = invalid(target, french, rendering);
        if (!invalid.isEmpty()) {
            response.setStatus(422);
            String text = invalid.values().iterator().next();
            actions.attempt(auth, "glossary.put", target + " " + french, () -> {
                throw new ConsoleRefusal(invalid.keySet().iterator().next(), Said.of("console.refused", text), null);
            });
            model.addAttribute("problem", text);
            return page(model, q, filter, new TermForm(target, source, translation), "", invalid);
        }
        Optional<GlossaryTerm> existing = glossary.all().stream()
                .filter(t -> t.targetLang().equals(target) && t.sourceTerm().equals(french)).findFirst();
        if (existing.isPresent() && !Objects.equals(existing.get().targetTerm(), rendering)
                && !"yes".equals(edit) && !Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.glossary.overwriteTitle", french)), "/console/glossary")
                    .line(actions.text(Said.of("console.glossary.overwriteWhat", french, languageName(target),
                            existing.get().rendering(), rendering == null ? french : rendering)))
                    .field("target", target).field("source", french).field("translation", rendering)
                    .field("q", q).field("filter", filter)
                    .button(actions.text(Said.of("console.glossary.overwriteButton")))
                    .back(back(q, filter))
                    .show(model);
        }
        return actions.run(auth, redirect, "glossary.put", target + " " + french, () -> {
            GlossaryTerm term = glossary.put(target, french, rendering);
            return Said.of(existing.isPresent() ? "console.glossary.changed" : "console.glossary.added",
                    term.sourceTerm(), term.rendering(), languageName(term.targetLang()));
        }, back(q, filter));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirmed,
                  @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String filter,
                  Authentication auth, Model model, RedirectAttributes redirect) {
        Optional<GlossaryTerm> term = glossary.all().stream().filter(t -> t.id() == id).findFirst();
        if (term.isPresent() && !Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.glossary.deleteTitle", term.get().sourceTerm())),
                            "/console/glossary/" + id + "/delete")
                    .line(actions.text(Said.of("console.glossary.deleteWhat", term.get().sourceTerm(),
                            languageName(term.get().targetLang()), term.get().rendering())))
                    .field("q", q).field("filter", filter)
                    .button(actions.text(Said.of("console.glossary.deleteButton")))
                    .back(back(q, filter))
                    .show(model);
        }
        return actions.run(auth, redirect, "glossary.delete", "#" + id, () -> {
            GlossaryTerm deleted = term.orElseThrow(() -> new ConsoleRefusal(null, "console.notFound"));
            glossary.delete(id);
            return Said.of("console.glossary.deleted", deleted.sourceTerm(), languageName(deleted.targetLang()));
        }, back(q, filter));
    }

    @GetMapping(value = "/export", produces = "text/tab-separated-values")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"glossary.tsv\"")
                .body(GlossaryTsv.write(glossary.all()));
    }

    /**
     * Imports pasted (or file-read) TSV, all or nothing: bad lines are listed and the text comes back as it was; when
     * lines would replace existing translations, the import is asked first with those lines listed.
     */
    @PostMapping("/import")
    String importTsv(@RequestParam(defaultValue = "") String tsv, @RequestParam(required = false) String confirmed,
                     Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        List<GlossaryTsv.Line> lines = GlossaryTsv.read(tsv, languages);
        List<GlossaryTsv.Line> bad = lines.stream().filter(l -> l.problem() != null).toList();
        if (bad.isEmpty() && lines.isEmpty()) {
            bad = List.of(new GlossaryTsv.Line(0, "", "", null, "no term in the text"));
        }
        if (!bad.isEmpty()) {
            response.setStatus(422);
            String list = String.join("; ", bad.stream().limit(10)
                    .map(l -> (l.number() > 0 ? "line " + l.number() + ": " : "") + l.problem()).toList());
            String text = actions.text(Said.of("console.glossary.importRefused", bad.size(), list));
            actions.attempt(auth, "glossary.import", tsv.length() + " characters", () -> {
                throw new ConsoleRefusal("tsv", Said.of("console.glossary.importRefused", 0, list), null);
            });
            model.addAttribute("problem", text);
            return page(model, "", "", new TermForm("*", "", ""), tsv, Map.of("tsv", text));
        }
        List<GlossaryTerm> all = glossary.all();
        List<String> replaced = lines.stream().flatMap(l -> all.stream()
                        .filter(t -> t.targetLang().equals(l.target()) && t.sourceTerm().equals(l.source())
                                && !Objects.equals(t.targetTerm(), l.translation()))
                        .map(t -> t.sourceTerm() + " (" + t.targetLang() + "): " + t.rendering() + " → "
                                + (l.translation() == null ? l.source() : l.translation())))
                .toList();
        if (!replaced.isEmpty() && !Confirmation.given(confirmed)) {
            Confirmation confirmation = Confirmation.of(actions.text(Said.of("console.glossary.importOverwriteTitle",
                            replaced.size(), lines.size())), "/console/glossary/import")
                    .field("tsv", tsv)
                    .button(actions.text(Said.of("console.glossary.importButtonConfirm", lines.size())))
                    .back("/console/glossary");
            replaced.stream().limit(50).forEach(confirmation::line);
            return confirmation.show(model);
        }
        return actions.run(auth, redirect, "glossary.import", tsv.length() + " characters", () -> {
            lines.forEach(l -> glossary.put(l.target(), l.source(), l.translation()));
            return Said.of("console.glossary.imported", lines.size(), replaced.size());
        }, "/console/glossary");
    }

    /** What is wrong with a term as typed, by field; empty when it may be stored. */
    private Map<String, String> invalid(String target, String source, String translation) {
        if (!"*".equals(target) && !languages.contains(target)) {
            return Map.of("target", actions.text(Said.of("console.glossary.error.target", target)));
        }
        if (source.isEmpty() || source.length() > 300) {
            return Map.of("source", actions.text(Said.of("console.glossary.error.source")));
        }
        if (translation != null && translation.length() > 300) {
            return Map.of("translation", actions.text(Said.of("console.glossary.error.translation")));
        }
        return Map.of();
    }

    private String languageName(String lang) {
        return "*".equals(lang) ? actions.text(Said.of("console.glossary.every")) : TargetLanguages.nativeName(lang);
    }
}
