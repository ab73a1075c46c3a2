package io.relais.terminology;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relais.terminology.Suggestions.FixSuggestion;
import io.relais.terminology.internal.WordTokens;
import io.relais.terminology.internal.WordTokens.Token;

/**
 * Fixes learned from editors, offered again (propagation). When an editor changes a machine segment (a draft saved,
 * an approval), {@link #learn} compares the machine's words with the editor's and keeps each change with the French
 * words it translates; {@link #offers} finds, in another segment, the same machine words translating the same French
 * words and offers the editor's words there — at once in the other segments of the article, and in later articles of
 * the language. Nothing is ever applied by Relais: an offer is an edit of the exact text it was computed on.
 */
@Service
public class LearnedFixes {

    /** A change longer than this (in words, on either side) is a rewrite, not a fix to repeat elsewhere. */
    static final int MAX_WORDS = 6;
    private static final int MAX_LENGTH = 500;

    private static final RowMapper<LearnedFix> ROW = (rs, i) -> new LearnedFix(rs.getLong("id"), rs.getString("lang"),
            rs.getString("source_words"), rs.getString("machine_words"), rs.getString("editor_words"),
            rs.getString("editor"), rs.getLong("article_id"), rs.getLong("translation_id"), rs.getString("field"),
            rs.getObject("learned_at", OffsetDateTime.class), rs.getBoolean("approved"));

    /** A learned fix and the fingerprint of the French segment it was learned on. */
    private record Candidate(LearnedFix fix, String sourceFingerprint) {
    }

    private static final RowMapper<Candidate> CANDIDATE = (rs, i) -> new Candidate(ROW.mapRow(rs, i),
            rs.getString("source_fingerprint"));

    private final JdbcClient jdbc;
    private final ObjectProvider<WordGlosses> glosses;

    LearnedFixes(JdbcClient jdbc, ObjectProvider<WordGlosses> glosses) {
        this.jdbc = jdbc;
        this.glosses = glosses;
    }

