package io.relais.terminology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Service;

import io.relais.terminology.Suggestions.MemoryMatch;
import io.relais.terminology.Suggestions.TermHit;
import io.relais.terminology.internal.MemoryIndex;

/**
 * What the workbench offers beside a segment: translation memory matches with their score, the glossary terms of
 * its French (titles too), and the fixes editors made before ({@link LearnedFixes}). Each offer carries an edit of
 * the exact text it was computed on.
 */
@Service
public class SegmentSuggestions {

    /** Memory matches below this likeness of the French segments (0-100) are not offered. */
    public static final int MEMORY_THRESHOLD = 60;

    private static final Pattern OUTER = Pattern.compile("^(\\s*<([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>)(.*)(</\\2>\\s*)$",
            Pattern.DOTALL);

    private final MemoryIndex memory;
    private final Glossary glossary;
    private final LearnedFixes fixes;

    SegmentSuggestions(MemoryIndex memory, Glossary glossary, LearnedFixes fixes) {
        this.memory = memory;
        this.glossary = glossary;
        this.fixes = fixes;
    }

    public Suggestions suggest(SuggestionRequest r) {
        SegmentText target = r.target();
        return new Suggestions(target.fingerprint(), memory(r), terms(r), fixes.offers(r.lang(), r.source(), target,
                r.articleId()).stream().limit(r.limit() * 4L).toList());
    }

    /**
     * Memory matches: the same French segment first, then editors' texts before the engine's, then the likest; a
     * match that says what the segment already says is left out.
     */
    List<MemoryMatch> memory(SuggestionRequest r) {
        String current = r.target().plain().strip();
        List<MemoryMatch> matches = new ArrayList<>();
        for (MemoryIndex.Hit hit : memory.search(r.source().plain(), r.lang(), MEMORY_THRESHOLD, r.limit() * 2)) {
            String replacement = inFormat(hit.target(), r.target());
            String replacementPlain = r.target().html() ? new SegmentText(replacement, SegmentText.Format.HTML).plain()
                    : replacement;
            if (replacementPlain.strip().equals(current) || matches.stream().anyMatch(m -> m.replacement().equals(replacement))) {
                continue;
            }
            matches.add(new MemoryMatch(hit.score(), hit.exact(), hit.origin(), hit.source(), hit.target(), replacement,
                    TextEdit.whole(r.target(), replacement), hit.at()));
        }
        matches.sort(Comparator.comparing((MemoryMatch m) -> !m.exact()).thenComparing(m -> !"EDITOR".equals(m.origin()))
                .thenComparing(MemoryMatch::score, Comparator.reverseOrder()));
        return matches.stream().limit(r.limit()).toList();
    }

    /** A remembered translation written as the segment is: plain text for a plain segment, in its block for HTML. */
    static String inFormat(String remembered, SegmentText segment) {
        boolean rememberedHtml = remembered.strip().startsWith("<");
        if (!segment.html()) {
            return rememberedHtml ? Jsoup.parseBodyFragment(remembered).text() : remembered;
        }
        if (rememberedHtml) {
            Matcher outer = OUTER.matcher(segment.text());
            Matcher theirs = OUTER.matcher(remembered);
            if (outer.matches() && theirs.matches() && !outer.group(2).equalsIgnoreCase(theirs.group(2))) {
                return outer.group(1) + theirs.group(3) + outer.group(4);   // their inner text in this segment's block
            }
            return remembered;
        }
        Matcher outer = OUTER.matcher(segment.text());
        String escaped = segment.encode(remembered);
        return outer.matches() ? outer.group(1) + escaped + outer.group(4) : escaped;
    }

    /** The glossary terms in the French segment, and whether the translation writes them as the glossary does. */
    List<TermHit> terms(SuggestionRequest r) {
        String source = r.source().plain();
        String target = r.target().plain();
        List<TermHit> hits = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        for (Map.Entry<String, String> term : glossary.termsFor(r.lang()).entrySet()) {
            Matcher m = wholeWord(term.getKey()).matcher(source);
            while (m.find()) {
                int start = m.start();
                int end = m.end();
                if (taken.stream().anyMatch(t -> start < t[1] && end > t[0])) {
                    continue;   // inside a longer term found first (“Marine Le Pen” before “Le Pen”)
                }
                taken.add(new int[] {start, end});
                SegmentText.Span s = r.source().toTextSpan(start, end);
                Matcher t = wholeWord(term.getValue()).matcher(target);
                SegmentText.Span in = t.find() ? r.target().toTextSpan(t.start(), t.end()) : null;
                hits.add(new TermHit(term.getKey(), term.getValue(), term.getKey().equals(term.getValue()), s.start(),
                        s.end(), in != null, in == null ? -1 : in.start(), in == null ? -1 : in.end()));
            }
        }
        hits.sort(Comparator.comparingInt(TermHit::sourceStart));
        return hits;
    }

    private static Pattern wholeWord(String term) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])");
    }
}
