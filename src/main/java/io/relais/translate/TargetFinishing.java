package io.relais.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

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
        return new TargetFinishing(false, new SafeCorrections(java.util.Map.of()));
    }

    public Finished finish(String text, TextFormat format, String target) {
        boolean typo = typography && Typography.appliesTo(target);
        boolean lt = corrections.appliesTo(target);
        if (!typo && !lt || text == null || text.isEmpty()) {
            return new Finished(text, List.of());
        }
        List<Correction> made = new ArrayList<>();
        Consumer<Correction> record = made::add;
        if (format == TextFormat.PLAIN) {
            String out = typo ? Typography.apply(text, target, record) : text;
            return new Finished(lt ? corrections.apply(out, target, record) : out, made);
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
            correctAcrossNodes(nodes, target, record);
        }
        return made.isEmpty() ? new Finished(text, made) : new Finished(doc.body().html(), made);
    }

    /**
     * LanguageTool reads the text of the block as a whole (a text node after a link is not a sentence start); a
     * correction is made only where it falls inside one text node, so that markup is never moved.
     */
    private void correctAcrossNodes(List<TextNode> nodes, String target, Consumer<Correction> record) {
        StringBuilder whole = new StringBuilder();
        int[] starts = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            starts[i] = whole.length();
            whole.append(nodes.get(i).getWholeText());
        }
        // no-break spaces read as spaces, as the quality check reads the block (jsoup's text()): the check then finds
        // this run in LanguageTool's cache instead of reading the block again (same length: offsets stay the nodes')
        String text = asChecked(whole);
        List<SafeCorrections.Match> applied = SafeCorrections.applicable(text, corrections.matches(text, target).stream()
                .filter(m -> insideOneNode(m, starts, text.length())).toList());
        if (applied.isEmpty()) {
            return;
        }
        for (int i = 0; i < nodes.size(); i++) {
            int start = starts[i];
            int end = i + 1 < nodes.size() ? starts[i + 1] : text.length();
            List<SafeCorrections.Match> inside = applied.stream().filter(m -> m.from() >= start && m.to() <= end)
                    .map(m -> new SafeCorrections.Match(m.rule(), m.message(), m.from() - start, m.to() - start,
                            m.replacement()))
                    .toList();
            if (!inside.isEmpty()) {
                nodes.get(i).text(SafeCorrections.applyMatches(nodes.get(i).getWholeText(), inside, record));
            }
        }
        StringBuilder after = new StringBuilder();
        nodes.forEach(n -> after.append(n.getWholeText()));
        corrections.tellCorrected(text, target, applied, asChecked(after));
    }

    private static String asChecked(CharSequence blockText) {
        return blockText.toString().replace('\u00a0', ' ');
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
