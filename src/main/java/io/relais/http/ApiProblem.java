package io.relais.http;

import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatusCode;

/**
 * An API call that cannot be done, said once: the HTTP status, a sentence for the caller and any details (both
 * versions of a conflict, the dead letter a refusal was recorded as...). Every JSON API answers it as an RFC 9457
 * {@code ProblemDetail} ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and the details
 * as further members), from one place. One a person meets on a page (an editor in the workbench) also names a
 * message of the bundles ({@link #said}): that sentence, in the user's interface language, is the problem's
 * {@code message} member and what the pages show; the {@code detail} stays the same English sentence for scripts.
 */
public class ApiProblem extends RuntimeException implements MessageSourceResolvable {

    private final HttpStatusCode status;
    private final transient Map<String, Object> details;
    private String code;
    private transient Object[] arguments;

    public ApiProblem(HttpStatusCode status, String detail, Map<String, Object> details) {
        super(detail);
        this.status = status;
        this.details = details == null ? Map.of() : details;
    }

    /** The same sentence as the bundles' {@code code}, with its arguments (messages of their own are resolved too). */
    @SuppressWarnings("unchecked")
    public <T extends ApiProblem> T said(String code, Object... arguments) {
        this.code = code;
        this.arguments = arguments;
        return (T) this;
    }

    @Override
    public String[] getCodes() {
        return code == null ? null : new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return arguments;
    }

    @Override
    public String getDefaultMessage() {
        return getMessage();
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
