package io.relais.console.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.relais.article.Article;
import io.relais.article.Articles;
import io.relais.article.Revisions;
import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.batch.LocalizeRuns;
import io.relais.publish.ArticleLinks;
import io.relais.review.OperatorActions;
import io.relais.translation.ArticleOverviews;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translation;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

/**
 * Articles in the console: found by words of the title, source, state and language, a page at a time, with each
 * language's state; one article's French text and translations, its history, and two actions on one article or on
 * the selected ones, both asked first: re-translate (the batch translates and checks it again) and withdraw from the
 * feeds (its translations rejected with the operator's reason, through the translation module's own transition, so
 * that the feeds, archives and pages follow by themselves).
 */
@Controller
@RequestMapping("/console/articles")
class ConsoleArticlesPages {

    /** What a feed may carry today (the {@code machine} policy included): what a withdrawal takes out. */
    private static final Set<TranslationState> IN_FEEDS = EnumSet.of(TranslationState.AUTO_APPROVED,
            TranslationState.APPROVED, TranslationState.NEEDS_REVIEW);

    private static final int PAGE_SIZE = 25;

    /** One line of an article's history, oldest first. */
    record Event(OffsetDateTime at, String what, String who) {
    }

    private final ArticleOverviews overviews;
    private final Articles articles;
    private final Revisions revisions;
    private final Sources sources;
    private final Translations translations;
    private final LocalizeRuns runs;
    private final ConsoleActions actions;
    private final ConsoleAudit audit;
    private final OperatorActions operatorActions;
    private final List<String> languages;

