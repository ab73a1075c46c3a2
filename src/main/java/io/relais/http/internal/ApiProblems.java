package io.relais.http.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.relais.http.ApiProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;

/**
 * The one error path of the JSON APIs ({@code @RestController}s; the server-rendered pages show their own): an
 * {@link ApiProblem} and Spring MVC's own errors (unreadable body, wrong method, field errors...) become
 * {@link ProblemDetail}s; field errors list each field and its message under {@code fields}; a body that cannot be
 * read says why (not JSON, where; not UTF-8; not the shape expected; empty), never only "Failed to read request".
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        if (problem.getCodes() != null) {
            // for a person: the sentence in their interface language (the page's cookie), which the workbench shows;
            // the detail stays the same for scripts
            body.setProperty("message", messages.getMessage(problem, LocaleContextHolder.getLocale()));
        }
        problem.details().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid request: " + fields.size() + " field(s) to correct");
        body.setProperty("fields", fields);
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable(e)));
    }

    /**
     * A path or query value of the wrong type ({@code /api/partners/abc}): says which and what is expected, in the
     * API's words rather than Spring's "Failed to convert" (no Java type names).
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().headers(headers)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ApiProblem.wrongType(e).getMessage()));
    }

    /** Why a body could not be read, in words a script's author can act on (no Java class or method names). */
    static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DatabindException shape) {
            String path = shape.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return "the request body is not the JSON expected" + (path.isEmpty() ? " (an object with its fields)"
                    : ": \"" + path + "\" has the wrong type") + at(shape.getLocation());
        }
        if (cause instanceof JacksonException syntax) {
            return "the request body is not valid JSON: " + syntax.getOriginalMessage() + at(syntax.getLocation());
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith("Required request body is missing") ? "the request body is empty"
                : "the request body could not be read";
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
