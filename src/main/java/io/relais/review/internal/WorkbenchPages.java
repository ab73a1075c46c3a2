package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.terminology.Concordance;
import io.relais.translation.StoredIssue;
import io.relais.translation.TargetLanguages;
import io.relais.translation.Translation;
import io.relais.translation.Translations;

/**
 * The editor's workbench actions beyond one item: approving items of a queue without opening them (one, or the
 * selected ones), which first shows what will be published and asks once, then offers to undo; and the
 * concordance search in the translation memory.
 */
@Controller
class WorkbenchPages {

    /** What approving one queued item publishes: its text as it stands (the draft included), and what is doubtful. */
    record Preview(long id, int version, int seq, String title, String summary, String body, String state,
                   Double score, String draftBy, long blocking, long issues, boolean changed) {
    }

    private final ReviewService review;
    private final Users users;
    private final Concordance concordance;
    private final Translations translations;
    private final SegmentAssist assist;
    private final TargetLanguages languages;

    WorkbenchPages(ReviewService review, Users users, Concordance concordance, Translations translations,
                   SegmentAssist assist, TargetLanguages languages) {
        this.review = review;
        this.users = users;
        this.concordance = concordance;
        this.translations = translations;
        this.assist = assist;
        this.languages = languages;
    }

    /** The confirmation of a queue approval as a fragment, for the queue's dialog. */
    @GetMapping("/review/{lang}/approve/preview")
    String preview(@PathVariable String lang, @RequestParam(required = false) List<String> selected,
                   Authentication auth, Model model) {
        AppUser user = users.current(auth);
        ReviewService.requireReviewer(user, lang);
        model.addAttribute("previews", previews(lang, selected, user));
        model.addAttribute("lang", lang);
        return "review/confirm :: previews";
    }

    /**
     * Approves queued items: {@code selected} holds {@code id:version:seq} (or {@code id:version}), so that an item
     * changed meanwhile is not approved unseen. Without {@code confirm=yes} nothing is approved: the answer is the
     * page that shows what would be published and asks.
     */
    @PostMapping("/review/{lang}/approve")
    String approveSelected(@PathVariable String lang, @RequestParam(required = false) List<String> selected,
                           @RequestParam(defaultValue = "NEEDS_REVIEW") String state,
                           @RequestParam(defaultValue = "age") String sort, @RequestParam(required = false) Long source,
                           @RequestParam(defaultValue = "0") int at, @RequestParam(required = false) String confirm,
                           Authentication auth, Model model, RedirectAttributes redirect) {
        AppUser user = users.current(auth);
        ReviewService.requireReviewer(user, lang);
        if (!"yes".equals(confirm)) {
            model.addAttribute("previews", previews(lang, selected, user));
            model.addAttribute("lang", lang);
            model.addAttribute("name", languages.nativeNames().get(lang));
            model.addAttribute("state", state);
            model.addAttribute("sort", sort);
            model.addAttribute("source", source);
            model.addAttribute("at", at);
            return "review/confirm";
        }
        int approved = 0;
        List<String> undo = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String pair : selected == null ? List.<String>of() : selected) {
            String[] parts = pair.split(":");
            try {
                long id = Long.parseLong(parts[0]);
                Translation t = review.approve(id, Integer.parseInt(parts[1]),
                        parts.length > 2 ? Integer.valueOf(parts[2]) : null, null, null, null, user);
                assist.learnApproved(t, review.source(t), user.username());
                undo.add(t.id() + ":" + t.version());
                approved++;
            } catch (ReviewProblem | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                refused.add("#" + parts[0] + ": " + e.getMessage());
            }
        }
        redirect.addFlashAttribute("approvedCount", approved);
        redirect.addFlashAttribute("undo", undo);
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("refused", refused);
        }
        return back(lang, state, sort, source, at);
    }

    /** Undoes queue approvals ({@code selected}: {@code id:version} as approved): back to review, out of the feeds. */
    @PostMapping("/review/{lang}/reopen")
    String reopenSelected(@PathVariable String lang, @RequestParam(required = false) List<String> selected,
                          @RequestParam(defaultValue = "NEEDS_REVIEW") String state,
                          @RequestParam(defaultValue = "age") String sort, @RequestParam(required = false) Long source,
                          @RequestParam(defaultValue = "0") int at, Authentication auth, RedirectAttributes redirect) {
        AppUser user = users.current(auth);
        ReviewService.requireReviewer(user, lang);
        int reopened = 0;
        List<String> refused = new ArrayList<>();
        for (String pair : selected == null ? List.<String>of() : selected) {
            String[] parts = pair.split(":");
            try {
                review.reopen(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), user);
                reopened++;
            } catch (ReviewProblem | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                refused.add("#" + parts[0] + ": " + e.getMessage());
            }
        }
        redirect.addFlashAttribute("reopenedCount", reopened);
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("refused", refused);
        }
        return back(lang, state, sort, source, at);
    }

    private List<Preview> previews(String lang, List<String> selected, AppUser user) {
        List<Preview> out = new ArrayList<>();
        for (String pair : selected == null ? List.<String>of() : selected) {
            String[] parts = pair.split(":");
            long id;
            int version;
            try {
                id = Long.parseLong(parts[0]);
                version = Integer.parseInt(parts[1]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new ReviewProblem(HttpStatus.BAD_REQUEST, "not an item: " + pair + " (id:version)");
            }
            Translation t = review.get(id, user);
            if (!t.lang().equals(lang)) {
                throw new ReviewProblem(HttpStatus.BAD_REQUEST, "#" + id + " is not a " + lang + " translation");
            }
            WorkingCopy w = review.workingCopy(t);
            List<StoredIssue> issues = translations.issues(t.id());
            out.add(new Preview(t.id(), t.version(), w.seq(), w.title(), w.summary(), Cells.withoutEmptyCells(w.body()),
                    t.state().name(), t.qualityScore(), w.savedBy(),
                    issues.stream().filter(i -> "error".equals(i.severity())).count(),
                    issues.stream().filter(i -> !"correction".equals(i.severity())).count(),
                    version != t.version()));
        }
        return out;
    }

    private static String back(String lang, String state, String sort, Long source, int at) {
        return "redirect:" + UriComponentsBuilder.fromPath("/review/{lang}").queryParam("state", state)
                .queryParam("sort", sort).queryParamIfPresent("source", Optional.ofNullable(source))
                .queryParam("at", at).buildAndExpand(lang).toUriString();
    }

    /** Remembered segments containing the words (editors' first); a fragment for the review screen's script. */
    @GetMapping("/review/concordance")
    String concordance(@RequestParam String lang, @RequestParam(defaultValue = "") String q, Authentication auth,
                       Model model) {
        AppUser user = users.current(auth);
        ReviewService.requireReviewer(user, lang);
        model.addAttribute("matches", concordance.search(q, lang, 20));
        model.addAttribute("q", q);
        return "review/item :: concordance";
    }
}
