package dev.antigravity.lambdas.domain.port;

import java.util.List;

/** ALB target health of a target group. */
public interface TargetHealthPort {

    TargetHealth health(String targetGroupArn);

    /** @param notHealthy "target:port=state (reason)" of every target that is not healthy */
    record TargetHealth(int total, int healthy, List<String> notHealthy) {
        public TargetHealth {
            notHealthy = List.copyOf(notHealthy);
        }

        /** The targets of several target groups together (blue/green: the tasks sit in one or the other). */
        public static TargetHealth across(List<TargetHealth> groups) {
            return new TargetHealth(
                    groups.stream().mapToInt(TargetHealth::total).sum(),
                    groups.stream().mapToInt(TargetHealth::healthy).sum(),
                    groups.stream().flatMap(g -> g.notHealthy().stream()).toList());
        }
    }
}
