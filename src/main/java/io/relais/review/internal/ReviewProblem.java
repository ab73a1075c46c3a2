package io.relais.review.internal;

import java.util.Map;

import org.springframework.http.HttpStatus;

import io.relais.http.ApiProblem;

/** A review action that cannot be done, with the HTTP status and details the API answers (and the pages show). */
class ReviewProblem extends ApiProblem {

    final HttpStatus status;
    final Map<String, Object> details;

    ReviewProblem(HttpStatus status, String message, Map<String, Object> details) {
        super(status, message, details);
        this.status = status;
        this.details = details;
    }

    ReviewProblem(HttpStatus status, String message) {
        this(status, message, Map.of());
    }
}
