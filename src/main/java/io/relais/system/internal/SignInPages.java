package io.relais.system.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The sign-in page (Spring Security posts the form to {@code /login}), in the UI language: it says why the user is
 * there — a wrong user name or password ({@code ?error}), too many failed sign-ins (429, from
 * {@link LoginThrottleFilter}), an expired session ({@code ?expired}), signed out ({@code ?logout}) — and keeps the
 * user name typed. The sign-out page ({@code GET /logout}) asks before signing out (the sign-out itself is a POST,
 * CSRF-protected).
 */
@Controller
class SignInPages {

    /** Where {@link LoginThrottleFilter} forwards a refused sign-in form, with the {@link #REFUSAL} attribute. */
    static final String REFUSED = "/login/refused";

    static final String REFUSAL = SignInPages.class.getName() + ".refusal";

    private static final String USERNAME = SignInPages.class.getName() + ".username";

    private final MessageSource messages;

    SignInPages(MessageSource messages) {
        this.messages = messages;
    }

    /** Keeps the user name typed for the next sign-in page this session shows. */
    static void rememberUsername(HttpServletRequest request, String username) {
        if (username != null && !username.isBlank() && username.length() <= 200) {
            request.getSession(true).setAttribute(USERNAME, username.strip());
        }
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String expired,
                  @RequestParam(required = false) String logout, Authentication auth, HttpServletRequest request,
                  Model model, Locale locale) {
        if (signedIn(auth) && error == null && expired == null) {
            return "redirect:" + ReturnAfterSignIn.HOME;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(USERNAME) != null) {
            model.addAttribute("username", session.getAttribute(USERNAME));
            session.removeAttribute(USERNAME);
        }
        if (error != null) {
            model.addAttribute("problem", messages.getMessage("signin.error", null, locale));
        } else if (expired != null) {
            model.addAttribute("problem", messages.getMessage("signin.expired", null, locale));
        } else if (logout != null) {
            model.addAttribute("notice", messages.getMessage("signin.loggedOut", null, locale));
        }
        return "system/login";
    }

    /** A sign-in the throttle refused: the page again, 429, the reason and the user name typed. */
    @RequestMapping(REFUSED)
    String refused(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        if (!(request.getAttribute(REFUSAL) instanceof LoginThrottle.Refusal refusal)) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        String username = request.getParameter("username");
        if (username != null && !username.isBlank() && username.length() <= 200) {
            model.addAttribute("username", username.strip());
        }
        model.addAttribute("problem", messages.getMessage(refusal.minutes() == 0 ? "signin.busy"
                : refusal.perUser() ? "signin.throttled.user" : "signin.throttled.address",
                new Object[] {refusal.minutes()}, locale));
        return "system/login";
    }

    @GetMapping("/logout")
    String signOut(Authentication auth, Model model) {
        if (!signedIn(auth)) {
            return "redirect:/login?logout";
        }
        model.addAttribute("username", auth.getName());
        return "system/logout";
    }

    private static boolean signedIn(Authentication auth) {
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }
}
