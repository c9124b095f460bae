package dev.antigravity.lambdas.domain.policy;

import dev.antigravity.lambdas.domain.port.AlarmPort.AlarmStatus;
import java.util.ArrayList;
import java.util.List;

/** Decides whether a COMPLETED deployment is really healthy; every failed check is named in the verdict. */
public final class VerificationPolicy {

    public Verdict judge(VerificationEvidence evidence) {
        List<String> failures = new ArrayList<>();
        var service = evidence.service();
        if (!evidence.expectedRevisionArn().equals(service.taskDefinitionArn())) {
            failures.add(
                    "service runs " + service.taskDefinitionArn() + ", expected " + evidence.expectedRevisionArn());
        }
        // Fewer running than desired is a scale-out under way unless tasks of the new revision failed or none run.
        int failedTasks = service.primary().map(d -> d.failedTasks()).orElse(0);
        if (service.runningCount() == 0 || (service.runningCount() < service.desiredCount() && failedTasks > 0)) {
            failures.add("running " + service.runningCount() + " of " + service.desiredCount() + " desired tasks"
                    + (failedTasks > 0 ? ", " + failedTasks + " failed" : ""));
        }
        if (service.tasksOnOtherRevisions() > 0) {
            failures.add(service.tasksOnOtherRevisions() + " tasks still run an older revision");
        }
        evidence.targets().ifPresent(targets -> {
            if (targets.total() == 0) {
                failures.add("no targets registered in the target group");
            } else if (targets.healthy() != targets.total()) {
                failures.add((targets.total() - targets.healthy()) + " of " + targets.total() + " targets not healthy "
                        + targets.notHealthy());
            }
        });
        evidence.probe().ifPresent(probe -> {
            if (!probe.healthy()) {
                failures.add("/health probe failed: " + probe.detail());
            } else if (evidence.expectedVersion() != null
                    && !evidence.expectedVersion().equals(probe.version())) {
                failures.add("/health reports version " + probe.version() + ", expected " + evidence.expectedVersion());
            }
        });
        // Only an ALARM that began with this deployment counts against it: one that predates it (a hotfix shipped
        // during an incident) or INSUFFICIENT_DATA (too little traffic yet) says nothing about the new revision.
        evidence.guardAlarms().forEach((alarm, reading) -> {
            if (reading.firingSince(evidence.runningSince())) {
                failures.add("guard alarm " + alarm + " is ALARM");
            } else if (reading.status() == AlarmStatus.MISSING) {
                failures.add("guard alarm " + alarm + " does not exist");
            }
        });
        return new Verdict(failures.isEmpty(), List.copyOf(failures));
    }

    public record Verdict(boolean passed, List<String> failures) {
        public String summary() {
            return passed ? "all checks passed" : String.join("; ", failures);
        }
    }
}
