package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Supply-chain rules for the workflows that actionlint does not enforce. */
class WorkflowPolicyTest {

    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s*)?uses:\\s*([^\\s#]+)(.*)$");
    private static final Pattern PINNED = Pattern.compile("^[\\w.-]+/[\\w./-]+@[0-9a-f]{40}$");

    @Test
    void everyActionIsPinnedByFullCommitShaWithItsVersionInAComment() {
        List<String> unpinned = new ArrayList<>();
        int uses = 0;
        for (Path workflow : RepositoryLayout.workflowFiles()) {
            for (String line : RepositoryLayout.read(workflow).lines().toList()) {
                Matcher use = USES.matcher(line);
                if (use.matches() && !use.group(1).startsWith("./")) {
                    uses++;
                    if (!PINNED.matcher(use.group(1)).matches() || !use.group(2).matches("\\s*#\\s*v\\S+.*")) {
                        unpinned.add(workflow.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(uses).as("actions used").isPositive();
        assertThat(unpinned)
                .as("actions not pinned by SHA (with '# vX' comment)")
                .isEmpty();
    }

    @Test
    void everyWorkflowDeclaresPermissionsAndAConcurrencyGroup() {
        for (Path workflow : RepositoryLayout.workflowFiles()) {
            String source = RepositoryLayout.read(workflow);

            assertThat(source).as(workflow + " top-level permissions").containsPattern("(?m)^permissions:");
            assertThat(source).as(workflow + " grants nothing write-all").doesNotContain("write-all");
            assertThat(source).as(workflow + " concurrency").containsPattern("(?m)^concurrency:");
        }
    }

    @Test
    void onlyTheMainBranchPushesImagesAndNothingDeploysFromTheWorkflow() {
        String ci = RepositoryLayout.read(RepositoryLayout.WORKFLOWS.resolve("ci.yml"));

        assertThat(ci).contains("id-token: write", "refs/heads/main", "sha-${{ github.sha }}");
        assertThat(ci).doesNotContain("ecs update-service", "aws ecs ", "deploy-service");
    }
}
