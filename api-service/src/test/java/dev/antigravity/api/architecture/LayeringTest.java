package dev.antigravity.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md, checked on the compiled main classes: the domain and the
 * cross-cutting packages know nothing of HTTP, so HTTP stays a replaceable edge. Services raise
 * {@code ServiceException}s that {@code http/problem} maps to statuses; resources choose 201 and
 * Location.
 */
@AnalyzeClasses(packages = "dev.antigravity.api", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    private static final String API = "dev.antigravity.api.";

    @ArchTest
    static final ArchRule domainKnowsNoHttp = noClasses()
            .that()
            .resideInAnyPackage(API + "service..", API + "repository..", API + "model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API + "http..", "io.helidon.http..", "io.helidon.webserver..")
            .because("the service layer raises ServiceException and returns domain values; HTTP is mapped in http/");

    @ArchTest
    static final ArchRule domainKnowsNoPaymentProvider = noClasses()
            .that()
            .resideInAnyPackage(API + "service..", API + "repository..", API + "model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.stripe..", API + "payment..")
            .because("the provider is an adapter (payment/) behind PaymentGateway and WebhookVerifier");

    @ArchTest
    static final ArchRule healthDoesNotDependOnShutdown = noClasses()
            .that()
            .resideInAPackage(API + "health..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(API + "http.shutdown..");

    @ArchTest
    static final ArchRule metricsDoNotDependOnFilters = noClasses()
            .that()
            .resideInAPackage(API + "metrics..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(API + "http.filter..");

    @ArchTest
    static final ArchRule loggingKnowsNoHttp = noClasses()
            .that()
            .resideInAPackage(API + "logging..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(API + "http..");
}
