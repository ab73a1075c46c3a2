package io.relais.console.internal;

import java.util.ArrayList;
import java.util.List;

import io.relais.terminology.GlossaryTerm;

/**
 * The glossary as TSV, the format of {@code glossary/seed.tsv}: target language ({@code *} for all), French term,
 * translation (empty: keep the term as it is); lines starting with {@code #} are comments.
 */
final class GlossaryTsv {

    /** One line read back, or why it could not be. */
    record Line(int number, String target, String source, String translation, String problem) {
    }

    private GlossaryTsv() {
    }

    static String write(List<GlossaryTerm> terms) {
        StringBuilder out = new StringBuilder("# target\tFrench term\ttranslation (empty: keep as is)\n");
        for (GlossaryTerm term : terms) {
            out.append(term.targetLang()).append('\t').append(clean(term.sourceTerm())).append('\t')
                    .append(term.targetTerm() == null ? "" : clean(term.targetTerm())).append('\n');
        }
        return out.toString();
    }

    static List<Line> read(String tsv, List<String> languages) {
        List<Line> lines = new ArrayList<>();
        String[] raw = tsv.replace("\r\n", "\n").split("\n");
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            String target = cells[0].strip();
            String source = cells.length > 1 ? cells[1].strip() : "";
            String translation = cells.length > 2 && !cells[2].isBlank() ? cells[2].strip() : null;
            String problem = cells.length < 2 || cells.length > 3 ? "expected 2 or 3 cells separated by tabs"
                    : !target.equals("*") && !languages.contains(target) ? "unknown target language '" + target + "'"
                    : source.isEmpty() ? "no French term"
                    : source.length() > 300 || translation != null && translation.length() > 300 ? "longer than 300 characters"
                    : null;
            lines.add(new Line(i + 1, target, source, translation, problem));
        }
        return lines;
    }

    private static String clean(String cell) {
        return cell.replace('\t', ' ').replace('\n', ' ');
    }
}
