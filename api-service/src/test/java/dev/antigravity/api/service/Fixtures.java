package dev.antigravity.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.antigravity.api.http.problem.ApiException;
import dev.antigravity.api.http.problem.ServiceProblems;
import dev.antigravity.api.model.Product;
import java.math.BigDecimal;
import java.util.UUID;
import org.opentest4j.TestAbortedException;

/** Unique names and ready-made actors and products, so tests sharing a database never collide. */
final class Fixtures {
    static final Actor ADMIN = new Actor("admin-" + UUID.randomUUID(), true, "corr-admin");
    /** An administrator marking an order paid by hand, as the rules require: with a reason. */
    static final StatusChange PAID = new StatusChange("PAID", "paid by bank transfer");

    private Fixtures() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Actor customer() {
        return new Actor(unique("customer"), false, unique("corr"));
    }

    /** A customer registered as a user (so their orders are notified), with an SMS number if given. */
    static Actor registered(DomainServices s, String phone, boolean smsOptIn) {
        String subject = unique("customer");
        s.users()
                .register(
                        ADMIN,
                        new UserRegistration(unique("c") + "@example.com", "C", "CUSTOMER", subject, phone, smsOptIn));
        return new Actor(subject, false, unique("corr"));
    }

    static Product product(DomainServices services, String name, String price, int stock) {
        return services.products().create(ADMIN, new ProductInput(name, "", new BigDecimal(price), stock));
    }

    /**
     * The refusal {@code call} throws, as the HTTP problem it becomes (so tests state statuses);
     * fails the test if it throws nothing, or anything but a ServiceException. A skip raised inside
     * {@code call} (no PostgreSQL for an engine opened on first use) stays a skip.
     */
    static ApiException problem(Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        if (thrown instanceof TestAbortedException skipped) {
            throw skipped;
        }
        assertThat(thrown).isInstanceOf(ServiceException.class);
        return ServiceProblems.from((ServiceException) thrown);
    }

    /** The HTTP status a refusal becomes. */
    static int status(ServiceException refused) {
        return ServiceProblems.from(refused).status();
    }

    static java.util.List<String> fields(ApiException problem) {
        return problem.errors().stream().map(FieldError::field).toList();
    }
}
