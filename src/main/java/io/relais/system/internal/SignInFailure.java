package io.relais.system.internal;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A failed sign-in goes back to the sign-in page ({@code /login?error}) with the user name typed kept in the form.
 * The page says the same thing for a wrong password, an unknown user and a disabled account — as Django's admin
 * does — so that the page cannot be used to learn which accounts exist or are disabled.
 */
class SignInFailure implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        SignInPages.rememberUsername(request, request.getParameter("username"));
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
