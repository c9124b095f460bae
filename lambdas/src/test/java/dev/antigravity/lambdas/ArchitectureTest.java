package dev.antigravity.lambdas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagon's direction, checked on the compiled classes: the domain and the use cases name no SDK, JSON library,
 * injector or outer layer, so they run unchanged over in-memory ports and a fake ECS; the wiring composes adapters
 * and use cases but never reaches into the Lambda entry points it serves.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {
    static final String ROOT = "dev.antigravity.lambdas";

    @ArchTest
    static final ArchRule domainAndUseCasesDependOnNoInfrastructureNorOuterLayer = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".domain..", ROOT + ".app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon..",
                    "com.amazonaws..",
                    "com.fasterxml..",
                    "dagger..",
                    ROOT + ".adapters..",
                    ROOT + ".wiring..",
                    ROOT + ".handlers..")
            .because("domain and app are the inside of the hexagon: ports, not SDKs, JSON or injection");

    @ArchTest
    static final ArchRule wiringDoesNotDependOnHandlers = noClasses()
            .that()
            .resideInAPackage(ROOT + ".wiring..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".handlers..")
            .because("handlers are the outermost shell: they build a component, never the other way round");

    /**
     * The production classes, wherever the build writes them: ArchUnit's own DoNotIncludeTests knows only
     * {@code target/test-classes}, and {@code -Dbuild.dir} moves {@code target/}.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }
}
