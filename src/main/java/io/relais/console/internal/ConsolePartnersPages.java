package io.relais.console.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

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

import io.relais.article.Source;
import io.relais.article.Sources;
import io.relais.publish.FeedView.ContentMode;
import io.relais.publish.Partner;
import io.relais.publish.PartnerFilters;
import io.relais.publish.Partners;
import io.relais.publish.PublicationPolicy;

/**
 * Partners in the console, through the publish module's {@link Partners} (the rules {@code /api/partners} applies):
 * the list with each partner's request figures (fetches, share answered 304, last fetch), add (the token and feed
 * URLs shown once, on the page that answers the form, never stored or put in a flash), edit languages, filters and
 * what it receives, rotate the token and revoke it (both asked first).
 */
@Controller
@RequestMapping("/console/partners")
class ConsolePartnersPages {

    /** The add and edit form as typed: lists as the operator typed them (comma separated). */
    record PartnerForm(String name, List<String> langs, List<Long> sources, String categories, String keywords,
                       String content, boolean bilingual, boolean resurface, boolean reviewedOnly) {

        PartnerForm {
            langs = langs == null ? List.of() : langs;
            sources = sources == null ? List.of() : sources;
        }

        static PartnerForm blank() {
            return new PartnerForm("", List.of(), List.of(), "", "", "FULL", false, false, true);
        }

        static PartnerForm of(Partner p) {
            PartnerFilters f = p.filters();
            return new PartnerForm(p.name(), p.languages(), f.sources(), String.join(", ", f.categories()),
                    String.join(", ", f.keywords()), f.content().name(), f.bilingual(), f.resurface(),
                    p.policy() == PublicationPolicy.REVIEWED);
        }

        PartnerFilters filters() {
            ContentMode mode;
            try {
                mode = ContentMode.valueOf(content == null ? "FULL" : content.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                mode = ContentMode.FULL;
            }
            return new PartnerFilters(sources, split(categories), split(keywords), mode, bilingual, resurface);
        }

        /** The partner's publication policy: only what editors approved, or machine translations (marked) too. */
        PublicationPolicy policy() {
            return reviewedOnly ? PublicationPolicy.REVIEWED : PublicationPolicy.MACHINE;
        }

        private static List<String> split(String list) {
            return list == null ? List.of() : Arrays.stream(list.split("[,\\n]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }

    private final Partners partners;
    private final Sources sources;
    private final ConsoleActions actions;

    ConsolePartnersPages(Partners partners, Sources sources, ConsoleActions actions) {
        this.partners = partners;
        this.sources = sources;
        this.actions = actions;
    }

    @GetMapping
    String list(Model model) {
        return page(model, PartnerForm.blank(), Map.of());
    }

    private String page(Model model, PartnerForm form, Map<String, String> errors) {
        model.addAttribute("partners", partners.list());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", feedSources());
        model.addAttribute("modes", ContentMode.values());
        return "console/partners";
    }

    private List<Source> feedSources() {
        return sources.findAll();
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> langs,
                  @RequestParam(required = false) List<Long> sourceIds, @RequestParam(defaultValue = "") String categories,
                  @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "FULL") String content,
                  @RequestParam(defaultValue = "false") boolean bilingual,
                  @RequestParam(defaultValue = "false") boolean resurface,
                  @RequestParam(defaultValue = "false") boolean reviewedOnly,
                  Authentication auth, Model model, HttpServletResponse response) {
        PartnerForm form = new PartnerForm(name, langs, sourceIds, categories, keywords, content, bilingual, resurface,
                reviewedOnly);
        Partners.IssuedToken[] issued = new Partners.IssuedToken[1];
        ConsoleActions.Refused refused = actions.attempt(auth, "partner.add", name.strip(), () -> {
            try {
                issued[0] = partners.create(name, form.langs(), form.policy(), form.filters());
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
            return Said.of("console.partner.added", issued[0].partner().id(), issued[0].partner().name());
        });
        if (refused != null) {
            response.setStatus(422);
            model.addAttribute("problem", refused.text());
            model.addAttribute("problemDetail", refused.detail());
            return page(model, form, Map.of(refused.field() == null ? "name" : refused.field(), refused.text()));
        }
        return token(model, issued[0], "console.partner.tokenNew");
    }

    /** The only time a token is shown: on the page that answers the form, not stored in the session. */
    private String token(Model model, Partners.IssuedToken issued, String key) {
        model.addAttribute("issued", issued);
        model.addAttribute("tokenTitle", actions.text(Said.of(key, issued.partner().name())));
        return "console/partner-token";
    }

    /** A refusal of the publish module ("name: required", "languages: ...", "filters: ...") on its form field. */
    private static ConsoleRefusal refusal(IllegalArgumentException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String field = message.startsWith("languages") ? "langs" : message.startsWith("filters") ? "filters" : "name";
        return new ConsoleRefusal(field, Said.of("console.partner.error." + field), message);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Partner partner = find(id);
        return editPage(model, partner, PartnerForm.of(partner), Map.of());
    }

    private String editPage(Model model, Partner partner, PartnerForm form, Map<String, String> errors) {
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sources", feedSources());
        model.addAttribute("modes", ContentMode.values());
        return "console/partner";
    }

    @PostMapping("/{id}")
    String save(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                @RequestParam(required = false) List<String> langs, @RequestParam(required = false) List<Long> sourceIds,
                @RequestParam(defaultValue = "") String categories, @RequestParam(defaultValue = "") String keywords,
                @RequestParam(defaultValue = "FULL") String content, @RequestParam(defaultValue = "false") boolean bilingual,
                @RequestParam(defaultValue = "false") boolean resurface,
                @RequestParam(defaultValue = "false") boolean reviewedOnly, Authentication auth, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        Partner partner = find(id);
        PartnerForm form = new PartnerForm(name, langs, sourceIds, categories, keywords, content, bilingual, resurface,
                reviewedOnly);
        ConsoleActions.Refused refused = actions.attempt(auth, "partner.edit", "#" + id, () -> {
            try {
                partners.update(id, name, form.langs(), form.policy(), form.filters());
            } catch (IllegalArgumentException e) {
                throw refusal(e);
            }
            return Said.of("console.partner.saved", id, name.strip());
        });
        if (refused != null) {
            response.setStatus(422);
            model.addAttribute("problem", refused.text());
            model.addAttribute("problemDetail", refused.detail());
            return editPage(model, partner, form, Map.of(refused.field() == null ? "name" : refused.field(), refused.text()));
        }
        redirect.addFlashAttribute("message", actions.text(Said.of("console.partner.saved", id, name.strip())));
        return "redirect:/console/partners";
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable long id, @RequestParam(required = false) String confirmed, Authentication auth,
                  Model model) {
        Partner partner = find(id);
        if (!Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.partner.rotateTitle", partner.name())),
                            "/console/partners/" + id + "/rotate")
                    .line(actions.text(Said.of("console.partner.rotateWhat", partner.name())))
                    .button(actions.text(Said.of("console.partner.rotateButton")))
                    .back("/console/partners")
                    .show(model);
        }
        Partners.IssuedToken[] issued = new Partners.IssuedToken[1];
        actions.attempt(auth, "partner.rotate", "#" + id, () -> {
            issued[0] = partners.rotate(id).orElseThrow(() -> new ConsoleRefusal(null, "console.notFound"));
            return Said.of("console.partner.rotated", id, partner.name());
        });
        if (issued[0] == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + id);
        }
        return token(model, issued[0], "console.partner.tokenRotated");
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String confirmed, Authentication auth,
                  Model model, RedirectAttributes redirect) {
        Partner partner = find(id);
        if (!Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.partner.revokeTitle", partner.name())),
                            "/console/partners/" + id + "/revoke")
                    .line(actions.text(Said.of("console.partner.revokeWhat", partner.name())))
                    .button(actions.text(Said.of("console.partner.revokeButton")))
                    .back("/console/partners")
                    .show(model);
        }
        return actions.run(auth, redirect, "partner.revoke", "#" + id, () -> {
            partners.revoke(id).orElseThrow(() -> new ConsoleRefusal(null, "console.notFound"));
            return Said.of("console.partner.revoked.done", id, partner.name());
        }, "/console/partners");
    }

    private Partner find(long id) {
        return partners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no partner " + id));
    }
}
