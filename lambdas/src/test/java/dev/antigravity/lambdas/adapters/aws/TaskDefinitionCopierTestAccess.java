package dev.antigravity.lambdas.adapters.aws;

import java.util.Set;

/** Exposes the copier's package-private self-check to the test in another package. */
public final class TaskDefinitionCopierTestAccess {
    private TaskDefinitionCopierTestAccess() {}

    public static Set<String> uncopiable() {
        return TaskDefinitionCopier.uncopiableMembers();
    }
}