    /**
     * Learns what the editor changed in one segment, replacing what was learned before from the same segment (the
     * drafts of a segment do not pile up: the last one says what the editor meant). An approval's fixes are marked
     * approved.
     *
     * @return what was learned (nothing when the editor's text has the machine's words)
     */
    @Transactional
    public List<LearnedFix> learn(FixOrigin origin, SegmentText french, SegmentText machine, SegmentText edited) {
        String sourceFingerprint = french.fingerprint();
        jdbc.sql("delete from learned_fix where translation_id = ? and field = ? and source_fingerprint = ?")
                .params(origin.translationId(), origin.field(), sourceFingerprint).update();
        String machinePlain = machine.plain();
        String editedPlain = edited.plain();
        List<Change> changes = changes(WordTokens.of(machinePlain), WordTokens.of(editedPlain), machinePlain, editedPlain);
        if (changes.isEmpty()) {
            return List.of();
        }
        String frenchPlain = french.plain();
        Map<String, String> glossed = gloss(frenchPlain, origin.lang());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (Change change : changes) {
            if (copiedFromFrench(change.editor(), frenchPlain, glossed, machinePlain)) {
                continue;   // the French copied into the cell (whole or in part) is not a translation
            }
            String anchor = anchor(change.machine(), frenchPlain, glossed);
            String machineKey = key(change.machine());
            // once per segment: a save of the same segment at the same moment (another editor, another node) has
            // deleted and inserted the same fix, and its insert wins
            jdbc.sql("""
                    insert into learned_fix (lang, source_words, machine_words, editor_words, machine_key, article_id,
                        translation_id, field, source_fingerprint, editor, approved, learned_at, fix_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(origin.lang(), anchor, change.machine(), change.editor(), machineKey,
                            origin.articleId(), origin.translationId(), origin.field(), sourceFingerprint,
                            origin.editor(), origin.approved(), now, fixKey(machineKey, change.editor()))
                    .update();
        }
        return jdbc.sql("""
                select * from learned_fix where translation_id = ? and field = ? and source_fingerprint = ? order by id""")
                .params(origin.translationId(), origin.field(), sourceFingerprint).query(ROW).list();
    }

    /** What a fix is unique by in its segment: the SHA-256 of the machine's key and the editor's words (as V95). */
    static String fixKey(String machineKey, String editorWords) {
        return DigestUtils.sha256Hex(machineKey + '\u001f' + editorWords);
    }

    /**
     * The learned fixes that apply to a segment: its text has the machine's words where its French has the French
     * words they translate. Fixes learned in this article first (a fix whose French words could not be told is offered
     * in its own article only), then approved ones, then the newest; the segment a fix was learned on is left out.
     */
    public List<FixSuggestion> offers(String lang, SegmentText french, SegmentText target, long articleId) {
        String plain = target.plain();
        List<Token> tokens = WordTokens.of(plain);
        if (tokens.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int n = 1; n <= MAX_WORDS && i + n <= tokens.size(); n++) {
                keys.add(key(plain.substring(tokens.get(i).start(), tokens.get(i + n - 1).end())));
            }
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += 200) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 200));
            String marks = String.join(", ", chunk.stream().map(k -> "?").toList());
            List<Object> params = new ArrayList<>();
            params.add(lang);
            params.addAll(chunk);
            candidates.addAll(jdbc.sql("select * from learned_fix where lang = ? and machine_key in (" + marks + ")")
                    .params(params).query(CANDIDATE).list());
        }
        String frenchPlain = french.plain();
        String sourceFingerprint = french.fingerprint();
        candidates.sort(Comparator.comparing((Candidate c) -> c.fix().articleId() != articleId)
                .thenComparing(c -> !c.fix().approved())
                .thenComparing(c -> c.fix().at(), Comparator.reverseOrder()));
        Map<String, FixSuggestion> offers = new LinkedHashMap<>();
        for (Candidate candidate : candidates) {
            LearnedFix fix = candidate.fix();
            boolean sameArticle = fix.articleId() == articleId;
            if (sameArticle && sourceFingerprint.equals(candidate.sourceFingerprint())) {
                continue;
            }
            if (fix.sourceWords().isBlank() ? !sameArticle : !containsAll(frenchPlain, fix.sourceWords())) {
                continue;
            }
            Matcher m = wholeWords(fix.machineWords()).matcher(plain);
            while (m.find()) {
                String replacement = caseLike(m.group(), fix.machineWords(), fix.editorWords());
                SegmentText.Span span = target.toTextSpan(m.start(), m.end());
                if (span.crossesMarkup()) {
                    continue;
                }
                offers.putIfAbsent(m.start() + ":" + m.end() + ":" + replacement, new FixSuggestion(fix, span.start(),
                        span.end(), m.group(), replacement, TextEdit.of(target, span.start(), span.end(), replacement),
                        sameArticle));
            }
        }
        return List.copyOf(offers.values());
    }

    /**
     * An approval undone (the translation back to review): what it taught is no longer approved — still offered, as
     * a draft's fix is, after the approved ones.
     *
     * @return how many fixes were approved
     */
    public int unapprove(long translationId) {
        return jdbc.sql("update learned_fix set approved = ? where translation_id = ? and approved = ?")
                .params(false, translationId, true).update();
    }

    /** What was learned in an article's translation into a language, newest first. */
    public List<LearnedFix> learnedIn(long articleId, String lang) {
        return jdbc.sql("select * from learned_fix where article_id = ? and lang = ? order by learned_at desc, id desc")
                .params(articleId, lang).query(ROW).list();
    }

    /** One change of words: the machine's (never empty) and the editor's (empty for a deletion). */
    record Change(String machine, String editor) {
    }

    /**
     * The word-level changes from the machine's text to the editor's (a longest common subsequence of the words).
     * An insertion is tied to the machine word before it (or after it, at the start), so that it has machine words
     * to be found by.
     */
    static List<Change> changes(List<Token> machine, List<Token> edited, String machineText, String editedText) {
        int n = machine.size();
        int m = edited.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = machine.get(i).text().equals(edited.get(j).text()) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Change> changes = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && machine.get(i).text().equals(edited.get(j).text())) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while (i < n || j < m) {
                if (i < n && j < m && machine.get(i).text().equals(edited.get(j).text())) {
                    break;
                }
                if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                    j++;
                } else {
                    i++;
                }
            }
            int mi0 = i0;
            int mi1 = i;
            int ej0 = j0;
            int ej1 = j;
            if (mi0 == mi1) {
                // an insertion: take the machine word before it (after it at the start) on both sides
                if (mi0 > 0 && ej0 > 0) {
                    mi0--;
                    ej0--;
                } else if (mi1 < n && ej1 < m) {
                    mi1++;
                    ej1++;
                } else {
                    continue;
                }
            }
            if (mi1 - mi0 > MAX_WORDS || ej1 - ej0 > MAX_WORDS) {
                continue;
            }
            String machineWords = machineText.substring(machine.get(mi0).start(), machine.get(mi1 - 1).end());
            String editorWords = ej0 == ej1 ? "" : editedText.substring(edited.get(ej0).start(), edited.get(ej1 - 1).end());
            if (machineWords.length() <= MAX_LENGTH && editorWords.length() <= MAX_LENGTH
                    && !machineWords.equals(editorWords)) {
                changes.add(new Change(machineWords, editorWords));
            }
        }
        return changes;
    }

    /**
     * Whether the editor's words of a change are French left in the cell: a word of the French segment that is not
     * also its own translation (its engine gloss, as "de" or a name the engine keeps) nor a word of the machine's
     * text. That is what "Copy the French" (or pasting the source) leaves; a fix is learned only from words the editor
     * changed into the target language. Without a gloss for the word, a French word the machine did not write counts
     * as French: better not to learn a fix than to teach French as a translation.
     */
    static boolean copiedFromFrench(String editorWords, String frenchPlain, Map<String, String> glossed,
                                    String machinePlain) {
        Set<String> machine = new HashSet<>(WordTokens.lower(machinePlain));
        Map<String, String> french = new HashMap<>();
        for (Token word : WordTokens.of(frenchPlain)) {
            french.putIfAbsent(word.lower(), word.text());
        }
        for (String word : WordTokens.lower(editorWords)) {
            String frenchWord = french.get(word);
            if (frenchWord == null || machine.contains(word)) {
                continue;
            }
            String gloss = glossed.get(frenchWord);
            if (gloss == null || !WordTokens.lower(gloss).contains(word)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> gloss(String frenchPlain, String lang) {
        WordGlosses engine = glosses.getIfAvailable();
        if (engine == null) {
            return Map.of();
        }
        Collection<String> words = new LinkedHashSet<>(WordTokens.of(frenchPlain).stream().map(Token::text).toList());
        try {
            return engine.gloss(words, lang);
        } catch (RuntimeException e) {
            return Map.of();   // no glosses: the fix is tied to words the French and the machine share, if any
        }
    }

    /**
     * The French words the machine's words translate: those whose gloss shares a word with them (the same word, or
     * the same first five letters), or which are written the same (a name).
     */
    static String anchor(String machineWords, String frenchPlain, Map<String, String> glossed) {
        List<String> machine = WordTokens.lower(machineWords);
        List<String> anchor = new ArrayList<>();
        for (Token french : WordTokens.of(frenchPlain)) {
            String gloss = glossed.get(french.text());
            boolean translates = machine.contains(french.lower());
            if (!translates && gloss != null) {
                for (String g : WordTokens.lower(gloss)) {
                    if (g.length() >= 3 && machine.stream().anyMatch(w -> w.equals(g) || w.length() >= 5
                            && g.length() >= 5 && w.substring(0, 5).equals(g.substring(0, 5)))) {
                        translates = true;
                        break;
                    }
                }
            }
            if (translates && !anchor.contains(french.text())) {
                anchor.add(french.text());
            }
        }
        return String.join(" ", anchor);
    }

    private static boolean containsAll(String text, String words) {
        for (String word : words.split(" ")) {
            if (!word.isBlank() && !Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                return false;
            }
        }
        return true;
    }

    /** The machine's words wherever they are whole words, in their case or with a capital at a sentence start. */
    private static Pattern wholeWords(String words) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])"
                + "|(?<![\\p{L}\\p{N}])" + Pattern.quote(capitalised(words)) + "(?![\\p{L}\\p{N}])");
    }

    /** The editor's words capitalised where the found words are and the learned ones are not. */
    private static String caseLike(String found, String machine, String editor) {
        return !found.equals(machine) && found.equals(capitalised(machine)) ? capitalised(editor) : editor;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    static String key(String machineWords) {
        return String.join(" ", WordTokens.lower(machineWords));
    }
}
