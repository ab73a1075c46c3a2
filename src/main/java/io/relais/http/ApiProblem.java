package io.relais.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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

    /**
     * A path or query value of the wrong type ({@code /api/partners/abc}): a 400 that names it and says what is
     * expected, in the API's words (no Java type names).
     */
    public static ApiProblem wrongType(TypeMismatchException e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String given = String.valueOf(e.getValue());
        given = given.length() > 40 ? given.substring(0, 40) + "…" : given;
        Class<?> type = e.getRequiredType();
        String expected;
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            expected = "a whole number";
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "true or false";
        } else if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            expected = "a number";
        } else if (type != null && type.isEnum()) {
            expected = "one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        } else {
            expected = "a value of another form";
        }
        return new ApiProblem(HttpStatus.BAD_REQUEST, "'" + given + "' is not a valid " + (name == null ? "value" : name)
                + ": " + expected + " is expected");
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
