package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import io.relais.article.Article;
import io.relais.article.Revisions;
import io.relais.engine.HtmlBlocks;
import io.relais.terminology.SegmentText;
import io.relais.translation.Translation;

/**
 * What the review screen shows of a translation: its cells (each beside its French, with its state: the machine's
 * text, edited, confirmed), the diff between the machine's text and the editor's, and what changed in the French when
 * a corrected article came back.
 */
@Component
class Workbench {

    /**
     * One cell as a page shows it.
     *
     * @param key         {@code title}, {@code summary} or {@code body:N}
     * @param format      {@code plain} or {@code html} (a body block, outer tag included)
     * @param text        the working copy's text
     * @param fingerprint of {@code text} (what a save names as its base, and checks and suggestions carry)
     * @param french      the French facing it (HTML for a body cell, headings turned into paragraphs)
     * @param frenchText  the French as the source of a copy ({@code text} of the French block, as stored)
     * @param state       {@code machine}, {@code edited}, {@code confirmed} or {@code empty}
     */
    record CellView(String key, String format, String text, String fingerprint, String french, String frenchText,
                    String state, String editedBy, OffsetDateTime editedAt, String confirmedBy) {

        public int number() {
            int i = Cells.index(key);
            return i < 0 ? 0 : i + 1;
        }

        public boolean html() {
            return "html".equals(format);
        }
    }

    private final Revisions revisions;
    private final Drafts drafts;
    private final Versions versions;

    Workbench(Revisions revisions, Drafts drafts, Versions versions) {
        this.revisions = revisions;
        this.drafts = drafts;
        this.versions = versions;
    }

    /** The cells of a working copy, in text order. */
    List<CellView> cells(Translation t, Article source, WorkingCopy w) {
        WorkingCopy machine = versions.machine(t);
        Map<String, Drafts.CellMark> marks = drafts.marks(t.id());
        List<String> frenchCells = Cells.cells(source.body());
        boolean frenchSummary = source.summary() != null && !source.summary().isBlank();
        List<CellView> out = new ArrayList<>();
        for (String key : w.keys(frenchCells.size(), frenchSummary)) {
            String text = w.text(key);
            String fingerprint = SegmentText.fingerprint(text);
            String frenchText = switch (key) {
                case Cells.TITLE -> source.title();
                case Cells.SUMMARY -> source.summary() == null ? "" : source.summary();
                default -> Cells.index(key) < frenchCells.size() ? frenchCells.get(Cells.index(key)) : "";
            };
            boolean html = Cells.BODY.equals(Cells.field(key));
            Drafts.CellMark mark = marks.get(key);
            String state = text.isBlank() || (html && Jsoup.parseBodyFragment(text).text().isBlank()
                    && !text.contains("<img")) ? "empty"
                    : mark != null && fingerprint.equals(mark.confirmedFingerprint()) ? "confirmed"
                    : text.equals(machine.text(key)) ? "machine" : "edited";
            out.add(new CellView(key, html ? "html" : "plain", text, fingerprint,
                    html ? displayed(frenchText) : frenchText, frenchText, state,
                    mark == null ? null : mark.editedBy(), mark == null ? null : mark.editedAt(),
                    mark != null && "confirmed".equals(state) ? mark.confirmedBy() : null));
        }
        return out;
    }

    /** A French block as the page shows it: a heading is shown as a paragraph (the page has its own headings). */
    static String displayed(String block) {
        if (block == null || block.isBlank()) {
            return "";
        }
        Document doc = HtmlBlocks.parse(block);
        for (Element heading : doc.body().select("h1, h2, h3, h4, h5, h6")) {
            heading.addClass("heading").tagName("p");
        }
        return doc.body().html();
    }

    void describe(Translation t, Article source, WorkingCopy w, Model model) {
        machineDiff(t, w, model);
        frenchChanges(source, t, model);
    }

    /** The machine's text (the batch's or the latest re-translation's) against the editor's (the draft included). */
    private void machineDiff(Translation t, WorkingCopy w, Model model) {
        if (w.body() == null) {
            return;
        }
        WorkingCopy machine = versions.machine(t);
        String machineText = text(machine.title()) + "\n" + text(machine.body());
        String editorText = text(w.title()) + "\n" + text(w.body());
        if (WordDiff.differ(machineText, editorText)) {
            model.addAttribute("machineDiffTitle", WordDiff.html(text(machine.title()), text(w.title())));
            model.addAttribute("machineDiffBody", WordDiff.html(text(machine.body()), text(w.body())));
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

    static String text(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).text();
    }
}
