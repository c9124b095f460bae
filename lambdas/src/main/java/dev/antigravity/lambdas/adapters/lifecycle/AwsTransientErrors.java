package dev.antigravity.lambdas.adapters.lifecycle;

import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** AWS failures that may pass if asked again: no answer at all, throttling, or a 5xx. */
public final class AwsTransientErrors implements Predicate<Throwable> {
    @Override
    public boolean test(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkClientException) {
                return true;
            }
            if (cause instanceof SdkServiceException service) {
                return service.isThrottlingException() || service.statusCode() >= 500;
            }
        }
        return false;
    }
}