    ConsoleArticlesPages(ArticleOverviews overviews, Articles articles, Revisions revisions, Sources sources,
                         Translations translations, LocalizeRuns runs, ConsoleActions actions, ConsoleAudit audit,
                         OperatorActions operatorActions, TargetLanguages languages) {
        this.operatorActions = operatorActions;
        this.overviews = overviews;
        this.articles = articles;
        this.revisions = revisions;
        this.sources = sources;
        this.translations = translations;
        this.runs = runs;
        this.actions = actions;
        this.audit = audit;
        this.languages = languages.languages();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long source,
                @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String lang,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String knownState = state.equals(ArticleOverviews.WAITING)
                || EnumSet.allOf(TranslationState.class).stream().anyMatch(s -> s.name().equals(state)) ? state : "";
        String knownLang = languages.contains(lang) ? lang : "";
        Page<ArticleOverviews.Overview> found = overviews.search(
                new ArticleOverviews.Query(q, source, knownState.isEmpty() ? null : knownState,
                        knownLang.isEmpty() ? null : knownLang),
                PageRequest.of(Math.max(0, page), PAGE_SIZE));
        Map<Long, String> sourceNames = new LinkedHashMap<>();
        sources.findAll().forEach(s -> sourceNames.put(s.id(), s.name() == null ? s.url() : s.name()));
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        model.addAttribute("source", source);
        model.addAttribute("state", knownState);
        model.addAttribute("lang", knownLang);
        model.addAttribute("sourceNames", sourceNames);
        model.addAttribute("states", List.of(TranslationState.values()));
        model.addAttribute("here", UriComponentsBuilder.fromPath("/console/articles")
                .queryParamIfPresent("q", Optional.of(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("source", Optional.ofNullable(source))
                .queryParamIfPresent("state", Optional.of(knownState).filter(s -> !s.isEmpty()))
                .queryParamIfPresent("lang", Optional.of(knownLang).filter(s -> !s.isEmpty()))
                .queryParamIfPresent("page", Optional.of(page).filter(p -> p > 0))
                .encode().build().toUriString());
        return "console/articles";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Article article = find(id);
        List<Translation> all = translations.forArticle(id);
        List<Translation> current = all.stream().filter(t -> t.revision() == article.revision()).toList();
        Map<String, Translation> byLang = new LinkedHashMap<>();
        for (String lang : languages) {
            current.stream().filter(t -> t.lang().equals(lang)).findFirst().ifPresent(t -> byLang.put(lang, t));
        }
        Map<String, String> pages = new LinkedHashMap<>();
        byLang.forEach((lang, t) -> {
            if (t.state() == TranslationState.APPROVED || t.state() == TranslationState.AUTO_APPROVED) {
                pages.put(lang, ArticleLinks.path(lang, id, t.title()));
            }
        });
        model.addAttribute("article", article);
        model.addAttribute("source", sources.find(article.sourceId()).orElse(null));
        model.addAttribute("translations", byLang);
        model.addAttribute("pages", pages);
        model.addAttribute("frenchPage", ArticleLinks.path(Article.SOURCE_LANGUAGE, id, article.title()));
        model.addAttribute("waitingLangs", languages.stream().filter(l -> !byLang.containsKey(l)).toList());
        model.addAttribute("history", history(article, all));
        model.addAttribute("withdrawable", current.stream().anyMatch(t -> IN_FEEDS.contains(t.state())));
        return "console/article";
    }

    /** Revisions as they arrived, translations as they were written and last changed, and the operators' actions. */
    private List<Event> history(Article article, List<Translation> all) {
        List<Event> events = new ArrayList<>();
        for (Revisions.Arrival arrival : revisions.arrivals(article.id())) {
            events.add(new Event(arrival.at(), actions.text(Said.of("console.article.history.revision",
                    arrival.revision(), arrival.title(), arrival.contentType() == null ? "" : "(" + arrival.contentType() + ")")),
                    null));
        }
        for (Translation t : all) {
            events.add(new Event(t.createdAt(), actions.text(Said.of("console.article.history.translated",
                    TargetLanguages.nativeName(t.lang()), t.revision(), t.engine() == null ? "?" : t.engine())), null));
            if (t.updatedAt() != null && t.createdAt() != null && t.updatedAt().isAfter(t.createdAt())) {
                events.add(new Event(t.updatedAt(), actions.text(Said.of("console.article.history.changed",
                        TargetLanguages.nativeName(t.lang()), t.revision(),
                        actions.text(Said.of("state." + t.state().name())),
                        t.failureReason() == null ? "" : t.failureReason())), null));
            }
        }
        for (ConsoleAudit.Entry entry : audit.about(subject(article.id()), 200)) {
            events.add(new Event(entry.at(), entry.action() + ": " + entry.detail(), entry.username()));
        }
        events.sort(Comparator.comparing(Event::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }

    /** Re-translates the selected articles (or one), in every language or in one: asked first, then queued. */
    @PostMapping("/retranslate")
    String retranslate(@RequestParam(name = "ids", required = false) List<Long> ids,
                       @RequestParam(defaultValue = "") String lang, @RequestParam(required = false) String confirmed,
                       @RequestParam(defaultValue = "/console/articles") String back, Authentication auth, Model model,
                       RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        String safeBack = back(back);
        if (chosen.isEmpty()) {
            return noneSelected(redirect, safeBack);
        }
        List<String> langs = languages.contains(lang) ? List.of(lang) : languages;
        if (!Confirmation.given(confirmed)) {
            Confirmation confirmation = Confirmation.of(actions.text(Said.of("console.article.retranslateTitle",
                            chosen.size(), names(langs))), "/console/articles/retranslate")
                    .fields("ids", chosen).field("lang", lang).field("back", safeBack)
                    .line(actions.text(Said.of("console.article.retranslateWhat")))
                    .button(actions.text(Said.of("console.article.retranslateButton", chosen.size())))
                    .back(safeBack);
            describe(chosen, langs, confirmation, EnumSet.of(TranslationState.APPROVED),
                    "console.article.replacesApproved");
            return confirmation.show(model);
        }
        int[] queued = {0};
        List<String> skipped = new ArrayList<>();
        for (long id : chosen) {
            actions.attempt(auth, "article.retranslate", subject(id), () -> {
                Article article = find(id);
                int n = 0;
                for (Translation t : translations.forArticle(id)) {
                    if (t.revision() == article.revision() && langs.contains(t.lang())) {
                        if (operatorActions.sendBack(t, auth.getName(), "re-translation asked by " + auth.getName())) {
                            n++;
                        } else {
                            skipped.add("#" + id + " " + t.lang());
                        }
                    }
                }
                queued[0] += n;
                return Said.of("console.article.requeued", id, n, names(langs));
            });
        }
        runs.startSoon();
        redirect.addFlashAttribute("message", actions.text(Said.of("console.article.retranslated", chosen.size(),
                queued[0])));
        if (!skipped.isEmpty()) {
            redirect.addFlashAttribute("problem", actions.text(Said.of("console.article.changedMeanwhile",
                    String.join(", ", skipped))));
        }
        return "redirect:" + safeBack;
    }

    /**
     * Withdraws the selected articles (or one) from every feed: each translation a feed may carry is rejected with the
     * operator's reason; the feeds follow. Asked first, with the reason typed on the confirmation page.
     */
    @PostMapping("/withdraw")
    String withdraw(@RequestParam(name = "ids", required = false) List<Long> ids,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String confirmed,
                    @RequestParam(defaultValue = "/console/articles") String back, Authentication auth, Model model,
                    RedirectAttributes redirect) {
        List<Long> chosen = chosen(ids);
        String safeBack = back(back);
        if (chosen.isEmpty()) {
            return noneSelected(redirect, safeBack);
        }
        if (!Confirmation.given(confirmed) || reason.isBlank()) {
            Confirmation confirmation = Confirmation.of(actions.text(Said.of("console.article.withdrawTitle",
                            chosen.size())), "/console/articles/withdraw")
                    .fields("ids", chosen).field("back", safeBack)
                    .line(actions.text(Said.of("console.article.withdrawWhat")))
                    .line(Confirmation.given(confirmed) ? actions.text(Said.of("console.article.reasonRequired")) : null)
                    .button(actions.text(Said.of("console.article.withdrawButton", chosen.size())))
                    .back(safeBack);
            describe(chosen, languages, confirmation, IN_FEEDS, null);
            model.addAttribute("reasonField", true);
            model.addAttribute("reason", reason);
            return confirmation.show(model);
        }
        int[] withdrawn = {0};
        for (long id : chosen) {
            actions.attempt(auth, "article.withdraw", subject(id), () -> {
                Article article = find(id);
                int n = 0;
                for (Translation t : translations.forArticle(id)) {
                    if (t.revision() == article.revision() && IN_FEEDS.contains(t.state())
                            && operatorActions.withdraw(t, auth.getName(),
                            "withdrawn from the feeds by " + auth.getName() + ": " + reason.strip())) {
                        n++;
                    }
                }
                withdrawn[0] += n;
                return Said.of("console.article.withdrawnOne", id, n, reason.strip());
            });
        }
        redirect.addFlashAttribute("message", actions.text(Said.of("console.article.withdrawn", chosen.size(),
                withdrawn[0])));
        return "redirect:" + safeBack;
    }

    /** One line per chosen article for the confirmation page, marking those whose translations are in {@code mark}. */
    private void describe(List<Long> ids, List<String> langs, Confirmation confirmation, Set<TranslationState> mark,
                          String markKey) {
        for (long id : ids.stream().limit(50).toList()) {
            articles.find(id).ifPresent(a -> {
                List<String> states = new ArrayList<>();
                for (Translation t : translations.forArticle(id)) {
                    if (t.revision() == a.revision() && langs.contains(t.lang())) {
                        states.add(t.lang() + ": " + actions.text(Said.of("state." + t.state().name())));
                    }
                }
                boolean marked = translations.forArticle(id).stream().anyMatch(t -> t.revision() == a.revision()
                        && langs.contains(t.lang()) && mark.contains(t.state()));
                confirmation.line("#" + id + " " + a.title() + (states.isEmpty() ? "" : " (" + String.join(", ", states) + ")")
                        + (marked && markKey != null ? " — " + actions.text(Said.of(markKey)) : ""));
            });
        }
        if (ids.size() > 50) {
            confirmation.line(actions.text(Said.of("console.article.andMore", ids.size() - 50)));
        }
    }

    /** The articles a bulk action names: each once, at most 500. */
    private static List<Long> chosen(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().distinct().limit(500).toList();
    }

    /** Where to come back to: a console article page only (never another site). */
    private static String back(String back) {
        return back.startsWith("/console/articles") ? back : "/console/articles";
    }

    private String noneSelected(RedirectAttributes redirect, String back) {
        redirect.addFlashAttribute("problem", actions.text(Said.of("console.article.noneSelected")));
        return "redirect:" + back;
    }

    private String names(List<String> langs) {
        return String.join(", ", langs.stream().map(TargetLanguages::nativeName).toList());
    }

    static String subject(long articleId) {
        return "article #" + articleId;
    }

    private Article find(long id) {
        return articles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no article " + id));
    }

    Source source(long id) {
        return sources.find(id).orElse(null);
    }
}
