package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CI scans the dependencies of both deployable artifacts (the API's jars, the Lambda jar) with Trivy and fails on
 * fixable HIGH and CRITICAL findings. Trivy needs its vulnerability database from ghcr.io, so it runs in the GitHub
 * workflow, not in this suite; this test keeps the workflow from losing either scan or loosening one.
 */
class DependencyScanPolicyTest {

    @Test
    void bothDeployableArtifactsAreScannedForFixableHighAndCriticalVulnerabilities() {
        String verifyJob = jobSection(RepositoryLayout.read(RepositoryLayout.WORKFLOWS.resolve("ci.yml")), "verify");
        // Steps are the "      - " items of the job; a trivy step's inputs are its "key: value" lines.
        List<String> steps = Arrays.stream(verifyJob.split("\n      - ")).toList();
        List<String> scanned = new ArrayList<>();
        for (String step : steps) {
            if (step.contains("uses: aquasecurity/trivy-action@")) {
                Map<String, String> with = inputs(step);
                assertThat(with)
                        .as(step)
                        .containsEntry("scan-type", "rootfs")
                        .containsEntry("severity", "HIGH,CRITICAL")
                        .containsEntry("ignore-unfixed", "true")
                        .containsEntry("exit-code", "\"1\"");
                scanned.add(with.get("scan-ref"));
            }
        }

        assertThat(scanned).containsExactlyInAnyOrder("${{ runner.temp }}/scan/api", "${{ runner.temp }}/scan/lambda");
        assertThat(verifyJob)
                .contains(
                        "cp -r api-service/target/api-service.jar api-service/target/libs \"$RUNNER_TEMP/scan/api/\"",
                        "cp lambdas/target/antigravity-lambdas.jar \"$RUNNER_TEMP/scan/lambda/\"");
        assertThat(verifyJob.indexOf("Collect the deployable jars"))
                .as("jars collected after the build")
                .isGreaterThan(verifyJob.indexOf("run: ./mvnw -B verify"));
    }

    private static String jobSection(String workflow, String job) {
        int start = workflow.indexOf("\n  " + job + ":\n");
        assertThat(start).as("job " + job).isNotNegative();
        Matcher nextJob = Pattern.compile("\n  [a-z][\\w-]*:\n").matcher(workflow);
        int end = nextJob.find(start + 1) ? nextJob.start() : workflow.length();
        return workflow.substring(start, end);
    }

    private static Map<String, String> inputs(String step) {
        Map<String, String> inputs = new HashMap<>();
        step.lines()
                .map(String::strip)
                .filter(line -> line.matches("[a-z-]+: .+"))
                .forEach(line -> {
                    int colon = line.indexOf(": ");
                    inputs.put(line.substring(0, colon), line.substring(colon + 2));
                });
        return inputs;
    }
}
