package dev.antigravity.lambdas.notifyfixtures;

import dev.antigravity.lambdas.domain.ServiceRef;
import dev.antigravity.lambdas.domain.port.EcsPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ECS that only describes services, each guarded by the given alarms. */
public final class FakeEcs implements EcsPort {
    private final List<String> guardAlarms;
    public RuntimeException failure;

    public FakeEcs(List<String> guardAlarms) {
        this.guardAlarms = List.copyOf(guardAlarms);
    }

    @Override
    public ServiceSnapshot describe(ServiceRef service) {
        if (failure != null) {
            throw failure;
        }
        return new ServiceSnapshot(
                service,
                "arn:aws:ecs:us-west-2:123456789012:task-definition/api:7",
                2,
                2,
                0,
                List.of(),
                guardAlarms,
                false);
    }

    @Override
    public String registerRevision(String from, String container, String image, Map<String, String> environment) {
        throw new UnsupportedOperationException("lifecycle hooks never register revisions");
    }

    @Override
    public String updateService(ServiceRef service, String taskDefinitionArn) {
        throw new UnsupportedOperationException("lifecycle hooks never update services");
    }

    @Override
    public boolean isActive(String taskDefinitionArn) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public boolean deployedSince(ServiceRef service, String taskDefinitionArn, java.time.Instant since) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public Optional<ContainerImage> containerImage(String taskDefinitionArn, String container) {
        throw new UnsupportedOperationException("not needed");
    }
}
