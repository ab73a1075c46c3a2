package io.relais.review.internal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.relais.article.Article;
import io.relais.quality.Dismissal;
import io.relais.quality.DismissalScope;
import io.relais.quality.IssueDismissals;
import io.relais.quality.IssueKey;
import io.relais.quality.SegmentReport;
import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.terminology.NewsroomDictionary;
import io.relais.terminology.SegmentText;
import io.relais.terminology.Suggestions;
import io.relais.translation.Translation;

/**
 * The workbench's calls, one cell at a time (the review screen's script uses them; so may a script):
 * <ul>
 * <li>{@code GET /api/review/items/{id}/cells}: the working copy's cells beside their French, with their states;</li>
 * <li>{@code PUT /api/review/items/{id}/cells/{key}} {@code {base, text, seq}}: saves a cell of the draft
 * ({@code base}: the fingerprint of the text the editor started from; 409 with both texts when someone else changed
 * it meanwhile); answers the cell as stored with its checks (round trip included) and suggestions, and all cells when
 * someone else saved since {@code seq};</li>
 * <li>{@code POST /api/review/items/{id}/checks}: the checks and suggestions of every cell as it is now;</li>
 * <li>{@code POST /api/review/items/{id}/cells/{key}/suggestions} {@code {text}}: memory, glossary and earlier fixes
 * for that exact text;</li>
 * <li>{@code GET /api/review/items/{id}/cells/{key}/completions?prefix=gob}: predictive typing, the words the
 * editor who typed that beginning of a word most likely means ({@code {prefix, words}}, best first);</li>
 * <li>{@code POST /api/review/items/{id}/cells/{key}/confirm} {@code {fingerprint}};</li>
 * <li>{@code POST /api/review/items/{id}/cells/{key}/dismissals} {@code {checker, ruleId, flagged, reason}},
 * {@code DELETE /api/review/items/{id}/dismissals/{dismissalId}};</li>
 * <li>{@code POST /api/review/items/{id}/dictionary} {@code {word}}: a word of the language's newsroom dictionary;</li>
 * <li>{@code GET /api/review/items/{id}/versions}, {@code POST /api/review/items/{id}/versions/{versionId}/revert}
 * {@code {seq}}: the history, and an earlier version brought back as the draft;</li>
 * <li>{@code POST /api/review/items/{id}/store} {@code {version, seq}}: the working copy stored, the state staying
 * (a published correction);</li>
 * <li>{@code POST /api/review/items/{id}/reopen} {@code {version}}: an approval (or a rejection) undone.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/review/items/{id}")
class WorkbenchApi {

    record CellsView(long id, String state, int version, int seq, String savedBy, OffsetDateTime savedAt,
                     List<Workbench.CellView> cells, String body, String bodyFingerprint) {
    }

    record SaveRequest(String base, String text, Integer seq) {
    }

    /**
     * A saved cell: {@code checking} when its checks and suggestions were not ready in time ({@link SaveChecks}):
     * ask {@code POST …/cells/{key}/check} for them.
     */
    record Saved(String state, int version, int seq, Workbench.CellView cell, SegmentReport report,
                 Suggestions suggestions, boolean checking, List<Workbench.CellView> cells, String bodyFingerprint) {
    }

    record TextRequest(String text) {
    }

    record ConfirmRequest(String fingerprint) {
    }

    record Completions(String prefix, List<String> words) {
    }

    record Confirmed(int seq, Workbench.CellView cell) {
    }

    record DismissRequest(String checker, String ruleId, String flagged, String reason) {
    }

    record WordRequest(String word) {
    }

    record SeqRequest(Integer seq, Integer version) {
    }

    record VersionView(long id, String kind, String username, OffsetDateTime startedAt, OffsetDateTime at, String note,
                       Integer translationVersion, String title, String summary, String body) {

        static VersionView of(Versions.Version v) {
            return new VersionView(v.id(), v.kind().name(), v.username(), v.startedAt(), v.at(), v.note(),
                    v.translationVersion(), v.title(), v.summary(), v.body());
        }
    }

    private final ReviewService review;
    private final Workbench workbench;
    private final SegmentAssist assist;
    private final Versions versions;
    private final WordCompletions completions;
    private final IssueDismissals dismissals;
    private final NewsroomDictionary dictionary;
    private final Users users;
    private final SaveChecks saveChecks;

    WorkbenchApi(ReviewService review, Workbench workbench, SegmentAssist assist, Versions versions,
                 WordCompletions completions, IssueDismissals dismissals, NewsroomDictionary dictionary, Users users,
                 SaveChecks saveChecks) {
        this.saveChecks = saveChecks;
        this.completions = completions;
        this.review = review;
        this.workbench = workbench;
        this.assist = assist;
        this.versions = versions;
        this.dismissals = dismissals;
        this.dictionary = dictionary;
        this.users = users;
    }

    @GetMapping("/cells")
    CellsView cells(@PathVariable long id, Authentication auth) {
        Translation t = review.get(id, user(auth));
        return view(t, review.workingCopy(t));
    }

    @PutMapping("/cells/{key}")
    Saved save(@PathVariable long id, @PathVariable String key, @RequestBody SaveRequest request, Authentication auth) {
        AppUser user = user(auth);
        if (request == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "base and text are required");
        }
        ReviewService.CellSaved saved = review.saveCell(id, key, request.base(), request.text(),
                request.seq() == null ? -1 : request.seq(), user);
        if (saved.conflict() != null) {
            throw saved.conflict();
        }
        Translation t = saved.translation();
        Article source = review.source(t);
        String text = saved.text();
        if (!Cells.BODY.equals(key)) {
            assist.learn(t, source, key, text, user.username(), false);
        }
        List<Workbench.CellView> cells = workbench.cells(t, source, saved.copy());
        Workbench.CellView cell = Cells.BODY.equals(key) ? null
                : cells.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
        Locale locale = LocaleContextHolder.getLocale();
        Optional<Beside> beside = cell == null ? Optional.empty() : saveChecks.within(() -> new Beside(
                assist.check(t, source, assist.corrections(t), key, text, true, locale),
                assist.suggest(t, source, key, text)));
        return new Saved(t.state().name(), t.version(), saved.copy().seq(), cell,
                beside.map(Beside::report).orElse(null), beside.map(Beside::suggestions).orElse(null),
                cell != null && beside.isEmpty(), saved.othersSaved() || Cells.BODY.equals(key) ? cells : null,
                SegmentText.fingerprint(saved.copy().text(Cells.BODY)));
    }

    /** What a page shows beside a cell when it opens: the checks and the suggestions of its text. */
    record Beside(SegmentReport report, Suggestions suggestions) {
    }

    @PostMapping("/checks")
    Map<String, Beside> checks(@PathVariable long id, Authentication auth) {
        Translation t = review.get(id, user(auth));
        Article source = review.source(t);
        WorkingCopy w = review.workingCopy(t);
        SegmentAssist.Corrections corrections = assist.corrections(t);
        Map<String, Beside> out = new LinkedHashMap<>();
        for (Workbench.CellView cell : workbench.cells(t, source, w)) {
            out.put(cell.key(), new Beside(assist.check(t, source, corrections, cell.key(), cell.text(), false,
                    LocaleContextHolder.getLocale()), assist.suggest(t, source, cell.key(), cell.text())));
        }
        return out;
    }

    @PostMapping("/cells/{key}/check")
    SegmentReport check(@PathVariable long id, @PathVariable String key, @RequestBody TextRequest request,
                        Authentication auth) {
        Translation t = review.get(id, user(auth));
        requireCell(key);
        return assist.check(t, review.source(t), assist.corrections(t), key, text(request), false,
                LocaleContextHolder.getLocale());
    }

    @PostMapping("/cells/{key}/suggestions")
    Suggestions suggestions(@PathVariable long id, @PathVariable String key, @RequestBody TextRequest request,
                            Authentication auth) {
        Translation t = review.get(id, user(auth));
        requireCell(key);
        return assist.suggest(t, review.source(t), key, text(request));
    }

    @GetMapping("/cells/{key}/completions")
    Completions completions(@PathVariable long id, @PathVariable String key, @RequestParam String prefix,
                            Authentication auth) {
        Translation t = review.get(id, user(auth));
        requireCell(key);
        if (prefix.isEmpty() || prefix.length() > WordCompletions.MAX_PREFIX
                || !WordCompletions.WORD.matcher(prefix).matches()) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "prefix: the beginning of a word, 1 to "
                    + WordCompletions.MAX_PREFIX + " letters or digits");
        }
        return new Completions(prefix, completions.complete(t, review.source(t), key, prefix));
    }

    @PostMapping("/cells/{key}/confirm")
    Confirmed confirm(@PathVariable long id, @PathVariable String key, @RequestBody ConfirmRequest request,
                      Authentication auth) {
        AppUser user = user(auth);
        WorkingCopy w = review.confirm(id, key, request == null ? null : request.fingerprint(), user);
        Translation t = review.get(id, user);
        Article source = review.source(t);
        assist.learn(t, source, key, w.text(key), user.username(), false);
        return new Confirmed(w.seq(), workbench.cells(t, source, w).stream().filter(c -> c.key().equals(key))
                .findFirst().orElseThrow());
    }

    @PostMapping("/cells/{key}/dismissals")
    @ResponseStatus(HttpStatus.CREATED)
    Dismissal dismiss(@PathVariable long id, @PathVariable String key, @RequestBody DismissRequest request,
                      Authentication auth) {
        AppUser user = user(auth);
        Translation t = review.get(id, user);
        requireCell(key);
        if (request == null || request.checker() == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "checker, ruleId, flagged and reason are required");
        }
        try {
            return dismissals.dismiss(DismissalScope.of(t.articleId(), t.lang(), Cells.field(key),
                            SegmentAssist.french(review.source(t), key)),
                    new IssueKey(request.checker(), request.ruleId(), request.flagged()), request.reason(),
                    user.username());
        } catch (IllegalArgumentException e) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @DeleteMapping("/dismissals/{dismissalId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void undoDismissal(@PathVariable long id, @PathVariable long dismissalId, Authentication auth) {
        Translation t = review.get(id, user(auth));
        boolean ours = dismissals.list(t.articleId(), t.lang()).stream().anyMatch(d -> d.id() == dismissalId);
        if (!ours || !dismissals.undo(dismissalId)) {
            throw new ReviewProblem(HttpStatus.NOT_FOUND, "no dismissal " + dismissalId + " in this translation");
        }
    }

    @PostMapping("/dictionary")
    @ResponseStatus(HttpStatus.CREATED)
    NewsroomDictionary.Word addWord(@PathVariable long id, @RequestBody WordRequest request, Authentication auth) {
        AppUser user = user(auth);
        Translation t = review.get(id, user);
        try {
            return dictionary.add(t.lang(), request == null ? null : request.word(), user.username());
        } catch (IllegalArgumentException e) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @GetMapping("/versions")
    List<VersionView> versions(@PathVariable long id, Authentication auth) {
        Translation t = review.get(id, user(auth));
        List<VersionView> out = versions.list(t.id()).stream().map(VersionView::of).toList();
        if (out.isEmpty()) {
            // nobody touched it yet: its text is the machine's
            return List.of(new VersionView(0, Versions.Kind.MACHINE.name(), null, t.createdAt(), t.updatedAt(),
                    t.engine() + " " + t.route(), t.version(), t.title(), t.summary(), t.body()));
        }
        return out;
    }

    @PostMapping("/versions/{versionId}/revert")
    CellsView revert(@PathVariable long id, @PathVariable long versionId, @RequestBody(required = false) SeqRequest request,
                     Authentication auth) {
        AppUser user = user(auth);
        WorkingCopy reverted = review.revert(id, versionId, request == null ? null : request.seq(), user);
        Translation t = review.get(id, user);
        assist.learnReverted(t, review.source(t), reverted, user.username());
        return view(t, review.workingCopy(t));
    }

    @PostMapping("/store")
    Translation store(@PathVariable long id, @RequestBody SeqRequest request, Authentication auth) {
        if (request == null || request.version() == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "version is required: the version of the translation you changed");
        }
        return review.store(id, request.version(), request.seq(), user(auth));
    }

    @PostMapping("/reopen")
    Translation reopen(@PathVariable long id, @RequestBody SeqRequest request, Authentication auth) {
        if (request == null || request.version() == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "version is required: the version of the translation you reopen");
        }
        return review.reopen(id, request.version(), user(auth));
    }

    private CellsView view(Translation t, WorkingCopy w) {
        return new CellsView(t.id(), t.state().name(), t.version(), w.seq(), w.savedBy(), w.savedAt(),
                workbench.cells(t, review.source(t), w), w.text(Cells.BODY), SegmentText.fingerprint(w.text(Cells.BODY)));
    }

    private static void requireCell(String key) {
        if (!Cells.valid(key) || Cells.BODY.equals(key)) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "no cell " + key + ": title, summary or body:N");
        }
    }

    private static String text(TextRequest request) {
        if (request == null || request.text() == null) {
            throw new ReviewProblem(HttpStatus.BAD_REQUEST, "text is required");
        }
        if (request.text().length() > ReviewService.MAX_BODY) {
            throw new ReviewProblem(HttpStatus.CONTENT_TOO_LARGE, "the text is longer than " + ReviewService.MAX_BODY
                    + " characters").said("review.problem.tooLong", ReviewService.MAX_BODY);
        }
        return request.text();
    }

    private AppUser user(Authentication auth) {
        return users.current(auth);
    }
}
