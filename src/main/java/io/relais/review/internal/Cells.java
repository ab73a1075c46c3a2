package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;

import io.relais.engine.HtmlBlocks;
import io.relais.terminology.SegmentText;

/**
 * A translation's text as the workbench's cells: the title ({@code title}), the summary ({@code summary}) and one
 * cell per body block ({@code body:0}, {@code body:1}...: the blocks {@link HtmlBlocks#split} gives, leaving out the
 * whitespace between them). A body cell is the block's whole HTML, outer tag included, as it is stored. Cells are
 * numbered by their place, so that the French block and the translated block of a number face each other.
 */
final class Cells {

    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    private static final String BODY_CELL = "body:";

    private Cells() {
    }

    /** Whether {@code key} names a cell ({@code title}, {@code summary}, {@code body:N}) or the whole body. */
    static boolean valid(String key) {
        if (TITLE.equals(key) || SUMMARY.equals(key) || BODY.equals(key)) {
            return true;
        }
        if (key == null || !key.startsWith(BODY_CELL) || key.length() > BODY_CELL.length() + 5) {
            return false;
        }
        String n = key.substring(BODY_CELL.length());
        return !n.isEmpty() && n.chars().allMatch(Character::isDigit);
    }

    static String bodyKey(int index) {
        return BODY_CELL + index;
    }

    /** The body cell's number, or -1 for the title, the summary and the whole body. */
    static int index(String key) {
        return key != null && key.startsWith(BODY_CELL) ? Integer.parseInt(key.substring(BODY_CELL.length())) : -1;
    }

    /** The field a cell belongs to, as the checks name it. */
    static String field(String key) {
        return TITLE.equals(key) || SUMMARY.equals(key) ? key : BODY;
    }

    /** The body's blocks, whitespace between them included (joined, they give the body). */
    static List<String> blocks(String body) {
        return body == null || body.isEmpty() ? new ArrayList<>() : new ArrayList<>(HtmlBlocks.split(body));
    }

    /** The body's cells: its blocks that are not whitespace. */
    static List<String> cells(String body) {
        return blocks(body).stream().filter(b -> !b.isBlank()).toList();
    }

    /** The cell's text in the body, or "" when the body has fewer cells. */
    static String cell(String body, int index) {
        List<String> cells = cells(body);
        return index < cells.size() ? cells.get(index) : "";
    }

    /**
     * The body with cell {@code index} replaced by {@code html} (the whitespace between blocks kept); a cell after
     * the last one is added at the end, after empty paragraphs for the cells missing between (a translation that
     * has fewer blocks than the French: each French block has its cell).
     */
    static String replace(String body, int index, String html) {
        List<String> blocks = blocks(body);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).isBlank()) {
                at.add(i);
            }
        }
        if (index < at.size()) {
            blocks.set(at.get(index), html);
        } else {
            for (int missing = at.size(); missing < index; missing++) {
                blocks.add("<p></p>");
            }
            blocks.add(html);
        }
        return String.join("", blocks);
    }

    /** The body as the workbench stores it: its blocks as jsoup writes them (the same DOM). */
    static String normalised(String body) {
        return body == null ? null : String.join("", blocks(body));
    }

    /** The empty paragraphs a cell added at the end left behind (a translation is not stored with empty cells). */
    static String withoutEmptyCells(String body) {
        if (body == null) {
            return null;
        }
        List<String> blocks = blocks(body);
        while (!blocks.isEmpty() && (blocks.get(blocks.size() - 1).isBlank() || empty(blocks.get(blocks.size() - 1)))) {
            blocks.remove(blocks.size() - 1);
        }
        return String.join("", blocks);
    }

    private static boolean empty(String block) {
        return block.matches("<(p|div|h[1-6])>\\s*</\\1>");
    }

    /** A cell's text as the checks and the suggestions take it. */
    static SegmentText segment(String key, String text) {
        return BODY.equals(field(key)) ? SegmentText.html(text == null ? "" : text) : SegmentText.plain(text);
    }
}
