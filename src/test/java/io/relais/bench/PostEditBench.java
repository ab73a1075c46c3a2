package io.relais.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.relais.HeadlessChromium;
import io.relais.RelaisApplication;
import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.NewArticle;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.engine.HtmlBlocks;
import io.relais.system.UserAccounts;
import io.relais.translation.Translation;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * The post-edit bench: a scripted editor in headless Chromium post-edits articles made from FLORES-200 devtest
 * (a French title and paragraphs, each a sentence) to their reference translations, through the workbench (cells,
 * suggestions applied with one key, the machine's text saved as typed), then the same articles through the raw path
 * (the title's cell and the body as one HTML textarea, no suggestion) in the same run, and prints keys and clicks
 * per article and per changed word, seconds per article, and how many reference words came from suggestions.
 * <p>
 * The editor's model is the same careful editor on both paths, who knows the reference and makes only the changes it
 * needs: a change is made where the text's words differ from the reference's (a word-level diff), one click to put
 * the caret there (a double-click selecting one word counts one click; a longer span takes a second, shift-click),
 * then the new text typed, one key per character (Backspace for a deletion). The caret and selections are placed by
 * script (counted as those clicks); keys are real key events, so that the page saves and checks as it would for a
 * person. Moving to the next segment to edit is one click on both paths (the workbench's Alt+↓ would be one key: the
 * same count); approving is one click.
 * <ul>
 * <li><b>Workbench path</b>: the title and each paragraph a cell; in each cell to change, every suggestion the page
 * numbers (memory matches, fixes learned earlier — propagation —, glossary replacements, check fixes) is tried on the
 * exact text and the best one is taken with one key (Ctrl+Shift+N) when it saves actions (its key plus the clicks
 * and keys left to reach the reference, fewer than those left without it), again until none does; then what is left
 * is typed, with predictive typing: after each letter of a word with two or more left, the words the page lists for
 * that beginning are read, and the word is taken from the list when it is there (Tab, after ↓ for the second or
 * third: one key each). (Taking every suggestion that brought the text closer in words cost more than it saved: 38
 * propagated fixes taken brought 14 reference words and left more regions to select.) A glossary term that is inserted
 * at the caret (not a replacement) is not tried.</li>
 * <li><b>Raw path</b>: the title's cell as above, then the whole body as one HTML textarea (what editors had): the
 * textarea's markup and entities are edited as characters (the target is the reference with its paragraph tags and
 * {@code &amp; &lt; &gt; &#xa0;} escaped), a region costs the same clicks as in a cell and its text one key per
 * character. Opening the raw view is not counted; nothing is counted for finding the place in a one-line wall of
 * markup (a person's eyes, not keys or clicks), which favours the raw path.</li>
 * </ul>
 * So the two paths cost the same except where the workbench's suggestions save typing: on FLORES the references are
 * independent translations, not post-edits of this engine's output (about 27 changed words a segment, most of a
 * sentence rewritten), every sentence is new (nothing in the memory), no glossary is configured, and few machine →
 * reference changes repeat with the same French words (propagation finds little to offer). The ratio says how much the
 * suggestions save on such material, not what the workbench saves a newsroom whose fixes repeat.
 * <p>
 * Usage: {@code bench/post-edit [articles] [lang] [sentences per article]} (10, es, 5).
 */
public final class PostEditBench {

    private static final Map<String, String> FLORES = Map.of("es", "spa", "ca", "cat", "en", "eng", "it", "ita",
            "pt", "por");
    /** Words, numbers, a tag, an entity, one punctuation mark, or a run of spaces. */
    private static final Pattern TOKEN = Pattern.compile("<[^>]*>|&[#a-zA-Z0-9]+;|[\\p{L}\\p{N}’'-]+|\\s+|[^\\s\\p{L}\\p{N}]");

    enum Kind { memory, propagation, glossary, check }

    /** What one path cost. */
    static final class Tally {
        long keys;
        long clicks;
        long changedWords;
        double seconds;
        int articles;
        int reached;
        /** Words finished from the list (predictive typing: Tab, after ↓ for a later one), and the letters not typed. */
        int completed;
        long completedLetters;
        final Map<Kind, Integer> fromSuggestions = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> taken = new EnumMap<>(Kind.class);

        long actions() {
            return keys + clicks;
        }
    }

    record BenchArticle(String frenchTitle, List<String> frenchParagraphs, String title, List<String> paragraphs) {
    }

    private PostEditBench() {
    }

    public static void main(String[] args) throws Exception {
        Path flores = Path.of(args.length > 0 ? args[0] : "../shared/eval/flores200");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String lang = args.length > 2 ? args[2] : "es";
        int per = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (!FLORES.containsKey(lang)) {
            throw new IllegalArgumentException("no FLORES reference for " + lang + ": one of " + FLORES.keySet());
        }
        // stripped: a few FLORES lines end with a space that no stored text keeps
        List<String> fr = Files.readAllLines(flores.resolve("devtest.fra"), StandardCharsets.UTF_8).stream()
                .map(String::strip).toList();
        List<String> ref = Files.readAllLines(flores.resolve("devtest." + FLORES.get(lang)), StandardCharsets.UTF_8)
                .stream().map(String::strip).toList();
        List<BenchArticle> bench = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            int at = (a * (per + 1)) % (fr.size() - per - 1);
            bench.add(new BenchArticle(fr.get(at), fr.subList(at + 1, at + 1 + per), ref.get(at),
                    ref.subList(at + 1, at + 1 + per)));
        }
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "post-edit bench: %d articles from FLORES-200 devtest fr→%s (a title and %d "
                + "paragraphs of one sentence each), %d cores, load average %.1f at the start%n", count, lang, per,
                Runtime.getRuntime().availableProcessors(), load);

        Path work = Path.of("target/bench-post-edit");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RelaisApplication.class)
                .logStartupInfo(false)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:postedit;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--relais.languages=" + lang, "--relais.ingest.sources=", "--relais.batch.schedule=-",
                        "--relais.batch.run-after-ingest=false",
                        "--relais.ingest.inbox-dir=" + work + "/inbox", "--relais.publish.feeds-dir=" + work + "/feeds",
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Articles articles = context.getBean(Articles.class);
            Sources sources = context.getBean(Sources.class);
            Translations translations = context.getBean(Translations.class);
            context.getBean(UserAccounts.class).add("bench-editor", "bench-editor-password-1", "EDITOR", List.of(lang));
            Source source = sources.create("bench:post-edit", "post-edit bench", 3600, false).orElseThrow();
            // the same articles twice (the same French: the same machine translation), one copy for each path
            List<Long> workbenchIds = new ArrayList<>();
            List<Long> rawIds = new ArrayList<>();
            for (String path : List.of("workbench", "raw")) {
                for (int a = 0; a < bench.size(); a++) {
                    BenchArticle b = bench.get(a);
                    long id = articles.store(new NewArticle(source.id(), path + "-" + a, null, b.frenchTitle(), null,
                            html(b.frenchParagraphs()), null, null, null, null)).articleId();
                    (path.equals("raw") ? rawIds : workbenchIds).add(id);
                }
            }
            context.getBean(LocalizeRuns.class).runNow();
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (translations.count() < 2L * count && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            WebDriver driver = HeadlessChromium.start("en", Duration.ofSeconds(5));
            try {
                signIn(driver, port);
                Tally workbench = new Tally();
                Tally raw = new Tally();
                for (int a = 0; a < count; a++) {
                    Translation t = translation(translations, workbenchIds.get(a), lang);
                    if (t != null) {
                        workbench(driver, port, t, bench.get(a), workbench, translations);
                    }
                }
                for (int a = 0; a < count; a++) {
                    Translation t = translation(translations, rawIds.get(a), lang);
                    if (t != null) {
                        raw(driver, port, t, bench.get(a), raw, translations);
                    }
                }
                report(workbench, raw, lang, per);
            } finally {
                driver.quit();
            }
        }
        System.exit(0);
    }

    private static Translation translation(Translations translations, long articleId, String lang) {
        Translation t = translations.forArticle(articleId).stream().filter(x -> x.lang().equals(lang)).findFirst()
                .orElse(null);
        if (t == null || t.body() == null || !(t.state() == TranslationState.NEEDS_REVIEW
                || t.state() == TranslationState.AUTO_APPROVED)) {
            System.out.println("article " + articleId + ": no translation to post-edit (" + (t == null ? "none"
                    : t.state()) + ")");
            return null;
        }
        return t;
    }

    static String html(List<String> paragraphs) {
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            out.append("<p>").append(escape(p)).append("</p>\n");
        }
        return out.toString().strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&#xa0;");
    }

    // ------------------------------------------------------------------------------------------ the workbench path

    private static void workbench(WebDriver driver, int port, Translation t, BenchArticle b, Tally tally,
                                  Translations translations) throws Exception {
        long start = System.nanoTime();
        driver.get("http://localhost:" + port + "/review/items/" + t.id());
        waitFor(driver, "return !!window.relaisWorkbench && window.relaisWorkbench.cells.every("
                + "c => c.reportText === c.html() && c.suggText === c.html());", 60);
        List<String> targets = new ArrayList<>();
        targets.add(b.title());
        targets.addAll(b.paragraphs());
        List<String> keys = keys(driver);
        for (int k = 0; k < keys.size() && k < targets.size(); k++) {
            String key = keys.get(k);
            String target = targets.get(k);
            String machine = plain(driver, key);
            tally.changedWords += wordDistance(machine, target);
            if (machine.equals(target)) {
                continue;
            }
            WebElement editor = driver.findElement(By.cssSelector(".cell[data-key='" + key + "'] .editor"));
            editor.click();
            tally.clicks++;
            waitFor(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === arguments[0]);"
                    + "return c.suggText === c.html() && c.suggAt >= window.relaisWorkbench.page.learnedAt;", 30, key);
            // suggestions that bring the text closer to the reference, one key each
            for (int round = 0; round < 6; round++) {
                String text = plain(driver, key);
                List<Map<String, Object>> offered = actions(driver, key);
                // taken when it saves actions: its key plus what is left to do, against what is left without it
                int best = -1;
                long bestCost = cost(text, target);
                for (int i = 0; i < offered.size(); i++) {
                    String after = afterAction(driver, key, offered.get(i));
                    if (after != null && 1 + cost(after, target) < bestCost) {
                        best = i;
                        bestCost = 1 + cost(after, target);
                    }
                }
                if (best < 0) {
                    break;
                }
                Kind kind = Kind.valueOf((String) offered.get(best).get("kind"));
                new Actions(driver).keyDown(Keys.CONTROL).keyDown(Keys.SHIFT).sendKeys(String.valueOf(best + 1))
                        .keyUp(Keys.SHIFT).keyUp(Keys.CONTROL).perform();
                tally.keys++;
                tally.taken.merge(kind, 1, Integer::sum);
                settle(driver, key);
                tally.fromSuggestions.merge(kind, wordsGained(text, plain(driver, key), target), Integer::sum);
            }
            edit(driver, key, target, tally, true);
            settle(driver, key);
        }
        approve(driver, t, b, tally, translations, start);
    }

    /** Approves (one click), waits until it is stored, and counts the article's time and whether it is the reference. */
    private static void approve(WebDriver driver, Translation t, BenchArticle b, Tally tally, Translations translations,
                                long start) throws InterruptedException {
        driver.findElement(By.id("approve")).click();
        tally.clicks++;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (translations.findById(t.id()).orElseThrow().state() != TranslationState.APPROVED
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        tally.seconds += (System.nanoTime() - start) / 1e9;
        tally.articles++;
        if (reached(translations.findById(t.id()).orElseThrow(), b)) {
            tally.reached++;
        }
    }

    /** The keys and clicks the editor's model needs to make {@code text} the target (as {@link #edit} spends them). */
    static long cost(String text, String target) {
        long actions = 0;
        for (int[] g : regions(text, target)) {
            actions += g[4] + Math.max(1, target.codePointCount(g[2], g[3]));
        }
        return actions;
    }

    /** The words of the reference a suggestion put in the text (that were not there before it). */
    static int wordsGained(String before, String after, String target) {
        List<String> targetWords = words(target);
        int gained = 0;
        for (String w : insertedWords(before, after)) {
            if (targetWords.remove(w)) {
                gained++;
            }
        }
        return gained;
    }

    /** What a suggestion would make of the cell's text (plain), computed from its edit on the exact text. */
    private static String afterAction(WebDriver driver, String key, Map<String, Object> action) {
        if (Boolean.TRUE.equals(action.get("insert"))) {
            return null;   // a glossary term goes where the caret is: not tried blindly
        }
        String text = (String) action.get("text");
        int s = ((Number) action.get("start")).intValue();
        int e = ((Number) action.get("end")).intValue();
        String replacement = (String) action.get("replacement");
        boolean whole = Boolean.TRUE.equals(action.get("whole")) || (s == 0 && e == text.length());
        boolean html = text.startsWith("<");
        String after = text.substring(0, s) + (whole || !html ? replacement : escape(replacement)) + text.substring(e);
        return html ? Jsoup.parseBodyFragment(after).text() : after;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(WebDriver driver, String key) {
        return (List<Map<String, Object>>) js(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === arguments[0]);"
                + "if (c.side.classList.contains('stale') || c.suggText !== c.html() || c.reportText !== c.html()) return [];"
                + "return c.actions.map(a => ({kind: a.kind, start: a.start ?? 0, end: a.end ?? 0, replacement: a.replacement,"
                + " whole: !!a.whole, insert: !!a.insert, text: a.text}));", key);
    }

    /** Waits until the cell is saved and its checks and suggestions are those of its text. */
    private static void settle(WebDriver driver, String key) {
        waitFor(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === arguments[0]);"
                + "return !c.dirty && !c.inflight && c.reportText === c.html() && c.suggText === c.html();", 60, key);
    }

    // ------------------------------------------------------------------------------------------ the raw path

    private static void raw(WebDriver driver, int port, Translation t, BenchArticle b, Tally tally,
                            Translations translations) throws Exception {
        long start = System.nanoTime();
        driver.get("http://localhost:" + port + "/review/items/" + t.id());
        waitFor(driver, "return !!window.relaisWorkbench;", 60);
        // the title: its field, typed in
        String title = plain(driver, "title");
        tally.changedWords += wordDistance(title, b.title());
        if (!title.equals(b.title())) {
            driver.findElement(By.cssSelector(".cell[data-key='title'] .editor")).click();
            tally.clicks++;
            edit(driver, "title", b.title(), tally, false);
        }
        // the body: one textarea of HTML (what the editor used to have); opening it is not counted
        driver.findElement(By.id("raw-toggle")).click();
        WebElement area = driver.findElement(By.id("raw-body"));
        waitFor(driver, "return !document.getElementById('raw').hidden && document.getElementById('raw-body').value.length > 0;", 30);
        String body = (String) js(driver, "return arguments[0].value;", area);
        List<String> blocks = HtmlBlocks.split(body);
        StringBuilder target = new StringBuilder();
        int cell = 0;
        for (String block : blocks) {
            if (block.isBlank()) {
                target.append(block);
                continue;
            }
            String p = cell < b.paragraphs().size() ? b.paragraphs().get(cell) : "";
            tally.changedWords += wordDistance(Jsoup.parseBodyFragment(block).text(), p);
            Matcher m = Pattern.compile("^(<[a-zA-Z0-9]+[^>]*>)(.*)(</[a-zA-Z0-9]+>)$", Pattern.DOTALL).matcher(block);
            target.append(m.matches() ? m.group(1) + escape(p) + m.group(3) : escape(p));
            cell++;
        }
        if (!body.equals(target.toString())) {
            area.click();
            tally.clicks++;
            editArea(driver, area, target.toString(), tally);
        }
        approve(driver, t, b, tally, translations, start);
    }

    private static void editArea(WebDriver driver, WebElement area, String target, Tally tally) {
        for (int pass = 0; pass < 3; pass++) {
            String current = (String) js(driver, "return arguments[0].value;", area);
            if (current.equals(target)) {
                return;
            }
            List<int[]> regions = regions(current, target);
            for (int r = regions.size() - 1; r >= 0; r--) {
                int[] g = regions.get(r);
                js(driver, "arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);", area, g[0], g[1]);
                tally.clicks += g[4];
                type(driver, target.substring(g[2], g[3]), tally);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ editing a cell

    /**
     * Makes the cell's plain text the target: each differing region from the last to the first, selected (one click,
     * or two for a span of more than one word) and typed over.
     */
    private static void edit(WebDriver driver, String key, String target, Tally tally, boolean predictive) {
        for (int pass = 0; pass < 3; pass++) {
            String current = plain(driver, key);
            if (current.equals(target)) {
                return;
            }
            List<int[]> regions = regions(current, target);
            WebElement editor = driver.findElement(By.cssSelector(".cell[data-key='" + key + "'] .editor"));
            for (int r = regions.size() - 1; r >= 0; r--) {
                int[] g = regions.get(r);
                js(driver, """
                        const el = arguments[0], from = arguments[1], to = arguments[2];
                        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
                        let at = 0, start = null, end = null, last = null;
                        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                          if (n.parentElement.closest('.tag')) continue;
                          last = n;
                          if (start === null && from <= at + n.data.length) start = [n, from - at];
                          if (end === null && to <= at + n.data.length) end = [n, to - at];
                          at += n.data.length;
                        }
                        const r = document.createRange();
                        if (start) r.setStart(start[0], start[1]); else r.selectNodeContents(el);
                        if (end) r.setEnd(end[0], end[1]); else if (start) r.collapse(true);
                        el.focus(); const s = getSelection(); s.removeAllRanges(); s.addRange(r);""", editor, g[0], g[1]);
                tally.clicks += g[4];
                if (predictive) {
                    typePredicted(driver, target.substring(g[2], g[3]), tally);
                } else {
                    type(driver, target.substring(g[2], g[3]), tally);
                }
            }
        }
        if (!plain(driver, key).equals(target)) {
            System.out.println("  (cell " + key + " not reached: «" + plain(driver, key) + "» for «" + target + "»)");
        }
    }

    /**
     * Types the text one key at a time, taking the word the page lists when it is the word being typed: after each
     * letter of a word with two letters or more still to type, the page's answer for that prefix is waited for (an
     * editor glancing at it), and when the word is listed it is taken with Tab (after ↓ once for the second, twice for
     * the third).
     */
    private static void typePredicted(WebDriver driver, String text, Tally tally) {
        if (text.isEmpty()) {
            type(driver, text, tally);
            return;
        }
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            new Actions(driver).sendKeys(new String(Character.toChars(cp))).perform();
            tally.keys++;
            i += Character.charCount(cp);
            int start = i;
            while (start > 0 && wordChar(text.codePointBefore(start))) {
                start -= Character.charCount(text.codePointBefore(start));
            }
            int end = i;
            while (end < text.length() && wordChar(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            if (i - start < 2 || text.codePointCount(i, end) < 2) {
                continue;
            }
            int at = offered(driver, text.substring(start, i)).indexOf(text.substring(start, end));
            if (at >= 0) {
                for (int down = 0; down < at; down++) {
                    new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
                }
                new Actions(driver).sendKeys(Keys.TAB).perform();
                tally.keys += at + 1;
                tally.completed++;
                tally.completedLetters += text.codePointCount(i, end);
                i = end;
            }
        }
    }

    private static boolean wordChar(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    /** The words the page lists for a prefix once it has answered (none when it asked nothing for it). */
    @SuppressWarnings("unchecked")
    private static List<String> offered(WebDriver driver, String prefix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<Object> state = (List<Object>) js(driver, "const c = window.relaisWorkbench.completion;"
                    + "return [c.prefix, c.answered, c.words];");
            if (!prefix.equals(state.get(0))) {
                return List.of();   // the page asked nothing for it (not at a word's end)
            }
            if (prefix.equals(state.get(1))) {
                return (List<String>) state.get(2);
            }
            sleep(5);
        }
        return List.of();
    }

    private static void type(WebDriver driver, String text, Tally tally) {
        if (text.isEmpty()) {
            new Actions(driver).sendKeys(Keys.BACK_SPACE).perform();
            tally.keys++;
        } else {
            new Actions(driver).sendKeys(text).perform();
            tally.keys += text.codePointCount(0, text.length());
        }
    }

    /**
     * The regions where two texts differ, by tokens: {start, end} in {@code current}, {start, end} in {@code target},
     * and the clicks a person needs to select it (1, or 2 for more than one word).
     */
    static List<int[]> regions(String current, String target) {
        List<int[]> a = spans(current);
        List<int[]> b = spans(target);
        String[] x = a.stream().map(s -> current.substring(s[0], s[1])).toArray(String[]::new);
        String[] y = b.stream().map(s -> target.substring(s[0], s[1])).toArray(String[]::new);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                i++;
                j++;
                continue;
            }
            int i0 = i;
            int j0 = j;
            while (i < x.length || j < y.length) {
                if (i < x.length && j < y.length && x[i].equals(y[j])) {
                    break;
                }
                if (i < x.length && (j == y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                    i++;
                } else {
                    j++;
                }
            }
            int from = i0 < a.size() ? a.get(i0)[0] : current.length();
            int to = i > i0 ? a.get(i - 1)[1] : from;
            int tFrom = j0 < b.size() ? b.get(j0)[0] : target.length();
            int tTo = j > j0 ? b.get(j - 1)[1] : tFrom;
            long wordsSelected = java.util.Arrays.stream(x, i0, i).filter(w -> !w.isBlank()).count();
            out.add(new int[] {from, to, tFrom, tTo, wordsSelected > 1 ? 2 : 1});
        }
        return out;
    }

    private static List<int[]> spans(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (!m.group().isBlank()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Word-level edit distance (substitutions, insertions, deletions). */
    static int wordDistance(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        int[] prev = new int[y.size() + 1];
        int[] cur = new int[y.size() + 1];
        for (int j = 0; j <= y.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.size(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x.get(i - 1).equals(y.get(j - 1)) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.size()];
    }

    static List<String> insertedWords(String before, String after) {
        List<String> out = new ArrayList<>();
        for (int[] g : regions(before, after)) {
            out.addAll(words(after.substring(g[2], g[3])));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ the page

    private static void signIn(WebDriver driver, int port) {
        driver.get("http://localhost:" + port + "/login");
        driver.findElement(By.name("username")).sendKeys("bench-editor");
        driver.findElement(By.name("password")).sendKeys("bench-editor-password-1");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (driver.getCurrentUrl().contains("/login") && System.nanoTime() < deadline) {
            sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(WebDriver driver) {
        return (List<String>) js(driver, "return window.relaisWorkbench.cells.map(c => c.key);");
    }

    /** The cell's text as a reader sees it (tags left out, entities as characters). */
    private static String plain(WebDriver driver, String key) {
        return (String) js(driver, "const c = window.relaisWorkbench.cells.find(c => c.key === arguments[0]);"
                + "const w = document.createTreeWalker(c.editor, NodeFilter.SHOW_TEXT); let s = '';"
                + "for (let n = w.nextNode(); n; n = w.nextNode()) if (!n.parentElement.closest('.tag')) s += n.data;"
                + "return s;", key);
    }

    /** Whether the approved text is the reference; where not, says what differs (so that a miss can be looked at). */
    private static boolean reached(Translation t, BenchArticle b) {
        List<String> got = Jsoup.parseBodyFragment(t.body()).body().children().eachText();
        if (!t.title().equals(b.title())) {
            System.out.println("  (translation " + t.id() + ": title stored as «" + t.title() + "» for «" + b.title() + "»)");
            return false;
        }
        for (int i = 0; i < Math.max(got.size(), b.paragraphs().size()); i++) {
            String g = i < got.size() ? got.get(i) : "";
            String want = i < b.paragraphs().size() ? b.paragraphs().get(i) : "";
            if (!g.equals(want)) {
                System.out.println("  (translation " + t.id() + ": paragraph " + (i + 1) + " stored as «" + g + "» for «"
                        + want + "»)");
                return false;
            }
        }
        return true;
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void waitFor(WebDriver driver, String condition, int seconds, Object... args) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(js(driver, condition, args))) {
                return;
            }
            sleep(50);
        }
        System.out.println("  (waited " + seconds + " s for: " + condition.substring(0, Math.min(80, condition.length())) + ")");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------ the figures

    private static void report(Tally w, Tally r, String lang, int per) {
        System.out.println();
        System.out.println("| path | articles | reached the reference | changed words | keys | clicks | keys + clicks per article"
                + " | per changed word | seconds per article |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Object[] row : new Object[][] {{"workbench", w}, {"raw HTML textarea", r}}) {
            Tally t = (Tally) row[1];
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %.2f | %.1f |%n", row[0], t.articles,
                    t.reached, t.changedWords, t.keys, t.clicks, t.actions() / (double) Math.max(1, t.articles),
                    t.actions() / (double) Math.max(1, t.changedWords), t.seconds / Math.max(1, t.articles));
        }
        System.out.printf(Locale.ROOT, "%nworkbench / raw, keys + clicks: %.2f (aim: at most 0.60)%n",
                w.actions() / (double) Math.max(1, r.actions()));
        System.out.printf(Locale.ROOT, "predictive typing: %d words taken from the list, %d letters not typed%n",
                w.completed, w.completedLetters);
        System.out.println("suggestions taken (reference words they brought): " + String.join(", ", java.util.Arrays
                .stream(Kind.values()).map(k -> k + " " + w.taken.getOrDefault(k, 0) + " ("
                        + w.fromSuggestions.getOrDefault(k, 0) + ")").toList()));
    }
}
