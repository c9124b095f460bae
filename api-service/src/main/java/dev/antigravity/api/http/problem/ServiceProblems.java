package dev.antigravity.api.http.problem;

import dev.antigravity.api.service.ServiceException;

/** What each kind of service refusal is in HTTP: its status and problem type. */
public final class ServiceProblems {
    private ServiceProblems() {}

    public static ApiException from(ServiceException refused) {
        String detail = refused.detail();
        return switch (refused.kind()) {
            case MALFORMED -> ApiException.badRequest(detail);
            case INVALID -> ApiException.validation(refused.errors());
            case FORBIDDEN -> ApiException.forbidden(detail);
            case NOT_FOUND -> ApiException.notFound(detail);
            case CONFLICT -> ApiException.conflict(detail);
            case INSUFFICIENT_STOCK ->
                new ApiException(
                        409,
                        ApiException.TYPE_BASE + "insufficient-stock",
                        "Insufficient stock",
                        detail,
                        refused.errors());
            case UNPROCESSABLE -> ApiException.unprocessable(detail, refused.errors());
        };
    }
}
