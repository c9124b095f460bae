package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scripts that package the API for a person (scripts/run-api and scripts/mint-token through scripts/lib/api-jar.sh,
 * bench/lib/common.sh) build it in one reactor with {@code -am}. api-service's and lambdas' tests depend on
 * events-schema's test-jar, and {@code -Dmaven.test.skip=true} skips building that jar, so Maven looks for it in the
 * local repository instead; a fresh machine has none there, and a newcomer's first {@code ./scripts/run-api} failed
 * with "Could not find artifact dev.antigravity:events-schema:jar:tests". {@code -DskipTests} compiles the tests and
 * packages the test-jar without running anything.
 */
class ApiJarBuildTest {

    private static final Pattern TEST_JAR_DEPENDENCY = Pattern.compile("<type>\\s*test-jar\\s*</type>");

    private static final Pattern SKIPPED_TEST_COMPILATION = Pattern.compile("-Dmaven\\.test\\.skip(=true)?\\b");

    @Test
    void aReactorModuleDependsOnAnotherModulesTestJar() {
        // The premise of the rule below: were it gone, skipping test compilation would be safe again.
        assertThat(List.of("api-service/pom.xml", "lambdas/pom.xml"))
                .allSatisfy(pom -> assertThat(TEST_JAR_DEPENDENCY
                                .matcher(RepositoryLayout.read(RepositoryLayout.ROOT.resolve(pom)))
                                .find())
                        .as("%s depends on events-schema's test-jar", pom)
                        .isTrue());
    }

    @Test
    void noScriptSkipsCompilingTheTestJarsTheReactorNeeds() {
        List<Path> offenders = ShellScripts.under(RepositoryLayout.ROOT).stream()
                .filter(script -> RepositoryLayout.read(script)
                        .lines()
                        .filter(line -> !line.strip().startsWith("#"))
                        .anyMatch(command ->
                                SKIPPED_TEST_COMPILATION.matcher(command).find()))
                .map(RepositoryLayout.ROOT::relativize)
                .toList();

        assertThat(offenders)
                .as("scripts that build with -Dmaven.test.skip (use -DskipTests: the test-jars must be packaged)")
                .isEmpty();
    }
}
