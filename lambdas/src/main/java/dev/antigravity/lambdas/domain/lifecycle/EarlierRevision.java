package dev.antigravity.lambdas.domain.lifecycle;

import dev.antigravity.lambdas.domain.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * A deployment that goes back: its task definition is an earlier revision of the family every source runs. A new
 * image is always registered as a new, higher revision (by Antigravity, CI or a person), so only a revert targets an
 * earlier one: Antigravity's own rollback (an UpdateService of its own, with its own ECS deployment id), or a
 * person's. Such a deployment is a rollback too, and the guard alarm that called for it is still in ALARM.
 */
public final class EarlierRevision {
    private EarlierRevision() {}

    /** @return how the deployment goes back ({@code api:6 back over api:7}), or empty when it does not */
    public static Optional<String> of(String targetTaskDefinitionArn, List<String> sourceTaskDefinitionArns) {
        Optional<FamilyRevision> target = FamilyRevision.of(targetTaskDefinitionArn);
        List<Optional<FamilyRevision>> sources =
                sourceTaskDefinitionArns.stream().map(FamilyRevision::of).toList();
        if (target.isEmpty()
                || sources.isEmpty()
                || !sources.stream()
                        .allMatch(source -> source.filter(
                                        s -> s.family().equals(target.get().family())
                                                && s.revision() > target.get().revision())
                                .isPresent())) {
            return Optional.empty();
        }
        return Optional.of(Deployment.idOf(targetTaskDefinitionArn) + " back over "
                + String.join(
                        ", ",
                        sourceTaskDefinitionArns.stream().map(Deployment::idOf).toList()));
    }

    private record FamilyRevision(String family, long revision) {
        static Optional<FamilyRevision> of(String taskDefinitionArn) {
            String id = taskDefinitionArn == null ? "" : Deployment.idOf(taskDefinitionArn);
            int colon = id.lastIndexOf(':');
            try {
                return colon <= 0
                        ? Optional.empty()
                        : Optional.of(
                                new FamilyRevision(id.substring(0, colon), Long.parseLong(id.substring(colon + 1))));
            } catch (NumberFormatException notARevision) {
                return Optional.empty();
            }
        }
    }
}
