package io.relais.review.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.relais.article.Article;
import io.relais.article.Revisions;
import io.relais.translation.Translation;
import io.relais.terminology.Glossary;
import io.relais.engine.HtmlBlocks;

/**
 * What the review screen shows beside the text: the segments aligned (French and translation, doubtful ones
 * first, with the glossary terms each contains), the diff between the machine's text and the editor's, and what
 * changed in the French when a corrected article came back.
 */
@Component
class Workbench {

    /** One aligned pair of segments, with what makes it doubtful and the glossary terms it contains. */
    record Segment(int number, String french, String translation, List<String> problems, List<String> terms) {

        public boolean doubtful() {
            return !problems.isEmpty();
        }
    }

    private final Glossary glossary;
    private final Revisions revisions;

    Workbench(Glossary glossary, Revisions revisions) {
        this.glossary = glossary;
        this.revisions = revisions;
    }

    void describe(Translation t, Article source, List<FlaggedIssue> issues, List<AuditEntry> audit,
                  boolean textOrder, Model model) {
        List<Segment> segments = segments(t, source, issues);
        model.addAttribute("segments", textOrder ? segments : segments.stream()
                .sorted(Comparator.comparing((Segment s) -> !s.doubtful()).thenComparing(Segment::number)).toList());
        model.addAttribute("doubtful", segments.stream().filter(Segment::doubtful).count());
        model.addAttribute("textOrder", textOrder);
        machineDiff(t, audit, model);
        frenchChanges(source, t, model);
    }

    private List<Segment> segments(Translation t, Article source, List<FlaggedIssue> issues) {
        List<String> french = HtmlBlocks.split(source.body());
        List<String> translated = t.body() == null ? List.of() : HtmlBlocks.split(t.body());
        Map<String, String> terms = glossary.termsFor(t.lang());
        List<Segment> segments = new ArrayList<>();
        boolean[] placed = new boolean[issues.size()];
        for (int i = 0; i < Math.max(french.size(), translated.size()); i++) {
            String fr = i < french.size() ? french.get(i) : "";
            String tr = i < translated.size() ? translated.get(i) : "";
            String frText = Jsoup.parseBodyFragment(fr).text();
            String trText = Jsoup.parseBodyFragment(tr).text();
            List<String> problems = new ArrayList<>();
            if (tr.isBlank() && !fr.isBlank()) {
                problems.add("—");
            }
            for (int k = 0; k < issues.size(); k++) {
                FlaggedIssue issue = issues.get(k);
                String flagged = issue.flagged();
                if (!placed[k] && "body".equals(issue.field()) && !flagged.isBlank() && trText.contains(flagged)) {
                    placed[k] = true;
                    problems.add(flagged + ": " + issue.message());
                }
            }
            List<String> found = new ArrayList<>();
            terms.forEach((term, rendering) -> {
                if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])").matcher(frText).find()) {
                    found.add(term.equals(rendering) ? term : term + " → " + rendering);
                }
            });
            segments.add(new Segment(i + 1, fr, tr, problems, found));
        }
        return segments;
    }

    /** The machine's text is the one before the first edit, or the latest re-translation's. */
    private static void machineDiff(Translation t, List<AuditEntry> audit, Model model) {
        if (audit.isEmpty() || t.body() == null) {
            return;
        }
        AuditEntry machine = audit.get(0);
        String title = machine.titleBefore();
        String body = machine.bodyBefore();
        for (AuditEntry entry : audit) {
            if ("RETRANSLATE".equals(entry.action())) {
                title = entry.titleAfter();
                body = entry.bodyAfter();
            }
        }
        String machineText = text(title) + "\n" + text(body);
        String editorText = text(t.title()) + "\n" + text(t.body());
        if (WordDiff.differ(machineText, editorText)) {
            model.addAttribute("machineDiffTitle", WordDiff.html(text(title), text(t.title())));
            model.addAttribute("machineDiffBody", WordDiff.html(text(body), text(t.body())));
        }
    }

    /** A corrected French article: what changed since the revision before. */
    private void frenchChanges(Article source, Translation t, Model model) {
        if (t.revision() <= 1) {
            return;
        }
        revisions.find(source.id(), t.revision() - 1).ifPresent(previous -> {
            Revisions.Text current = revisions.find(source.id(), t.revision()).orElse(
                    new Revisions.Text(t.revision(), source.title(), source.summary(), source.body()));
            model.addAttribute("previousRevision", previous.revision());
            model.addAttribute("frenchDiffTitle", WordDiff.html(text(previous.title()), text(current.title())));
            model.addAttribute("frenchDiffBody", WordDiff.html(text(previous.body()), text(current.body())));
        });
    }

    private static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
