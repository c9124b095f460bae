package dev.antigravity.api.service;

import java.util.List;

/**
 * A business rule or input the service refuses, said in the domain's terms: what kind of refusal
 * it is, a message for the caller, and the invalid fields. The service knows nothing of HTTP;
 * {@code http/problem} maps each {@link Kind} to a status and a problem type.
 */
public class ServiceException extends RuntimeException {

    /** Why the request is refused. */
    public enum Kind {
        /** The input is missing or not the right shape at all. */
        MALFORMED,
        /** Fields are invalid; {@link #errors()} names each. */
        INVALID,
        /** The caller may not do this. */
        FORBIDDEN,
        /** The thing does not exist (or the caller may not know it does). */
        NOT_FOUND,
        /** The current state forbids it (a concurrent change, a finished order, a key in use). */
        CONFLICT,
        /** Not enough stock for a line; {@link #errors()} names it. */
        INSUFFICIENT_STOCK,
        /** Well-formed but impossible (an unknown product, a total too large, a reused key). */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceException(Kind kind, String detail, List<FieldError> errors) {
        super(kind + ": " + detail);
        this.kind = kind;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    static ServiceException malformed(String detail) {
        return new ServiceException(Kind.MALFORMED, detail, List.of());
    }

    static ServiceException invalid(List<FieldError> errors) {
        return new ServiceException(Kind.INVALID, "One or more fields are invalid.", errors);
    }

    static ServiceException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    static ServiceException forbidden(String detail) {
        return new ServiceException(Kind.FORBIDDEN, detail, List.of());
    }

    static ServiceException notFound(String detail) {
        return new ServiceException(Kind.NOT_FOUND, detail, List.of());
    }

    static ServiceException conflict(String detail) {
        return new ServiceException(Kind.CONFLICT, detail, List.of());
    }

    static ServiceException unprocessable(String detail) {
        return new ServiceException(Kind.UNPROCESSABLE, detail, List.of());
    }

    static ServiceException unprocessable(String detail, List<FieldError> errors) {
        return new ServiceException(Kind.UNPROCESSABLE, detail, errors);
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
