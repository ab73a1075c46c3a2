package io.relais.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.languagetool.Languages;
import org.languagetool.tokenizers.SentenceTokenizer;

import io.relais.article.Article;
import io.relais.engine.HtmlBlocks;

/**
 * Splits a paragraph-level HTML block into sentences with LanguageTool's French sentence rules (SRX), but only
 * where no inline element (a link, emphasis) spans the boundary, so that every piece is well-formed HTML that any
 * engine can translate on its own. Written by hand around the tokenizer because it works on plain text: this class
 * maps its offsets back into the markup.
 */
public final class SentenceSegments {

    /** A block cut into sentences: {@code prefix + s0 + gap0 + s1 + gap1 + ... + suffix} is the block again. */
    public record Split(String prefix, List<String> sentences, List<String> gaps, String suffix) {
    }

    private static final SentenceTokenizer FRENCH = Languages.getLanguageForShortCode(Article.SOURCE_LANGUAGE).getSentenceTokenizer();
    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|&[#a-zA-Z0-9]+;|[^<&]+|&");
    private static final Set<String> VOID = Set.of("img", "br", "hr", "wbr", "input", "source", "area", "col", "embed");

    private SentenceSegments() {
    }

    public static Split split(String blockHtml) {
        List<Node> nodes = HtmlBlocks.parse(blockHtml).body().childNodes();
        if (nodes.size() != 1 || !(nodes.get(0) instanceof Element block) || block.children().stream().anyMatch(Element::isBlock)) {
            return new Split("", List.of(blockHtml), List.of(""), "");
        }
        String outer = block.outerHtml();
        String inner = block.html();
        int at = outer.indexOf('>') + 1;
        if (!outer.startsWith(inner, at)) {
            return new Split("", List.of(blockHtml), List.of(""), "");
        }
        String prefix = outer.substring(0, at);
        String suffix = outer.substring(at + inner.length());

        StringBuilder plain = new StringBuilder();
        List<Integer> htmlIndex = new ArrayList<>();
        List<Integer> depthAt = new ArrayList<>();
        int depth = 0;
        Matcher token = TOKEN.matcher(inner);
        while (token.find()) {
            String t = token.group();
            if (t.startsWith("<")) {
                String name = t.replaceAll("^</?\\s*([a-zA-Z0-9]+).*$", "$1").toLowerCase();
                if (t.startsWith("</")) {
                    depth--;
                } else if (!VOID.contains(name) && !t.endsWith("/>")) {
                    depth++;
                }
            } else if (t.startsWith("&") && t.length() > 1) {
                plain.append(Parser.unescapeEntities(t, false).charAt(0));
                htmlIndex.add(token.start());
                depthAt.add(depth);
            } else {
                for (int i = 0; i < t.length(); i++) {
                    plain.append(t.charAt(i));
                    htmlIndex.add(token.start() + i);
                    depthAt.add(depth);
                }
            }
        }
        List<Integer> cuts = new ArrayList<>();
        int offset = 0;
        List<String> sentences = FRENCH.tokenize(plain.toString());
        for (int i = 0; i < sentences.size() - 1; i++) {
            offset += sentences.get(i).length();
            if (offset >= htmlIndex.size() || offset == 0) {
                continue;
            }
            // cut right after the whitespace that ends a sentence, if it is outside every inline element: the next
            // sentence may then start with a tag (<a>, <b>) and both pieces stay well-formed
            if (Character.isWhitespace(plain.charAt(offset - 1)) && depthAt.get(offset - 1) == 0) {
                cuts.add(htmlIndex.get(offset - 1) + 1);
            } else if (depthAt.get(offset) == 0 && depthAt.get(offset - 1) == 0) {
                cuts.add(htmlIndex.get(offset));
            }
        }
        List<String> pieces = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int from = 0;
        cuts.add(inner.length());
        for (int cut : cuts) {
            String piece = inner.substring(from, cut);
            String trimmed = piece.stripTrailing();
            pieces.add(trimmed);
            gaps.add(piece.substring(trimmed.length()));
            from = cut;
        }
        return new Split(prefix, pieces, gaps, suffix);
    }
}
