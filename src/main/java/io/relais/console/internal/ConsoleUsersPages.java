package io.relais.console.internal;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.relais.system.UserAccounts;

/** Editors and administrators in the console: add, languages and role, disable / enable, reset a password. */
@Controller
@RequestMapping("/console/users")
class ConsoleUsersPages {

    private final UserAccounts users;
    private final ConsoleActions actions;

    ConsoleUsersPages(UserAccounts users, ConsoleActions actions) {
        this.users = users;
        this.actions = actions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.all());
        return "console/users";
    }

    @PostMapping
    String add(@RequestParam String username, @RequestParam String password, @RequestParam String role,
               @RequestParam(required = false) List<String> langs, Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "user.add", username, () -> {
            users.add(username.strip(), password, role, langs);
            return "added " + role.toLowerCase() + " " + username.strip() + (langs == null ? "" : " " + langs);
        }, "/console/users");
    }

    @PostMapping("/{username}/role")
    String role(@PathVariable String username, @RequestParam String role, @RequestParam(required = false) List<String> langs,
                Authentication auth, RedirectAttributes redirect) {
        return actions.run(auth, redirect, "user.role", username, () -> {
            requireNotSelf(auth, username, "change your own role");
            users.changeRole(username, role, langs);
            return username + " is " + role.toLowerCase() + (langs == null ? "" : " " + langs);
        }, "/console/users");
    }

    @PostMapping("/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, Authentication auth,
                   RedirectAttributes redirect) {
        return actions.run(auth, redirect, enabled ? "user.enable" : "user.disable", username, () -> {
            requireNotSelf(auth, username, "disable yourself");
            users.setEnabled(username, enabled);
            return username + (enabled ? " may sign in again" : " is disabled");
        }, "/console/users");
    }

    @PostMapping("/{username}/password")
    String password(@PathVariable String username, @RequestParam String password, Authentication auth,
                    RedirectAttributes redirect) {
        return actions.run(auth, redirect, "user.password", username, () -> {
            users.resetPassword(username, password);
            return "new password set for " + username;
        }, "/console/users");
    }

    private static void requireNotSelf(Authentication auth, String username, String what) {
        if (auth.getName().equals(username)) {
            throw new IllegalArgumentException("you cannot " + what + " here: ask another administrator");
        }
    }
}
