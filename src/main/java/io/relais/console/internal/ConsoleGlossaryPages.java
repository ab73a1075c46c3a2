package io.relais.console.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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

import io.relais.terminology.Glossary;
import io.relais.terminology.GlossaryTerm;
import io.relais.translation.TargetLanguages;

/** The glossary in the console: search, add, change, delete, import and export as TSV. */
@Controller
@RequestMapping("/console/glossary")
class ConsoleGlossaryPages {

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
        String needle = q.strip().toLowerCase(Locale.ROOT);
        model.addAttribute("terms", glossary.all().stream()
                .filter(t -> target.isBlank() || t.targetLang().equals(target))
                .filter(t -> needle.isEmpty() || t.sourceTerm().toLowerCase(Locale.ROOT).contains(needle)
                        || t.targetTerm() != null && t.targetTerm().toLowerCase(Locale.ROOT).contains(needle))
                .toList());
        model.addAttribute("q", q);
        model.addAttribute("target", target);
        model.addAttribute("total", glossary.all().size());
        return "console/glossary";
    }

    @PostMapping
    String put(@RequestParam String target, @RequestParam String source, @RequestParam(required = false) String translation,
               Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "glossary.put", target + " " + source, () -> {
            requireTerm(target, source, translation);
            GlossaryTerm term = glossary.put(target, source.strip(), translation == null || translation.isBlank() ? null
                    : translation.strip());
            return "glossary: " + term.sourceTerm() + " → " + term.rendering() + " (" + term.targetLang() + ")";
        }, "/console/glossary");
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "glossary.delete", "#" + id, () -> {
            GlossaryTerm term = glossary.all().stream().filter(t -> t.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no glossary term " + id));
            glossary.delete(id);
            return "glossary: deleted " + term.sourceTerm() + " (" + term.targetLang() + ")";
        }, "/console/glossary");
    }

    @GetMapping(value = "/export", produces = "text/tab-separated-values")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "tab-separated-values", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"glossary.tsv\"")
                .body(GlossaryTsv.write(glossary.all()));
    }

    /** Imports pasted (or file-read) TSV: every valid line is added or replaces its entry; bad lines are listed. */
    @PostMapping("/import")
    String importTsv(@RequestParam String tsv, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "glossary.import", tsv.length() + " characters", () -> {
            List<GlossaryTsv.Line> lines = GlossaryTsv.read(tsv, languages);
            List<GlossaryTsv.Line> bad = lines.stream().filter(l -> l.problem() != null).toList();
            if (!bad.isEmpty()) {
                throw new IllegalArgumentException("nothing imported: " + String.join("; ", bad.stream().limit(10)
                        .map(l -> "line " + l.number() + ": " + l.problem()).toList()));
            }
            lines.forEach(l -> glossary.put(l.target(), l.source(), l.translation()));
            return "glossary: imported " + lines.size() + " terms";
        }, "/console/glossary");
    }

    private void requireTerm(String target, String source, String translation) {
        if (!"*".equals(target) && !languages.contains(target)) {
            throw new IllegalArgumentException("unknown target language '" + target + "'");
        }
        if (source == null || source.isBlank() || source.length() > 300
                || translation != null && translation.length() > 300) {
            throw new IllegalArgumentException("a French term of 1 to 300 characters is required");
        }
    }
}
