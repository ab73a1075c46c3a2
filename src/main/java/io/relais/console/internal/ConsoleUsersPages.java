package io.relais.console.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.system.AccountRefusedException;
import io.relais.system.UserAccounts;

/**
 * Editors and administrators in the console: add, languages and role, disable / enable, reset a password. A refused
 * add comes back with what was typed (the password too: it was typed into this page and goes back into it only) and
 * the field at fault.
 */
@Controller
@RequestMapping("/console/users")
class ConsoleUsersPages {

    /** The add form as typed. */
    record UserForm(String username, String password, String role, List<String> langs) {

        UserForm {
            langs = langs == null ? List.of() : langs;
        }
    }

    private final UserAccounts users;
    private final ConsoleActions actions;

    ConsoleUsersPages(UserAccounts users, ConsoleActions actions) {
        this.users = users;
        this.actions = actions;
    }

    @GetMapping
    String list(Model model) {
        return page(model, new UserForm("", "", "EDITOR", List.of()), Map.of());
    }

    private String page(Model model, UserForm form, Map<String, String> errors) {
        model.addAttribute("users", users.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/users";
    }

    @PostMapping
    String add(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
               @RequestParam(defaultValue = "EDITOR") String role, @RequestParam(required = false) List<String> langs,
               Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String name = username.strip();
        Said done = Said.of("console.user.added." + ("ADMIN".equals(role) ? "ADMIN" : "EDITOR"), name,
                langs == null ? "" : String.join(", ", langs));
        ConsoleActions.Refused refused = actions.attempt(auth, "user.add", name, () -> {
            try {
                users.add(name, password, role, langs);
            } catch (AccountRefusedException e) {
                throw new ConsoleRefusal(field(e), Said.of("console.user.error." + field(e)), e.getMessage());
            }
            return done;
        });
        if (refused != null) {
            response.setStatus(422);
            model.addAttribute("problem", refused.text());
            model.addAttribute("problemDetail", refused.detail());
            return page(model, new UserForm(username, password, role, langs),
                    Map.of(refused.field() == null ? "username" : refused.field(), refused.text()));
        }
        redirect.addFlashAttribute("message", actions.text(done));
        return "redirect:/console/users";
    }

    /** The form field a refusal names: username, password, role or langs (other: username). */
    private static String field(AccountRefusedException e) {
        if (e.field() == null) {
            return "username";
        }
        return "languages".equals(e.field()) ? "langs" : e.field();
    }

    @PostMapping("/{username}/role")
    String role(@PathVariable String username, @RequestParam String role, @RequestParam(required = false) List<String> langs,
                Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "user.role", username, () -> {
            requireNotSelf(auth, username, "console.user.notSelfRole");
            try {
                users.changeRole(username, role, langs);
            } catch (AccountRefusedException e) {
                throw new ConsoleRefusal(field(e), Said.of("console.user.error." + field(e)), e.getMessage());
            }
            return Said.of("console.user.role.done." + ("ADMIN".equals(role) ? "ADMIN" : "EDITOR"), username,
                    langs == null ? "" : String.join(", ", langs));
        }, "/console/users");
    }

    @PostMapping("/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled,
                   @RequestParam(required = false) String confirmed, Authentication auth, Model model,
                   RedirectAttributes redirect) {
        if (!enabled && !Confirmation.given(confirmed)) {
            return Confirmation.of(actions.text(Said.of("console.user.disableTitle", username)),
                            "/console/users/" + username + "/enabled")
                    .line(actions.text(Said.of("console.user.disableWhat", username)))
                    .field("enabled", false)
                    .button(actions.text(Said.of("console.user.disableButton")))
                    .back("/console/users")
                    .show(model);
        }
        return actions.run(auth, redirect, enabled ? "user.enable" : "user.disable", username, () -> {
            requireNotSelf(auth, username, "console.user.notSelfDisable");
            users.setEnabled(username, enabled);
            return Said.of(enabled ? "console.user.enabled.done" : "console.user.disabled.done", username);
        }, "/console/users");
    }

    @PostMapping("/{username}/password")
    String password(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                    Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "user.password", username, () -> {
            try {
                users.resetPassword(username, password);
            } catch (AccountRefusedException e) {
                throw new ConsoleRefusal("password", Said.of("console.user.error." + field(e)), e.getMessage());
            }
            return Said.of("console.user.password.done", username);
        }, "/console/users");
    }

    private static void requireNotSelf(Authentication auth, String username, String key) {
        if (auth.getName().equals(username)) {
            throw new ConsoleRefusal(null, key);
        }
    }
}
