package io.relais.http;

import java.util.Map;

import org.springframework.http.HttpStatusCode;

/**
 * An API call that cannot be done, said once: the HTTP status, a sentence for the caller and any details (both
 * versions of a conflict, the dead letter a refusal was recorded as...). Every JSON API answers it as an RFC 9457
 * {@code ProblemDetail} ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and the details
 * as further members), from one place.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatusCode status;
    private final transient Map<String, Object> details;

    public ApiProblem(HttpStatusCode status, String detail, Map<String, Object> details) {
        super(detail);
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    public ApiProblem(HttpStatusCode status, String detail) {
        this(status, detail, Map.of());
    }

    public HttpStatusCode status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
