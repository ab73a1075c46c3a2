package io.relais.http.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import io.relais.http.ApiProblem;

/**
 * A refusal on a page (an editor of {@code es} asking the {@code en} concordance or approving in {@code en}): its
 * status and sentence on the error page, not a 500 with a stack trace at ERROR. The JSON APIs answer theirs as
 * problem details ({@link ApiProblems}, ahead of this one).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(ApiProblem.class)
    void problem(ApiProblem problem, HttpServletResponse response) throws IOException {
        response.sendError(problem.status().value(), problem.getMessage());
    }
}
