package dev.antigravity.api.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * The project's convention for Stripe's API in tests, as {@link TestDatabases} for PostgreSQL:
 * {@code TEST_STRIPE_URL} names a running stripe-mock ({@code scripts/local-services} starts one);
 * without it the test is skipped, or fails under {@code REQUIRE_INTEGRATION=true}.
 */
public final class StripeMock {
    /** stripe-mock accepts any key of the right shape. */
    public static final String SECRET_KEY = "sk_test_antigravity";

    private StripeMock() {}

    /** The API base of a stripe-mock that answers, or skip/fail per the convention. */
    public static synchronized String url() {
        String url = System.getenv("TEST_STRIPE_URL");
        String reason;
        if (url == null || url.isBlank()) {
            reason = "stripe-mock unavailable: set TEST_STRIPE_URL (scripts/local-services starts stripe-mock)";
        } else if (!answers(url)) {
            reason = "stripe-mock at TEST_STRIPE_URL=" + url + " does not answer";
        } else {
            return url;
        }
        if (TestDatabases.integrationRequired()) {
            throw new IllegalStateException(reason + " (REQUIRE_INTEGRATION=true)");
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static boolean answers(String url) {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(url + "/v1/balance"))
                            .header("Authorization", "Bearer " + SECRET_KEY)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code @ExtendWith(StripeMock.Required.class)} for a server test that needs it in {@code @SetUpServer}. */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                return ConditionEvaluationResult.enabled("stripe-mock at " + url());
            } catch (TestAbortedException skipped) {
                return ConditionEvaluationResult.disabled(skipped.getMessage());
            }
        }
    }
}
