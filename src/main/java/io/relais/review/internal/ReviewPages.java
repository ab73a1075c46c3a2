package io.relais.review.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.article.Article;
import io.relais.article.Sources;
import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.terminology.Concordance;
import io.relais.translation.Translation;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;
import io.relais.engine.HtmlBlocks;
import io.relais.translation.TargetLanguages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The editors' web pages (server-rendered; the dashboard at {@code /review} is the dashboard module's): queue per
 * language, and the review screen with the French source and the translation side by side. Actions post a form (CSRF-protected); after an
 * approval or a rejection the next item of the queue opens. Shortcuts: Alt+S save, Alt+A approve, Alt+R reject
 * ({@code accesskey}).
 */
@Controller
@RequestMapping("/review")
class ReviewPages {

    private final ReviewService review;
    private final Translations translations;
    private final Sources sources;
    private final Users users;
    private final List<String> languages;
    private final TargetLanguages targetLanguages;
    private final Workbench workbench;
    private final Concordance concordance;

    ReviewPages(ReviewService review, Translations translations, Sources sources, Users users,
                TargetLanguages languages, Workbench workbench, Concordance concordance) {
        this.workbench = workbench;
        this.concordance = concordance;
        this.sources = sources;
        this.review = review;
        this.translations = translations;
        this.users = users;
        this.languages = languages.languages();
        this.targetLanguages = languages;
    }

    @GetMapping("/{lang}")
    String queue(@PathVariable String lang, @RequestParam(defaultValue = "NEEDS_REVIEW") TranslationState state,
                 @RequestParam(defaultValue = "age") String sort, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) Long source, @RequestParam(defaultValue = "0") int at,
                 Authentication auth, Model model) {
        AppUser user = user(auth);
        ReviewService.requireReviewer(user, lang);
        model.addAttribute("lang", lang);
        model.addAttribute("name", names().get(lang));
        model.addAttribute("state", state);
        model.addAttribute("states", List.of(TranslationState.NEEDS_REVIEW, TranslationState.FAILED,
                TranslationState.AUTO_APPROVED, TranslationState.APPROVED, TranslationState.REJECTED));
        model.addAttribute("sort", sort);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("source", source);
        model.addAttribute("at", Math.max(0, at));
        model.addAttribute("sources", sources.findAll());
        model.addAttribute("items", translations.queue(lang, List.of(state), source, "score".equals(sort),
                Math.max(0, page) * 20, 20));
        return "review/queue";
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable long id, @RequestParam(defaultValue = "doubtful") String order,
                @RequestParam(required = false) String tm, Authentication auth, Model model) {
        Translation t = review.get(id, user(auth));
        show(t, model, "text".equals(order));
        if (tm != null) {
            model.addAttribute("q", tm);
            model.addAttribute("matches", concordance.search(tm, t.lang(), 20));
        }
        return "review/item";
    }

    @PostMapping("/items/{id}")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam int version,
               @RequestParam(required = false) String title, @RequestParam(required = false) String body,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String engine,
               Authentication auth, Model model,
               RedirectAttributes redirect, HttpServletResponse response) {
        AppUser user = user(auth);
        try {
            Translation done = switch (action) {
                case "approve" -> review.approve(id, version, title, null, body, user);
                case "reject" -> review.reject(id, version, reason, user);
                case "retranslate" -> review.retranslate(id, version, engine, user);
                default -> review.edit(id, version, title, null, body, user);
            };
            if (action.equals("save") || action.equals("retranslate")) {
                redirect.addFlashAttribute("message", action.equals("save") ? "saved" : "retranslated");
                return "redirect:/review/items/" + id;
            }
            redirect.addFlashAttribute("message", action.equals("approve") ? "approved" : "rejected");
            return translations.queue(done.lang(), List.of(TranslationState.NEEDS_REVIEW), null, false, 0, 2).stream()
                    .filter(next -> next.id() != id).findFirst()
                    .map(next -> "redirect:/review/items/" + next.id())
                    .orElse("redirect:/review/" + done.lang());
        } catch (ReviewProblem problem) {
            response.setStatus(problem.status.value());
            show(review.get(id, user), model, false);
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("details", problem.details);
            model.addAttribute("yourTitle", title);
            model.addAttribute("yourBody", body);
            return "review/item";
        }
    }

    private void show(Translation t, Model model, boolean textOrder) {
        Article source = review.source(t);
        List<String> french = HtmlBlocks.split(source.body());
        List<String> translated = t.body() == null ? List.of() : HtmlBlocks.split(t.body());
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(french.size(), translated.size()); i++) {
            rows.add(new String[] {i < french.size() ? french.get(i) : "", i < translated.size() ? translated.get(i) : ""});
        }
        model.addAttribute("t", t);
        model.addAttribute("source", source);
        model.addAttribute("rows", rows);
        List<FlaggedIssue> issues = flagged(t);
        List<AuditEntry> audit = review.audit(t.id());
        model.addAttribute("issues", issues);
        model.addAttribute("audit", audit);
        workbench.describe(t, source, issues, audit, textOrder, model);
        model.addAttribute("name", names().get(t.lang()));
        model.addAttribute("engines", review.engines(t.lang()));
    }

    /** Each issue with the text it flags (from its offsets), so the page can highlight it and apply the suggestion. */
    private List<FlaggedIssue> flagged(Translation t) {
        String titleText = t.title() == null ? "" : t.title();
        String bodyText = t.body() == null ? "" : Jsoup.parseBodyFragment(t.body()).text();
        String summaryText = t.summary() == null ? "" : t.summary();
        List<FlaggedIssue> out = new ArrayList<>();
        for (var issue : translations.issues(t.id())) {
            String text = switch (issue.field()) {
                case "title" -> titleText;
                case "summary" -> summaryText;
                default -> bodyText;
            };
            out.add(new FlaggedIssue(issue.field(), issue.checker(), issue.message(), issue.suggestion(),
                    issue.startOffset(), issue.endOffset(), issue.startOffset() >= 0 && issue.endOffset() <= text.length()
                    && issue.startOffset() < issue.endOffset() ? text.substring(issue.startOffset(), issue.endOffset()) : ""));
        }
        return out;
    }

    private Map<String, String> names() {
        return targetLanguages.nativeNames();
    }

    private AppUser user(Authentication auth) {
        return users.current(auth);
    }

    /** A page the editor may not see (another language's queue or item) or that does not exist: its status, not 500. */
    @ExceptionHandler(ReviewProblem.class)
    void problem(ReviewProblem problem, HttpServletResponse response) throws IOException {
        response.sendError(problem.status.value(), problem.getMessage());
    }
}
