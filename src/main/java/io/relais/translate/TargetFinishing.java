package io.relais.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
        UnaryOperator<String> finish = s -> {
            String out = typo ? Typography.apply(s, target, record) : s;
            return lt ? corrections.apply(out, target, record) : out;
        };
        if (format == TextFormat.PLAIN) {
            return new Finished(finish.apply(text), made);
        }
        Document doc = HtmlBlocks.parse(text);
        for (TextNode node : textNodes(doc)) {
            String before = node.getWholeText();
            String after = finish.apply(before);
            if (!after.equals(before)) {
                node.text(after);
            }
        }
        return made.isEmpty() ? new Finished(text, made) : new Finished(doc.body().html(), made);
    }

    private static List<TextNode> textNodes(Document doc) {
        List<TextNode> nodes = new ArrayList<>();
        doc.body().traverse((node, depth) -> {
            if (node instanceof TextNode t && !t.isBlank()) {
                nodes.add(t);
            }
        });
        return nodes;
    }
}
