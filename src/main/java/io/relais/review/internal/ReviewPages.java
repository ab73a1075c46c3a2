package io.relais.review.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
import io.relais.terminology.SegmentText;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translation;
import io.relais.translation.TranslationAction;
import io.relais.translation.TranslationState;
import io.relais.translation.Translations;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The editors' web pages (server-rendered; the dashboard at {@code /review} is the dashboard module's): queue per
 * language, and the workbench: each segment an editable cell beside its French, saved as the editor types
 * ({@link WorkbenchApi}; the script is {@code /review/assets/workbench.js}). The actions that store the text post a
 * form (CSRF-protected); after an approval the next item of the queue opens, with a way to undo the approval.
 */
@Controller
@RequestMapping("/review")
class ReviewPages {

    private final ReviewService review;
    private final Translations translations;
    private final Sources sources;
    private final Users users;
    private final TargetLanguages targetLanguages;
    private final Workbench workbench;
    private final Concordance concordance;
    private final Versions versions;
    private final Drafts drafts;
    private final SegmentAssist assist;
    private final MessageSource messages;

    ReviewPages(ReviewService review, Translations translations, Sources sources, Users users,
                TargetLanguages languages, Workbench workbench, Concordance concordance, Versions versions,
                Drafts drafts, SegmentAssist assist, MessageSource messages) {
        this.messages = messages;
        this.workbench = workbench;
        this.concordance = concordance;
        this.sources = sources;
        this.review = review;
        this.translations = translations;
        this.users = users;
        this.targetLanguages = languages;
        this.versions = versions;
        this.drafts = drafts;
        this.assist = assist;
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
        List<Translation> items = translations.queue(lang, List.of(state), source, "score".equals(sort),
                Math.max(0, page) * 20, 20);
        model.addAttribute("items", items);
        model.addAttribute("drafts", drafts.draftsAmong(items.stream().map(Translation::id).toList()));
        model.addAttribute("approvable", TranslationAction.APPROVE.allowedIn(state));
        return "review/queue";
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable long id, @RequestParam(required = false) String tm, Authentication auth, Model model) {
        Translation t = review.get(id, user(auth));
        show(t, model);
        if (tm != null) {
            model.addAttribute("q", tm);
            model.addAttribute("matches", concordance.search(tm, t.lang(), 20));
        }
        return "review/item";
    }

    /**
     * The actions that store the text: approve (the working copy), store (a published correction), reject,
     * re-translate (asked first when there is a draft: {@code confirm=yes}), reopen (undo an approval or a
     * rejection), revert (an earlier version as the draft), and save (a text given whole, the form without script).
     */
    @PostMapping("/items/{id}")
    String act(@PathVariable long id, @RequestParam String action, @RequestParam int version,
               @RequestParam(required = false) Integer seq,
               @RequestParam(required = false) String title, @RequestParam(required = false) String body,
               @RequestParam(required = false) String reason, @RequestParam(required = false) String engine,
               @RequestParam(required = false) String confirm, @RequestParam(required = false) Long versionId,
               Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        AppUser user = user(auth);
        try {
            if (action.equals("retranslate") && !"yes".equals(confirm)) {
                Translation t = review.get(id, user);
                show(t, model);
                model.addAttribute("askRetranslate", engine);
                return "review/item";
            }
            Translation done = switch (action) {
                case "approve" -> review.approve(id, version, seq, title, null, body, user);
                case "store" -> review.store(id, version, seq, user);
                case "reject" -> review.reject(id, version, reason, user);
                case "retranslate" -> review.retranslate(id, version, engine, user);
                case "reopen" -> review.reopen(id, version, user);
                case "revert" -> {
                    if (versionId == null) {
                        throw new ReviewProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "which version?");
                    }
                    WorkingCopy reverted = review.revert(id, versionId, seq, user);
                    Translation back = review.get(id, user);
                    assist.learnReverted(back, review.source(back), reverted, user.username());
                    yield back;
                }
                default -> review.edit(id, version, title, null, body, user);
            };
            if (action.equals("approve")) {
                assist.learnApproved(done, review.source(done), user.username());
                // on to the next item to review, saying what was approved with a way to undo it; the last one of the
                // queue: back to the queue, which says the same in its own words
                Translation next = translations.queue(done.lang(), List.of(TranslationState.NEEDS_REVIEW), null, false,
                        0, 2).stream().filter(n -> n.id() != id).findFirst().orElse(null);
                if (next == null) {
                    redirect.addFlashAttribute("approvedCount", 1);
                    redirect.addFlashAttribute("approvedTitle", done.title() == null ? "" : done.title());
                    redirect.addFlashAttribute("undo", List.of(done.id() + ":" + done.version()));
                    return "redirect:/review/" + done.lang();
                }
                redirect.addFlashAttribute("message", "approved");
                redirect.addFlashAttribute("undo", Map.of("id", done.id(), "version", done.version(),
                        "title", done.title() == null ? "" : done.title()));
                return "redirect:/review/items/" + next.id();
            }
            redirect.addFlashAttribute("message", switch (action) {
                case "store" -> "stored";
                case "reject" -> "rejected";
                case "retranslate" -> "retranslated";
                case "reopen" -> "reopened";
                case "revert" -> "reverted";
                default -> "saved";
            });
            return "redirect:/review/items/" + id;
        } catch (ReviewProblem problem) {
            response.setStatus(problem.status.value());
            show(review.get(id, user), model);
            model.addAttribute("problem", messages.getMessage(problem, LocaleContextHolder.getLocale()));
            model.addAttribute("details", problem.details);
            model.addAttribute("yourTitle", title);
            model.addAttribute("yourBody", body);
            return "review/item";
        }
    }

    /** Who is signed in: the workbench keeps the text this browser holds for the server under their name. */
    @ModelAttribute("editorName")
    String editorName(Authentication auth) {
        return auth == null ? "" : auth.getName();
    }

    private void show(Translation t, Model model) {
        Article source = review.source(t);
        WorkingCopy w = review.workingCopy(t);
        model.addAttribute("t", t);
        model.addAttribute("source", source);
        model.addAttribute("copy", w);
        model.addAttribute("bodyFingerprint", SegmentText.fingerprint(w.text(Cells.BODY)));
        List<Workbench.CellView> cells = workbench.cells(t, source, w);
        model.addAttribute("cells", cells);
        model.addAttribute("versions", versions.list(t.id()));
        workbench.describe(t, source, w, model);
        model.addAttribute("name", names().get(t.lang()));
        model.addAttribute("engines", review.engines(t.lang()));
        model.addAttribute("can", Map.of(
                "edit", TranslationAction.EDIT.allowedIn(t.state()),
                "approve", TranslationAction.APPROVE.allowedIn(t.state()),
                // a correction is published where the feeds publish the translation's text: an approved one (a
                // machine-approved one's feeds publish the machine's text, or nothing: the editor's is approved)
                "store", t.state() == TranslationState.APPROVED,
                "reject", TranslationAction.REJECT.allowedIn(t.state()),
                "reopen", TranslationAction.REOPEN.allowedIn(t.state()),
                "retranslate", TranslationAction.RETRANSLATE.allowedIn(t.state())));
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
