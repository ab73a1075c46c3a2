package io.relais.review.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

/**
 * The editor's workbench actions beyond one item: approving the selected items of a queue at once (also what the
 * queue's {@code a} key does for one item), and the concordance search in the translation memory.
 */
@Controller
class WorkbenchPages {

    private final ReviewService review;
    private final Users users;
    private final Concordance concordance;

    WorkbenchPages(ReviewService review, Users users, Concordance concordance) {
        this.review = review;
        this.users = users;
        this.concordance = concordance;
    }

    /** {@code selected} holds {@code id:version} pairs, so that an item changed meanwhile is not approved unseen. */
    @PostMapping("/review/{lang}/approve")
    String approveSelected(@PathVariable String lang, @RequestParam(required = false) List<String> selected,
                           @RequestParam(defaultValue = "NEEDS_REVIEW") String state,
                           @RequestParam(defaultValue = "age") String sort, @RequestParam(required = false) Long source,
                           @RequestParam(defaultValue = "0") int at, Authentication auth, RedirectAttributes redirect) {
        AppUser user = users.current(auth);
        ReviewService.requireReviewer(user, lang);
        int approved = 0;
        List<String> refused = new ArrayList<>();
        for (String pair : selected == null ? List.<String>of() : selected) {
            String[] idVersion = pair.split(":");
            try {
                review.approve(Long.parseLong(idVersion[0]), Integer.parseInt(idVersion[1]), null, null, null, user);
                approved++;
            } catch (ReviewProblem | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                refused.add("#" + idVersion[0] + ": " + e.getMessage());
            }
        }
        redirect.addFlashAttribute("approvedCount", approved);
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("refused", refused);
        }
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
