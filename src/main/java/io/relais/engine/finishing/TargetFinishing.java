package io.relais.engine.finishing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import io.relais.engine.HtmlBlocks;
import io.relais.engine.TextFormat;

/**
 * Finishes a machine translation in its target language: its typography ({@link Typography}), then LanguageTool's
 * safe corrections ({@link SafeCorrections}). In HTML only text is touched, one text node at a time.
 */
public class TargetFinishing {

    /** A finished text and the corrections made to it. */
    public record Finished(String text, List<Correction> corrections) {
    }

    private final boolean typography;
    private final SafeCorrections corrections;

    public TargetFinishing(boolean typography, SafeCorrections corrections) {
        this.typography = typography;
        this.corrections = corrections;
    }

    /** No finishing at all. */
    public static TargetFinishing none() {
        return new TargetFinishing(false, new SafeCorrections(Map.of()));
    }

    public Finished finish(String text, TextFormat format, String target) {
        return finish(text, format, target, null);
    }

    /**
     * {@link #finish(String, TextFormat, String)} of a translation of {@code french} (plain text; null: unknown), whose
     * words LanguageTool's spell checkers pass over.
     */
    public Finished finish(String text, TextFormat format, String target, String french) {
        boolean typo = typography && Typography.appliesTo(target);
        boolean lt = corrections.appliesTo(target);
        if (!typo && !lt || text == null || text.isEmpty()) {
            return new Finished(text, List.of());
        }
        List<Correction> made = new ArrayList<>();
        Consumer<Correction> record = made::add;
        if (format == TextFormat.PLAIN) {
            String out = typo ? Typography.apply(text, target, record) : text;
            return new Finished(lt ? corrections.apply(out, target, record, french) : out, made);
        }
        Document doc = HtmlBlocks.parse(text);
        List<TextNode> nodes = textNodes(doc);
        if (typo) {
            for (TextNode node : nodes) {
                String before = node.getWholeText();
                String after = Typography.apply(before, target, record);
                if (!after.equals(before)) {
                    node.text(after);
                }
            }
        }
        if (lt) {
            correctAcrossNodes(doc.body(), nodes, target, record, french);
        }
        return made.isEmpty() ? new Finished(text, made) : new Finished(doc.body().html(), made);
    }

    /**
     * LanguageTool reads the text of the block as a whole (a text node after a link is not a sentence start), with
     * its whitespace as the quality check reads it ({@link CheckedView}), so that the check finds this run in
     * LanguageTool's cache; a correction is made only where it falls inside one text node, so that markup is never
     * moved.
     */
    private void correctAcrossNodes(Element body, List<TextNode> nodes, String target, Consumer<Correction> record,
                                    String french) {
        StringBuilder whole = new StringBuilder();
        int[] starts = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            starts[i] = whole.length();
            whole.append(nodes.get(i).getWholeText());
        }
        CheckedView view = CheckedView.of(body);
        List<SafeCorrections.Match> applied = SafeCorrections.applicable(view.text(),
                corrections.matchesOfTranslation(view.text(), target, french).stream()
                        .filter(m -> insideOneNode(view.inBlock(m), starts, whole.length())).toList());
        if (applied.isEmpty()) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            int start = starts[i];
            int end = i + 1 < nodes.size() ? starts[i + 1] : whole.length();
            List<SafeCorrections.Match> inside = applied.stream().map(view::inBlock)
                    .filter(m -> m.from() >= start && m.to() <= end)
                    .map(m -> new SafeCorrections.Match(m.rule(), m.message(), m.from() - start, m.to() - start,
                            m.replacement()))
                    .toList();
            if (!inside.isEmpty()) {
                nodes.get(i).text(SafeCorrections.applyMatches(nodes.get(i).getWholeText(), inside, record));
            }
        }
        String corrected = CheckedView.of(body).text();
        // the check of the corrected block is derived from this run only when the view of the corrected block is
        // the view with the replacements made (a replacement next to collapsed whitespace may not be)
        if (corrected.equals(SafeCorrections.applyMatches(view.text(), applied, c -> { }))) {
            corrections.tellCorrected(view.text(), target, applied, corrected, french);
        }
    }

    /**
     * A block's text as the quality check reads it — jsoup's {@code text()}: runs of whitespace (no-break spaces
     * included) as one space, a space where a block element (a list item, say) or a line break starts or ends, none at
     * either end — with, for each of its characters, where it is in the concatenated text of the block's text nodes.
     * Written by hand because jsoup gives the normalised text but not where its characters came from.
     */
    static final class CheckedView {

        private final String text;
        private final int[] origin;

        private CheckedView(String text, int[] origin) {
            this.text = text;
            this.origin = origin;
        }

        String text() {
            return text;
        }

        /** The view of plain text (no elements). */
        static CheckedView of(CharSequence plain) {
            Builder b = new Builder(plain.length());
            b.append(plain, 0);
            return b.build();
        }

        /** The view of an element's content, offsets into the concatenation of its text nodes in document order. */
        static CheckedView of(Element root) {
            Builder b = new Builder(64);
            int[] offset = {0};
            root.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        b.append(t.getWholeText(), offset[0]);
                        offset[0] += t.getWholeText().length();
                    } else if (depth > 0 && node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                        b.boundary(offset[0]);
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (depth > 0 && node instanceof Element e && e.isBlock()) {
                        b.boundary(offset[0]);
                    }
                }
            });
            return b.build();
        }

        /** A match on this view as a match on the text nodes' text. */
        SafeCorrections.Match inBlock(SafeCorrections.Match m) {
            int from = origin[m.from()];
            int to = m.to() > m.from() ? origin[m.to() - 1] + 1 : from;
            return new SafeCorrections.Match(m.rule(), m.message(), from, to, m.replacement());
        }

        private static final class Builder {

            private final StringBuilder text;
            private int[] origin;
            private boolean pendingSpace;
            private int spaceAt;

            Builder(int capacity) {
                text = new StringBuilder(capacity);
                origin = new int[capacity + 1];
            }

            void append(CharSequence chars, int base) {
                for (int i = 0; i < chars.length(); i++) {
                    char c = chars.charAt(i);
                    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00a0') {
                        boundary(base + i);
                        continue;
                    }
                    if (pendingSpace && text.length() > 0) {
                        add(' ', spaceAt);
                    }
                    pendingSpace = false;
                    add(c, base + i);
                }
            }

            /** Whitespace, or a block's edge, at this offset: one space if text follows. */
            void boundary(int at) {
                if (!pendingSpace) {
                    pendingSpace = true;
                    spaceAt = at;
                }
            }

            private void add(char c, int at) {
                if (text.length() + 1 >= origin.length) {
                    origin = Arrays.copyOf(origin, origin.length * 2 + 2);
                }
                origin[text.length()] = at;
                text.append(c);
            }

            CheckedView build() {
                int length = text.length();
                int[] exact = Arrays.copyOf(origin, length + 1);
                exact[length] = length == 0 ? 0 : exact[length - 1] + 1;
                return new CheckedView(text.toString(), exact);
            }
        }
    }

    private static boolean insideOneNode(SafeCorrections.Match m, int[] starts, int length) {
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : length;
            if (m.from() >= starts[i] && m.to() <= end) {
                return true;
            }
        }
        return false;
    }

    private static List<TextNode> textNodes(Document doc) {
        List<TextNode> nodes = new ArrayList<>();
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                nodes.add(t);
            }
        });
        return nodes;
    }
}
