package dev.antigravity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.antigravity.infrastructure.TerraformConfiguration.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Least privilege, checked over every policy document in terraform/. */
class IamPolicyTest {

    /**
     * The only wildcard actions allowed, by module/document#sid, each required by AWS:
     * the KMS default key statement (without it IAM cannot grant use of the key), and the KMS
     * action families CloudWatch Logs and the publishing services need on the key.
     */
    private static final Map<String, Set<String>> ALLOWED_WILDCARD_ACTIONS = Map.of(
            "kms/key#EnableIamPoliciesOfThisAccount", Set.of("kms:*"),
            "kms/key#CloudWatchLogsEncryptsThisAccountsLogGroups", Set.of("kms:ReEncrypt*", "kms:GenerateDataKey*"),
            "kms/key#AwsServicesPublishToEncryptedQueuesAndTopics", Set.of("kms:GenerateDataKey*"),
            "kms/key#CloudTrailEncryptsThisAccountsTrails", Set.of("kms:GenerateDataKey*"));

    /**
     * Scopable actions allowed on Resource "*" all the same, by module/document#sid: an SMS to a phone
     * number has no ARN (the same document denies Publish on every SNS ARN, CustomerNotificationsPolicyTest).
     */
    private static final Map<String, Set<String>> ALLOWED_ON_EVERY_RESOURCE =
            Map.of("customer-notifications/send#SendOrderSmsToPhoneNumbers", Set.of("sns:Publish"));

    /** A key policy's Resource "*" is the key itself. */
    private static final String KEY_POLICY = "kms/key";

    /** ReadOnlyAccess: only the drift role's, which denies writes besides (DriftDetectionPolicyTest). */
    private static final Set<String> ALLOWED_MANAGED_POLICIES = Set.of(
            "AmazonRDSEnhancedMonitoringRole",
            "AmazonECSInfrastructureRolePolicyForLoadBalancers",
            "policy/ReadOnlyAccess");

    private static final List<String> POLICY_ATTRIBUTES = List.of("policy", "assume_role_policy");

    @Test
    void noStatementAllowsWildcardActionsExceptTheListedOnes() {
        List<String> violations = new ArrayList<>();
        for (IamStatement statement : allStatements()) {
            Set<String> allowed = ALLOWED_WILDCARD_ACTIONS.getOrDefault(statement.key(), Set.of());
            statement.wildcardActions().stream()
                    .filter(action -> !allowed.contains(action))
                    .forEach(action -> violations.add(statement.key() + " allows " + action));
        }
        assertThat(allStatements()).hasSizeGreaterThan(30);
        assertThat(violations).isEmpty();
    }

    @Test
    void resourceWildcardsOnlyForActionsAwsCannotScope() {
        List<String> violations = new ArrayList<>();
        for (IamStatement statement : allStatements()) {
            if (!statement.location().equals(KEY_POLICY)) {
                statement.scopableActionsOnEveryResource().stream()
                        .filter(action -> !ALLOWED_ON_EVERY_RESOURCE
                                .getOrDefault(statement.key(), Set.of())
                                .contains(action))
                        .forEach(action -> violations.add(statement.key() + " grants " + action + " on *"));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theDetectorsFlagWhatTheyShould() throws Exception {
        var json = new ObjectMapper()
                .readTree(
                        "{\"sid\":\"Bad\",\"actions\":[\"s3:*\",\"ecr:GetAuthorizationToken\"],\"resources\":[\"*\"]}");
        IamStatement bad = IamStatement.of("synthetic", json);
        var deny = new ObjectMapper().readTree("{\"effect\":\"Deny\",\"actions\":[\"s3:*\"],\"resources\":[\"*\"]}");

        assertThat(bad.wildcardActions()).containsExactly("s3:*");
        assertThat(bad.scopableActionsOnEveryResource()).containsExactly("s3:*");
        assertThat(IamStatement.of("synthetic", deny).wildcardActions()).isEmpty();
    }

    @Test
    void everyPolicyComesFromAPolicyDocumentSoTheseTestsSeeIt() {
        List<String> inline = new ArrayList<>();
        TerraformConfiguration.parsed()
                .files()
                .forEach((file, json) -> json.path("resource")
                        .properties()
                        .forEach(type -> type.getValue()
                                .properties()
                                .forEach(named -> named.getValue().forEach(body -> {
                                    for (String attribute : POLICY_ATTRIBUTES) {
                                        String value = body.path(attribute).asText("");
                                        boolean isIamPolicy = !type.getKey().startsWith("aws_ecr_lifecycle");
                                        if (isIamPolicy
                                                && !value.isEmpty()
                                                && !value.matches(
                                                        "\\$\\{data\\.aws_iam_policy_document\\.[a-z_]+(\\[[^]]+])?\\.json}")) {
                                            inline.add(file + ": " + type.getKey() + "." + named.getKey() + "."
                                                    + attribute + " = " + value);
                                        }
                                    }
                                }))));
        assertThat(inline).isEmpty();
    }

    @Test
    void onlyNarrowAwsManagedPoliciesAreAttached() {
        List<String> attached = TerraformConfiguration.parsed().resources("aws_iam_role_policy_attachment").stream()
                .map(block -> block.body().path("policy_arn").asText())
                .toList();
        assertThat(attached)
                .isNotEmpty()
                .allSatisfy(arn -> assertThat(ALLOWED_MANAGED_POLICIES).anyMatch(arn::endsWith));
    }

    @Test
    void githubRoleCanOnlyPushToItsRepositoryFromOneBranch() {
        ModuleSource oidc = ModuleSource.module("github-oidc");
        var trust = oidc.data("aws_iam_policy_document").stream()
                .filter(doc -> doc.name().equals("trust"))
                .findFirst()
                .orElseThrow();
        var conditions = trust.nested("statement").getFirst().path("condition");
        List<String> subjects = new ArrayList<>();
        conditions.forEach(condition -> {
            assertThat(condition.path("test").asText())
                    .as("no StringLike wildcards in the trust")
                    .isEqualTo("StringEquals");
            if (condition.path("variable").asText().endsWith(":sub")) {
                subjects.addAll(TerraformConfiguration.strings(condition.get("values")));
            }
        });
        assertThat(subjects).containsExactly("repo:${var.github_repository}:ref:refs/heads/${var.branch}");
        assertThat(oidc.variableDefault("branch").asText()).isEqualTo("main");

        List<IamStatement> push = statements(oidc.data("aws_iam_policy_document").stream()
                .filter(doc -> doc.name().equals("push"))
                .findFirst()
                .orElseThrow());
        assertThat(push)
                .filteredOn(statement -> statement.actions().contains("ecr:PutImage"))
                .singleElement()
                .satisfies(statement -> assertThat(statement.resources()).containsExactly("${var.ecr_repository_arn}"));
        assertThat(push)
                .flatMap(IamStatement::actions)
                .noneMatch(action ->
                        action.startsWith("ecr:Delete") || action.startsWith("ecr:Set") || action.startsWith("iam:"));
    }

    private static List<IamStatement> allStatements() {
        return TerraformConfiguration.parsed().data("aws_iam_policy_document").stream()
                .flatMap(document -> statements(document).stream())
                .toList();
    }

    private static List<IamStatement> statements(Block document) {
        String location = document.moduleDir().getFileName() + "/" + document.name();
        return document.nested("statement").stream()
                .map(statement -> IamStatement.of(location, statement))
                .toList();
    }
}
